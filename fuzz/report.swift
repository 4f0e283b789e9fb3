// Arbitrary bytes as a report file: the text checks (empty, NUL, UTF-8, date line), then the
// whole reader (mentions, actors, events, dates, claims) over what passes.
@testable import Reports

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reader = fuzzReader
    if case .success(let report) = ReportReader.report(bytes: bytes, path: "fuzz.txt", document: "fuzz.txt", index: nil,
                                                       date: Day(year: 2017, month: 9, day: 10)) {
        _ = reader.read(report)
    }
    return 0
}

/// One reader per process: it caches names between reports, as the command line's does.
nonisolated(unsafe) let fuzzReader = Reader(gazetteer: fuzzGazetteer)
