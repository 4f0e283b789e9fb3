// Arbitrary bytes as a gazetteer GeoJSON file (euphrates.geojson, admin1.geojson): the
// features, then each shape through GEOS as the territory model uses them.
import Geography
import Topology

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let features = try? GeoJSON.features(from: UnsafeBufferPointer(start: data, count: size)) else { return 0 }
    for feature in features {
        guard let shape = feature.shape else { continue }
        _ = GeoJSON.json(for: feature).serialized()
        if (try? shape.isValid()) == false { _ = try? shape.madeValid() }
        _ = try? shape.planarArea()
    }
    return 0
}
