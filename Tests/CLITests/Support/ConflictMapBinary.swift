import Foundation
import Testing

/// The repository, found from this file's path (`<repo>/Tests/CLITests/Support/…`).
enum Repository {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.lastPathComponent != "Tests", url.path != "/" { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent()
    }()
}

/// The `conflictmap` executable of the build these tests belong to.
enum ConflictMapBinary {
    /// Next to the test bundle first (SwiftPM puts the `.xctest` and the executables in the
    /// same products directory), else the newest `<repo>/.build*/**/debug/conflictmap`.
    static let url: URL? = {
        let fm = FileManager.default
        var starts: [URL] = []
        if let exe = Bundle.main.executableURL { starts.append(exe.resolvingSymlinksInPath().deletingLastPathComponent()) }
        starts.append(Bundle.main.bundleURL.resolvingSymlinksInPath())
        starts.append(Bundle.main.bundleURL.resolvingSymlinksInPath().deletingLastPathComponent())
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            starts.append(bundle.bundleURL.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        // The products directory, or up to three levels above an .xctest's inner binary.
        for start in starts {
            var dir = start
            for _ in 0..<4 {
                let candidate = dir.appendingPathComponent("conflictmap")
                if fm.isExecutableFile(atPath: candidate.path) { return candidate }
                dir.deleteLastPathComponent()
            }
        }
        // Fallback: any build directory of this repository, newest binary first.
        var found: [(URL, Date)] = []
        let buildDirs = ((try? fm.contentsOfDirectory(atPath: Repository.root.path)) ?? []).filter { $0.hasPrefix(".build") }
        for build in buildDirs {
            let base = Repository.root.appendingPathComponent(build)
            let triples = (try? fm.contentsOfDirectory(atPath: base.path)) ?? []
            for sub in ["debug"] + triples.map({ "\($0)/debug" }) {
                let candidate = base.appendingPathComponent(sub).appendingPathComponent("conflictmap")
                if fm.isExecutableFile(atPath: candidate.path),
                   let date = (try? fm.attributesOfItem(atPath: candidate.path))?[.modificationDate] as? Date {
                    found.append((candidate, date))
                }
            }
        }
        return found.max { $0.1 < $1.1 }?.0
    }()
}

/// What one run of the binary did.
struct Run: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    var timedOut: Bool
    /// Ended by a signal (a Swift trap is SIGILL or SIGTRAP), not by exit().
    var signaled: Bool

    var stderrLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast(stderr.hasSuffix("\n") ? 1 : 0).map { $0 } }
    var description: String { "exit \(status)\(signaled ? " (signal)" : "")\(timedOut ? " (timed out)" : "")\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }

    /// No trap, no backtrace, in either stream.
    var looksLikeACrash: Bool {
        let text = stdout + stderr
        return ["Fatal error", "Stack dump", "Current stack trace", "backtrace", "Segmentation fault", "Illegal instruction", "💣"]
            .contains { text.localizedCaseInsensitiveContains($0) }
            || signaled
    }
}

/// Thread-safe accumulation of a pipe's bytes.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
}

/// Runs the built `conflictmap` with `arguments`, in a scratch working directory (so the
/// bundled gazetteer must be found next to the binary), without an inherited
/// CONFLICTMAP_GAZETTEER unless `environment` sets one. With `input`, that text is its
/// standard input (else /dev/null).
func conflictmap(_ arguments: [String], environment: [String: String] = [:], input: String? = nil, timeout: TimeInterval = 120) throws -> Run {
    let binary = try #require(ConflictMapBinary.url, "cannot find the conflictmap executable; build with `swift build --build-tests`")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "CONFLICTMAP_GAZETTEER")
    env.merge(environment) { _, new in new }
    process.environment = env
    process.currentDirectoryURL = FileManager.default.temporaryDirectory
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let stdin = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : stdin

    let stdout = Collected(), stderr = Collected()
    let readers = DispatchGroup()
    DispatchQueue.global().async(group: readers) { stdout.set(out.fileHandleForReading.readDataToEndOfFile()) }
    DispatchQueue.global().async(group: readers) { stderr.set(err.fileHandleForReading.readDataToEndOfFile()) }
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    if let input {
        signal(SIGPIPE, SIG_IGN)  // the child may exit without reading its input
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
    }
    var timedOut = false
    if finished.wait(timeout: .now() + timeout) == .timedOut {
        timedOut = true
        process.terminate()
        finished.wait()
    }
    readers.wait()
    return Run(status: process.terminationStatus,
               stdout: String(decoding: stdout.value, as: UTF8.self),
               stderr: String(decoding: stderr.value, as: UTF8.self),
               timedOut: timedOut, signaled: process.terminationReason == .uncaughtSignal)
}

/// A fresh temporary directory, removed when `body` returns.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("conflictmap-cli-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    return try body(dir)
}

/// The JSON object a run printed.
func jsonObject(_ text: String) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(value as? [String: Any], "not a JSON object: \(text)")
}

func double(_ any: Any?) -> Double? { (any as? NSNumber)?.doubleValue }
