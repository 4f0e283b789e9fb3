// Arbitrary bytes as JSON; what parses must serialise and parse back to the same value.
import Geography

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let value = try? JSONValue.parse(bytes) else { return 0 }
    let text = value.serialized()
    guard let again = try? JSONValue.parse(text) else { preconditionFailure("serialised JSON does not parse: \(text)") }
    precondition(again.serialized() == text, "JSON does not round-trip: \(text)")
    return 0
}
