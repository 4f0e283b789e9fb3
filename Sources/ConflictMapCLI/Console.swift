#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Places

/// Where the CLI writes: data to stdout, diagnostics to stderr.
enum Console {
    static func output(_ text: String) {
        write(text.hasSuffix("\n") ? text : text + "\n", to: 1)
    }

    static func error(_ text: String) {
        write("conflictmap: " + text + "\n", to: 2)
    }

    /// Writes all of `text` to a file descriptor; a closed pipe ends it quietly (nothing
    /// more to say).
    private static func write(_ text: String, to fd: Int32) {
        _ = writeAllBytes(Array(text.utf8), to: fd)
    }
}

/// Left-aligns text in a column of `width` characters (for tables and labels).
func padded(_ text: String, to width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
/// A failure the user can act on: one line on stderr and an exit code.
struct CLIFailure: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32

    /// Bad input: an unknown place, a malformed coordinate.
    static func input(_ message: String) -> CLIFailure { CLIFailure(message: message, exitCode: 1) }
    /// A data file that cannot be read or is broken.
    static func data(_ message: String) -> CLIFailure { CLIFailure(message: message, exitCode: 2) }
    /// Exit with a code; the messages are already on stderr.
    static func quiet(_ code: Int32) -> CLIFailure { CLIFailure(message: "", exitCode: code) }

    var description: String { message }
}
