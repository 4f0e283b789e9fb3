import CGEOS
import Geography

// GEOS operations on shape values. All of them are planar, in lon/lat degrees: use them
// for topology (containment, overlay, validity), and `Geodesy` for metres and km².

extension Shape {
    /// Parses Well-Known Text (wraps `GEOSWKTReader_read_r`).
    public init(wkt: String) throws(GEOSError) {
        self = try withGEOS { (ctx) throws(GEOSError) in
            let reader = try ctx.check(GEOSWKTReader_create_r(ctx.handle), "GEOSWKTReader_create_r")
            defer { GEOSWKTReader_destroy_r(ctx.handle, reader) }
            return try ctx.consume(GEOSWKTReader_read_r(ctx.handle, reader, wkt), "GEOSWKTReader_read_r")
        }
    }

    /// Well-Known Text with up to `decimals` decimals (wraps `GEOSWKTWriter_write_r`).
    public func wkt(decimals: Int = 6) throws(GEOSError) -> String {
        try withGEOS { (ctx) throws(GEOSError) in
            let g = try ctx.geometry(self)
            let writer = try ctx.check(GEOSWKTWriter_create_r(ctx.handle), "GEOSWKTWriter_create_r")
            defer { GEOSWKTWriter_destroy_r(ctx.handle, writer) }
            GEOSWKTWriter_setTrim_r(ctx.handle, writer, 1)
            GEOSWKTWriter_setRoundingPrecision_r(ctx.handle, writer, Int32(decimals))
            return try ctx.string(GEOSWKTWriter_write_r(ctx.handle, writer, g.raw), "GEOSWKTWriter_write_r")
        }
    }

    /// True when the shape is valid in the OGC sense (wraps `GEOSisValid_r`).
    public func isValid() throws(GEOSError) -> Bool {
        try withGEOS { (ctx) throws(GEOSError) in
            let g = try ctx.geometry(self)
            return try ctx.predicate(GEOSisValid_r(ctx.handle, g.raw), "GEOSisValid_r")
        }
    }

    /// Why the shape is invalid, e.g. "Self-intersection[38.5 35.2]", or "Valid Geometry"
    /// (wraps `GEOSisValidReason_r`).
    public func validityReason() throws(GEOSError) -> String {
        try withGEOS { (ctx) throws(GEOSError) in
            let g = try ctx.geometry(self)
            return try ctx.string(GEOSisValidReason_r(ctx.handle, g.raw), "GEOSisValidReason_r")
        }
    }

    /// A valid shape covering the same points (wraps `GEOSMakeValid_r`).
    public func madeValid() throws(GEOSError) -> Shape {
        try unary("GEOSMakeValid_r") { GEOSMakeValid_r($0, $1) }
    }

    /// The union of all parts of this shape (wraps `GEOSUnaryUnion_r`).
    public func unaryUnion() throws(GEOSError) -> Shape {
        try unary("GEOSUnaryUnion_r") { GEOSUnaryUnion_r($0, $1) }
    }

    /// The union of all parts, noded and snap-rounded on a grid of `gridSize` degrees
    /// (wraps `GEOSUnaryUnionPrec_r`): every vertex and crossing lands on the grid.
    public func unaryUnion(gridSize: Double) throws(GEOSError) -> Shape {
        try unary("GEOSUnaryUnionPrec_r") { GEOSUnaryUnionPrec_r($0, $1, gridSize) }
    }

    /// The union of polygons that meet only along exactly shared edges, such as the faces
    /// of one polygonization (wraps `GEOSCoverageUnion_r`): faster than an overlay, and it
    /// keeps every vertex of the shared edges.
    public func coverageUnion() throws(GEOSError) -> Shape {
        try unary("GEOSCoverageUnion_r") { GEOSCoverageUnion_r($0, $1) }
    }

    /// The shape grown by `degrees` (planar; wraps `GEOSBuffer_r`).
    public func buffered(byDegrees degrees: Double, quadrantSegments: Int = 8) throws(GEOSError) -> Shape {
        try unary("GEOSBuffer_r") { GEOSBuffer_r($0, $1, degrees, Int32(quadrantSegments)) }
    }

