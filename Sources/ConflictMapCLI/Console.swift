import Foundation

/// Where the CLI writes: data to stdout, diagnostics to stderr.
enum Console {
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("conflictmap: " + text + "\n").utf8))
    }
}

/// A failure the user can act on: one line on stderr and an exit code.
struct CLIFailure: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32

    /// Bad input: an unknown place, a malformed coordinate.
    static func input(_ message: String) -> CLIFailure { CLIFailure(message: message, exitCode: 1) }
    /// A data file that cannot be read or is broken.
    static func data(_ message: String) -> CLIFailure { CLIFailure(message: message, exitCode: 2) }

    var description: String { message }
}
