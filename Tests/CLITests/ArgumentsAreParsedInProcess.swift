import ArgumentParser
import Testing
import ConflictMapCLI

/// The command line, parsed in-process: what is accepted, and what is a usage error
/// (exit code 64) before anything runs.
@Suite("Arguments are parsed in-process")
struct ArgumentsAreParsedInProcess {
    static func subcommandName(_ arguments: [String]) throws -> String {
        type(of: try ConflictMap.parseAsRoot(arguments))._commandName
    }

    @Test("Accepted command lines", arguments: [
        (["distance", "A", "B", "--units", "mi"], "distance"),
        (["distance", "Deir ez-Zor", "Raqqa"], "distance"),
        (["distance", "35.336,40.141", "33.50583,38.61778", "--units", "km", "--json"], "distance"),
        (["distance", "A", "B", "--units", "nmi"], "distance"),
        (["distance", "A", "B", "--units", "m"], "distance"),
        (["distance", "--table", "A", "B", "C"], "distance"),
        (["distance", "--table", "A", "B"], "distance"),
        (["distance", "A", "B", "--gazetteer", "/some/where"], "distance"),
        (["locate", "Deir", "el-Zour"], "locate"),
        (["locate", "Albu Kamal", "--json"], "locate"),
        (["locate", "al-Salihiyah", "--all"], "locate"),
        (["locate", "Raqqa", "--gazetteer", "/some/where"], "locate"),
    ])
    func accepted(arguments: [String], subcommand: String) throws {
        #expect(try Self.subcommandName(arguments) == subcommand)
    }

    @Test("Usage errors are rejected before running, as exit code 64", arguments: [
        ["distance", "A", "B", "--units", "furlongs"],
        ["distance", "A", "B", "--units"],
        ["distance", "A"],
        ["distance"],
        ["distance", "A", "B", "C"],
        ["distance", "--table", "A"],
        ["distance", "--table"],
        ["locate"],
        ["locate", ""],
        ["locate", "   "],
        ["locate", "Raqqa", "--gazetteer"],
        ["locate", "Raqqa", "--no-such-flag"],
        ["teleport", "Raqqa"],
    ])
    func rejected(arguments: [String]) {
        let error = #expect(throws: (any Error).self) { try ConflictMap.parseAsRoot(arguments) }
        if let error {
            #expect(ConflictMap.exitCode(for: error).rawValue == 64, "\(arguments): \(ConflictMap.message(for: error))")
            #expect(!ConflictMap.message(for: error).isEmpty)
        }
    }

    @Test("The usage message says what to fix", arguments: [
        (["distance", "--table", "A"], "at least two"),
        (["distance", "A"], "exactly two"),
        (["distance", "A", "B", "--units", "furlongs"], "furlongs"),
        (["locate"], "<name>"),
        (["locate", " "], "place name"),
    ])
    func usageMessages(arguments: [String], mentions: String) {
        let error = #expect(throws: (any Error).self) { try ConflictMap.parseAsRoot(arguments) }
        if let error {
            let message = ConflictMap.message(for: error)
            #expect(message.localizedCaseInsensitiveContains(mentions), "\(message)")
        }
    }

    @Test("--help and --version are not failures", arguments: [["--help"], ["distance", "--help"], ["locate", "-h"], ["--version"]])
    func helpIsSuccess(arguments: [String]) {
        // Help parses to ArgumentParser's help command; --version arrives as a clean exit.
        do {
            let command = try ConflictMap.parseAsRoot(arguments)
            #expect(type(of: command)._commandName == "help", "\(arguments) parsed to \(type(of: command))")
        } catch {
            #expect(ConflictMap.exitCode(for: error) == .success, "\(arguments): \(ConflictMap.message(for: error))")
        }
    }

    @Test("The root command lists every subcommand")
    func subcommands() {
        #expect(ConflictMap.configuration.subcommands.map { $0._commandName }.sorted() == ["check", "distance", "extract", "holder", "locate", "map", "side", "zones"])
        #expect(ConflictMap.configuration.commandName == "conflictmap")
    }
}
