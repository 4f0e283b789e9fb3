import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `conflictmap` command: news reports about the war in, geography out.
public struct ConflictMap: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "conflictmap",
        abstract: "Turn news reports about the war in Syria into geography, and answer geographic questions.",
        discussion: """
        Distances are WGS84 ellipsoidal geodesics (Karney's algorithm, through PROJ), never \
        haversine. Place names go through the gazetteer in Gazetteer/ (GeoNames CC BY 4.0, \
        Natural Earth, OCHA); --gazetteer or CONFLICTMAP_GAZETTEER selects another.

        Exit codes: 0 success; 1 bad input (unknown place, malformed coordinates); \
        2 unreadable or invalid data files; 64 usage errors.
        """,
        version: "0.1.0",
        subcommands: [Map.self, Locate.self, Distance.self, Side.self, Extract.self, Check.self, Holder.self, Zones.self]
    )

    public init() {}

    /// Runs the command line and exits: data on stdout, one line per error on stderr.
    public static func runAndExit(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            terminate(0)
        } catch let failure as CLIFailure {
            if !failure.message.isEmpty { Console.error(failure.message) }
            terminate(failure.exitCode)
        } catch {
            // --help and --version arrive as errors too; they keep ArgumentParser's output.
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            // Usage errors: one line, naming the fix, instead of the usage block.
            let subcommand = arguments.first { !$0.hasPrefix("-") }.flatMap { name in
                configuration.subcommands.first { $0._commandName == name }?._commandName
            }
            let hint = subcommand.map { "see 'conflictmap \($0) --help'" } ?? "see 'conflictmap --help'"
            let message = message(for: error).split(separator: "\n").joined(separator: " ")
            Console.error("\(message) (\(hint))")
            terminate(code.rawValue)
        }
    }
}


/// Ends the process with a status (the C library's exit, named apart from ArgumentParser's).
func terminate(_ code: Int32) -> Never {
    exit(code)
}
