// Arbitrary text as LAT,LON, as `distance` and `side` take it.
import Geography

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let c = try? Coordinate(parsing: text) {
        // Whatever parses must be a place on Earth.
        precondition(c.latitude.isFinite && c.longitude.isFinite && abs(c.latitude) <= 90 && abs(c.longitude) <= 180,
                     "parsed \(text.debugDescription) to an impossible coordinate \(c)")
    }
    return 0
}
