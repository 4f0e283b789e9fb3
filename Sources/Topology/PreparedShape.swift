import CGEOS
import Geography

/// A shape prepared once for many containment tests (a million point-in-zone checks).
/// Owns its own context, geometry and prepared geometry; not shareable across threads.
public final class PreparedShape {
    private let context: GEOSContext
    private let geometry: GEOSGeometry
    private let prepared: OpaquePointer

    /// Wraps `GEOSPrepare_r`.
    public init(_ shape: Shape) throws(GEOSError) {
        let ctx = GEOSContext()
        context = ctx
        geometry = try ctx.geometry(shape)
        prepared = try ctx.check(GEOSPrepare_r(ctx.handle, geometry.raw), "GEOSPrepare_r")
    }

    deinit { GEOSPreparedGeom_destroy_r(context.handle, prepared) }

    /// True when the point lies inside or on the boundary (wraps `GEOSPreparedIntersects_r`;
    /// the XY variants need GEOS 3.12 and Debian 12 has 3.11).
    public func covers(_ c: Coordinate) throws(GEOSError) -> Bool {
        let point = try point(c)
        return try context.predicate(GEOSPreparedIntersects_r(context.handle, prepared, point.raw), "GEOSPreparedIntersects_r")
    }

    /// True when the point lies strictly inside (wraps `GEOSPreparedContains_r`).
    public func contains(_ c: Coordinate) throws(GEOSError) -> Bool {
        let point = try point(c)
        return try context.predicate(GEOSPreparedContains_r(context.handle, prepared, point.raw), "GEOSPreparedContains_r")
    }

    private func point(_ c: Coordinate) throws(GEOSError) -> GEOSGeometry {
        GEOSGeometry(try context.check(GEOSGeom_createPointFromXY_r(context.handle, c.longitude, c.latitude), "GEOSGeom_createPointFromXY_r"), context: context)
    }
}