    /// A representative point guaranteed to lie inside (wraps `GEOSPointOnSurface_r`).
    public func pointOnSurface() throws(GEOSError) -> Coordinate? {
        try unary("GEOSPointOnSurface_r") { GEOSPointOnSurface_r($0, $1) }.coordinates.first
    }

    public func union(with other: Shape) throws(GEOSError) -> Shape {
        try binary(other, "GEOSUnion_r") { GEOSUnion_r($0, $1, $2) }
    }

    public func intersection(with other: Shape) throws(GEOSError) -> Shape {
        try binary(other, "GEOSIntersection_r") { GEOSIntersection_r($0, $1, $2) }
    }

    public func difference(with other: Shape) throws(GEOSError) -> Shape {
        try binary(other, "GEOSDifference_r") { GEOSDifference_r($0, $1, $2) }
    }

    public func contains(_ other: Shape) throws(GEOSError) -> Bool {
        try relation(other, "GEOSContains_r") { GEOSContains_r($0, $1, $2) }
    }

    public func intersects(_ other: Shape) throws(GEOSError) -> Bool {
        try relation(other, "GEOSIntersects_r") { GEOSIntersects_r($0, $1, $2) }
    }

    public func isWithin(_ other: Shape) throws(GEOSError) -> Bool {
        try relation(other, "GEOSWithin_r") { GEOSWithin_r($0, $1, $2) }
    }

    /// Planar area in square degrees (wraps `GEOSArea_r`): for comparing overlays in the
    /// plane they are computed in; `Geodesy` gives km².
    public func planarArea() throws(GEOSError) -> Double {
        try withGEOS { (ctx) throws(GEOSError) in
            let g = try ctx.geometry(self)
            return try ctx.double("GEOSArea_r") { GEOSArea_r(ctx.handle, g.raw, $0) }
        }
    }

    /// Planar distance in degrees (wraps `GEOSDistance_r`).
    public func planarDistance(to other: Shape) throws(GEOSError) -> Double {
        try withGEOS { (ctx) throws(GEOSError) in
            let a = try ctx.geometry(self), b = try ctx.geometry(other)
            return try ctx.double("GEOSDistance_r") { GEOSDistance_r(ctx.handle, a.raw, b.raw, $0) }
        }
    }

    /// The point of this shape nearest to `other`, and the point of `other` nearest to it
    /// (planar; wraps `GEOSNearestPoints_r`).
    public func nearestPoints(to other: Shape) throws(GEOSError) -> (Coordinate, Coordinate) {
        try withGEOS { (ctx) throws(GEOSError) in
            let a = try ctx.geometry(self), b = try ctx.geometry(other)
            let seq = try ctx.check(GEOSNearestPoints_r(ctx.handle, a.raw, b.raw), "GEOSNearestPoints_r")
            defer { GEOSCoordSeq_destroy_r(ctx.handle, seq) }
            var x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0
            try ctx.check(GEOSCoordSeq_getXY_r(ctx.handle, seq, 0, &x0, &y0), "GEOSCoordSeq_getXY_r")
            try ctx.check(GEOSCoordSeq_getXY_r(ctx.handle, seq, 1, &x1, &y1), "GEOSCoordSeq_getXY_r")
            return (Coordinate(latitude: y0, longitude: x0), Coordinate(latitude: y1, longitude: x1))
        }
    }

    private func unary(_ function: String, _ op: (GEOSContextHandle_t, OpaquePointer) -> OpaquePointer?) throws(GEOSError) -> Shape {
        try withGEOS { (ctx) throws(GEOSError) in
            let g = try ctx.geometry(self)
            return try ctx.consume(op(ctx.handle, g.raw), function)
        }
    }

    private func binary(_ other: Shape, _ function: String, _ op: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> OpaquePointer?) throws(GEOSError) -> Shape {
        try withGEOS { (ctx) throws(GEOSError) in
            let a = try ctx.geometry(self), b = try ctx.geometry(other)
            return try ctx.consume(op(ctx.handle, a.raw, b.raw), function)
        }
    }

    private func relation(_ other: Shape, _ function: String, _ op: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar) throws(GEOSError) -> Bool {
        try withGEOS { (ctx) throws(GEOSError) in
            let a = try ctx.geometry(self), b = try ctx.geometry(other)
            return try ctx.predicate(op(ctx.handle, a.raw, b.raw), function)
        }
    }
}
