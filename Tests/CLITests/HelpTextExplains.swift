import ArgumentParser
import Testing
import ConflictMapCLI

/// The help a user reads says what the tool promises: geodesics on WGS84, the spelling
/// rules of the name lookup, the exit codes.
@Suite("Help text explains the commands")
struct HelpTextExplains {
    static func subcommand(_ name: String) throws -> ParsableCommand.Type {
        try #require(ConflictMap.configuration.subcommands.first { $0._commandName == name }, "no subcommand \(name)")
    }

    /// Help at a wide terminal, with line breaks folded, so phrases are not split by wrapping.
    static func help(_ command: ParsableCommand.Type) -> String {
        ConflictMap.helpMessage(for: command, columns: 400)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("The root help gives the exit codes and the subcommands")
    func rootHelp() {
        let help = Self.help(ConflictMap.self)
        for phrase in ["Exit codes", "0 success", "1 bad input", "2 unreadable or invalid data files", "64 usage errors",
                       "locate", "distance", "CONFLICTMAP_GAZETTEER", "--gazetteer", "WGS84", "never haversine"] {
            #expect(help.contains(phrase), "root help lacks '\(phrase)'")
        }
    }

    @Test("distance help says geodesic, WGS84, Karney, the bearing and the units")
    func distanceHelp() throws {
        let help = Self.help(try Self.subcommand("distance"))
        for phrase in ["geodesic", "WGS84", "Karney", "initial azimuth", "16-point compass", "--units", "km", "mi", "nmi",
                       "--table", "--json", "LAT,LON", "--gazetteer"] {
            #expect(help.contains(phrase), "distance help lacks '\(phrase)'")
        }
    }

    @Test("locate help lists the normaliser's rules and the exit code of unknown names")
    func locateHelp() throws {
        let help = Self.help(try Self.subcommand("locate"))
        for phrase in ["case", "diacritics", "hyphens", "article", "al-", "el-", "ez-", "Deir/Dayr/Dair", "ou/u/aw", "ee/i",
                       "doubled letters", "province", "suggestions", "exit code 1", "--json", "--all", "--gazetteer"] {
            #expect(help.contains(phrase), "locate help lacks '\(phrase)'")
        }
    }

    @Test("Every subcommand has an abstract and examples", arguments: ["locate", "distance"])
    func examples(name: String) throws {
        let command = try Self.subcommand(name)
        #expect(!command.configuration.abstract.isEmpty)
        #expect(Self.help(command).contains("conflictmap \(name) "))
    }

    @Test("The gazetteer option documents its default")
    func gazetteerOptionDefault() throws {
        for name in ["locate", "distance"] {
            let help = Self.help(try Self.subcommand(name))
            #expect(help.contains("$CONFLICTMAP_GAZETTEER") || help.contains("CONFLICTMAP_GAZETTEER"))
            #expect(help.contains("Gazetteer/"))
        }
    }
}
