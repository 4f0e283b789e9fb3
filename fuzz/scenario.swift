// Arbitrary bytes as a control scenario file (`--scenario FILE`), read against the bundled
// gazetteer, polygons repaired through GEOS.
import Territory

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = scratchFile("control-2017-09-01.tsv", UnsafeBufferPointer(start: data, count: size))
    _ = try? Scenario.load(path: path, gazetteer: fuzzGazetteer)
    return 0
}
