import Foundation

// The `maps` section: `conflictmap map` as a whole process, as the README runs it, on the
// seeds and on a corpus of 1,000 reports written to a temporary folder.

/// Runs the conflictmap binary with `arguments` (output to /dev/null) and returns its
/// wall time in ms; throws when it fails.
func spawnConflictMap(_ binary: URL, _ arguments: [String]) throws -> Double {
    guard let seconds = spawnTool([binary.path] + arguments, input: "/dev/null", output: "/dev/null") else {
        throw NSError(domain: "bench", code: 2, userInfo: [NSLocalizedDescriptionKey: "conflictmap \(arguments.joined(separator: " ")) failed"])
    }
    return seconds * 1000
}

/// 1,000 reports for the map benchmark: the five seeds, each copied 200 times with its
/// publication date moved through September 2017 (a `date` line, so "on Saturday" and
/// "last week" land on other days): many dated states, as a month of news gives.
func writeMapCorpus(seeds: String, count: Int, to folder: URL) throws -> (reports: Int, bytes: Int) {
    let fm = FileManager.default
    try? fm.removeItem(at: folder)
    try fm.createDirectory(at: folder, withIntermediateDirectories: true)
    let names = try fm.contentsOfDirectory(atPath: seeds).filter { $0.hasSuffix(".txt") }.sorted()
    let texts = try names.map { try String(contentsOfFile: seeds + "/" + $0, encoding: .utf8) }
    var bytes = 0
    for i in 0..<count {
        let day = 1 + (i * 7) % 30
        let text = "date 2017-09-\(day < 10 ? "0" : "")\(day)\n" + texts[i % texts.count]
        try text.write(to: folder.appendingPathComponent(String(format: "r%04d.txt", i)), atomically: false, encoding: .utf8)
        bytes += text.utf8.count
    }
    return (count, bytes)
}

func mapBench(binary: URL, seeds: String) throws {
    let out = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("conflictmap-bench-maps")
    _ = try spawnConflictMap(binary, ["map", seeds, "--out", out.path])
    var times: [Double] = []
    for _ in 0..<11 { times.append(try spawnConflictMap(binary, ["map", seeds, "--out", out.path])) }
    let files = (try? FileManager.default.contentsOfDirectory(atPath: out.path).count) ?? 0
    print("process: conflictmap map (seeds, \(files) files)".padding(toLength: 52, withPad: " ", startingAt: 0)
          + String(format: "%10.2f ms (median of 11; target < 250 ms)", median(times)))

    let corpus = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("conflictmap-bench-corpus")
    let (count, bytes) = try writeMapCorpus(seeds: seeds, count: 1000, to: corpus)
    let bigOut = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("conflictmap-bench-maps-1000")
    var big: [Double] = []
    for _ in 0..<3 { big.append(try spawnConflictMap(binary, ["map", corpus.path, "--out", bigOut.path])) }
    let bigFiles = (try? FileManager.default.contentsOfDirectory(atPath: bigOut.path).count) ?? 0
    print("process: conflictmap map (\(count) reports, \(bytes / 1000) kB, \(bigFiles) files)".padding(toLength: 52, withPad: " ", startingAt: 0)
          + String(format: "%10.2f ms (median of 3; target < 5 s)", median(big)))
}
