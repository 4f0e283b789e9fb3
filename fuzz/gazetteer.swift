// Arbitrary bytes as a gazetteer's files: the first half of the input as geonames.tsv, the
// rest as places.tsv (split at the first form feed, else in the middle), read as
// `--gazetteer DIR` reads them; then a name resolved against what loaded.
import FoundationEssentials
@testable import Places

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let split = bytes.firstIndex(of: 0x0C) ?? size / 2
    let geonames = UnsafeBufferPointer(rebasing: bytes[..<split])
    let curated = UnsafeBufferPointer(rebasing: bytes[min(split + 1, size)...])
    _ = scratchFile("geonames.tsv", geonames)
    _ = scratchFile("places.tsv", curated)
    if let g = try? Gazetteer.load(directory: scratchDirectory) {
        _ = try? g.resolve("Deir ez-Zor")
        if let first = try? g.resolve("a") { _ = try? g.shape(of: first.best.place) }
    }
    return 0
}
