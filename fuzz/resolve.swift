// Arbitrary text as a place name: the normaliser's keys and stages, the rule explanation,
// and the resolver with its suggestions.
import Places

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let name = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = NameNormalizer.key(name)
    _ = NameNormalizer.stages(name)
    _ = NameNormalizer.spelling(name)
    _ = NameNormalizer.explain(name, matches: "Deir ez-Zor")
    _ = try? fuzzGazetteer.resolve(name)
    return 0
}
