import CGEOS
import Geography

/// A GEOS failure: the GEOS function that failed and GEOS's own message
/// ("GEOSWKTReader_read_r failed: ParseException: Expected word but encountered end of stream").
public struct GEOSError: Error, CustomStringConvertible, Equatable {
    public var function: String
    public var message: String
    public var description: String { "\(function) failed: \(message)" }
}

/// Owns one GEOS context handle and collects the messages GEOS reports through it.
/// A context per public call is cheap and keeps the API thread-safe by construction;
/// a context must never be used from two threads at once.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    private(set) var lastError: String?

    init() {
        // GEOS_init_r only fails when out of memory, which Swift cannot recover from either.
        handle = GEOS_init_r()
        let me = Unmanaged.passUnretained(self).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userData in
            guard let userData else { return }
            let context = Unmanaged<GEOSContext>.fromOpaque(userData).takeUnretainedValue()
            context.lastError = message.map { String(cString: $0) } ?? "unknown GEOS error"
        }, me)
    }

    deinit { GEOS_finish_r(handle) }

    func error(_ function: String) -> GEOSError {
        defer { lastError = nil }
        return GEOSError(function: function, message: lastError ?? "GEOS reported no message")
    }

    // One helper per C return convention, so every call site handles failure the same way.

    /// For functions that return NULL on failure.
    func check<T>(_ result: T?, _ function: String) throws(GEOSError) -> T {
        guard let result else { throw error(function) }
        return result
    }

    /// For functions that return an int, 0 on failure.
    func check(_ status: Int32, _ function: String) throws(GEOSError) {
        if status == 0 { throw error(function) }
    }

    /// For predicates that return a char: 0 false, 1 true, 2 exception.
    func predicate(_ value: CChar, _ function: String) throws(GEOSError) -> Bool {
        switch value {
        case 0: return false
        case 1: return true
        default: throw error(function)
        }
    }

    /// For functions that return a GEOS-allocated string, which must go back through GEOSFree_r.
    func string(_ pointer: UnsafeMutablePointer<CChar>?, _ function: String) throws(GEOSError) -> String {
        guard let pointer else { throw error(function) }
        defer { GEOSFree_r(handle, pointer) }
        return String(cString: pointer)
    }

    /// For functions that return a double through an out-parameter and an int status.
    func double(_ function: String, _ body: (UnsafeMutablePointer<Double>) -> Int32) throws(GEOSError) -> Double {
        var value = 0.0
        try check(body(&value), function)
        return value
    }
}

/// Owns one GEOS geometry. The geometry keeps its context alive and is destroyed exactly
/// once, in deinit, unless ownership was handed back to GEOS with `release()`.
final class GEOSGeometry {
    let context: GEOSContext
    private(set) var pointer: OpaquePointer?

    init(_ pointer: OpaquePointer, context: GEOSContext) {
        self.pointer = pointer
        self.context = context
    }

    var raw: OpaquePointer { pointer! }

    /// Gives the handle to GEOS (e.g. as a member of a collection being created): GEOS
    /// owns it from now on, whether the call it is passed to succeeds or fails.
    func release() -> OpaquePointer {
        defer { pointer = nil }
        return pointer!
    }

    deinit {
        if let pointer { GEOSGeom_destroy_r(context.handle, pointer) }
    }
}

/// Runs `body` with a fresh context: the unit of work for one public call.
func withGEOS<T>(_ body: (GEOSContext) throws(GEOSError) -> T) throws(GEOSError) -> T {
    let context = GEOSContext()
    return try body(context)
}
