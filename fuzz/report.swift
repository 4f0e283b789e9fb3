// Arbitrary bytes as a report file and the index.tsv beside it (split at the first form
// feed; without one, no index): read as the command line reads a path — the index, the text
// checks (empty, NUL, UTF-8, date line) — then the whole reader (mentions, actors, events,
// dates, claims) over what passes.
import Reports

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let split = bytes.firstIndex(of: 0x0C)
    _ = scratchFile("index.tsv", UnsafeBufferPointer(rebasing: bytes[..<(split ?? 0)]))
    let path = scratchFile("r.txt", UnsafeBufferPointer(rebasing: bytes[(split.map { $0 + 1 } ?? 0)...]))
    for case .success(let report) in ReportReader.read(paths: [path], date: Day(year: 2017, month: 9, day: 10)) {
        _ = fuzzReader.read(report)
    }
    return 0
}

/// One reader per process: it caches names between reports, as the command line's does.
nonisolated(unsafe) let fuzzReader = Reader(gazetteer: fuzzGazetteer)
