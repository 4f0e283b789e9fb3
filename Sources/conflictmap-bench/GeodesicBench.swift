import Foundation
import Geodesy
import Geography

// The geodesics section against the tools a user would otherwise use: geographiclib
// (PyPI) in process and PROJ's `geod -I` reading the same pairs as text.

/// Runs a program (a path, or a name found on PATH) with stdin from `input`, stdout to
/// `output` and stderr to /dev/null: posix_spawnp and waitpid, as a shell would
/// (Foundation's Process adds ~25 ms of its own). Its wall time in seconds, or nil when
/// it cannot run or exits non-zero.
func spawnTool(_ words: [String], input: String, output: String) -> Double? {
    let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var pid: pid_t = 0
    let t0 = DispatchTime.now().uptimeNanoseconds
    guard posix_spawnp(&pid, words[0], &actions, nil, argv, environ) == 0 else { return nil }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    guard status == 0 else { return nil }
    return seconds(since: t0)
}

func compareGeodesics(pairs: [(Coordinate, Coordinate)], oursPerSecond: Double) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let text = dir + "/pairs.txt"
    var lines = ""
    lines.reserveCapacity(pairs.count * 60)
    for (a, b) in pairs {
        lines += "\(a.latitude) \(a.longitude) \(b.latitude) \(b.longitude)\n"
    }
    try lines.write(toFile: text, atomically: false, encoding: .utf8)
    var rows: [[String]] = [["conflictmap (PROJ geod_inverse, in process)", "\(pairs.count)", String(format: "%.0f", oursPerSecond), "1.0"]]
    // geod: the whole tool, parsing text in and printing text out, as a user runs it.
    if let t = spawnTool(["geod", "+ellps=WGS84", "-I", "-f", "%.3f"], input: text, output: dir + "/geod.out") {
        rows.append(["PROJ geod -I (process, text in/out)", "\(pairs.count)", String(format: "%.0f", Double(pairs.count) / t),
                     String(format: "%.1f", oursPerSecond / (Double(pairs.count) / t))])
    } else {
        print("  (geod not found: apt-get install proj-bin)")
    }
    let n = min(pairs.count, 100_000)
    if let script = benchScript("geodesic_bench.py"),
       let r = runPythonJSON(script: script, arguments: [text, "\(n)"], output: dir + "/geographiclib.json"),
       let perSecond = r["per_s"] as? Double {
        rows.append(["\(r["tool"] as? String ?? "geographiclib") (Python, in process)", "\(n)", String(format: "%.0f", perSecond),
                     String(format: "%.1f", oursPerSecond / perSecond)])
    }
    printTable(header: ["geodesic inverse", "pairs", "per s", "ours ×"], rows: rows)
}

/// `conflictmap distance` against `geod -I` as whole processes, median of 31 each.
func compareDistanceProcesses(binary: URL) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let input = dir + "/one.txt"
    try "35.33588 40.14084 35.95283 39.00788\n".write(toFile: input, atomically: false, encoding: .utf8)
    var ours: [Double] = [], geod: [Double] = []
    for _ in 0..<31 {
        ours.append(try spawnConflictMap(binary, ["distance", "35.33588,40.14084", "35.95283,39.00788"]))
        if let t = spawnTool(["geod", "+ellps=WGS84", "-I"], input: input, output: dir + "/geod.out") { geod.append(t * 1000) }
    }
    var rows = [["conflictmap distance LAT,LON LAT,LON", String(format: "%.2f", median(ours)), "1.0"]]
    if !geod.isEmpty { rows.append(["geod +ellps=WGS84 -I (one pair on stdin)", String(format: "%.2f", median(geod)), String(format: "%.2f", median(geod) / median(ours))]) }
    printTable(header: ["whole process, median of 31", "ms", "geod/ours"], rows: rows)
}
