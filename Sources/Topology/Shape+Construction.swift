import CGEOS
import Geography

// Constructions the territory model needs: Voronoi cells, boundaries, linear referencing,
// polygonizing lines. Planar, in degrees, like the rest of Topology.

extension Shape {
    /// The Voronoi cells of this shape's vertices, clipped to nothing but extended to cover
    /// `envelope` (wraps `GEOSVoronoiDiagram_r`). Cells come back as polygons in no
    /// particular order: match them to sites by containment.
    public func voronoiCells(envelope: Shape) throws(GEOSError) -> [Polygon] {
        let cells = try withGEOS { (ctx) throws(GEOSError) in
            let g = try ctx.geometry(self), e = try ctx.geometry(envelope)
            return try ctx.consume(GEOSVoronoiDiagram_r(ctx.handle, g.raw, e.raw, 0, 0), "GEOSVoronoiDiagram_r")
        }
        return cells.polygons
    }

    /// The boundary: a polygon's rings as lines (wraps `GEOSBoundary_r`).
    public func boundary() throws(GEOSError) -> Shape {
        try withGEOS { (ctx) throws(GEOSError) in
            let g = try ctx.geometry(self)
            return try ctx.consume(GEOSBoundary_r(ctx.handle, g.raw), "GEOSBoundary_r")
        }
    }

    /// Line parts merged where they meet end to end (wraps `GEOSLineMerge_r`).
    public func lineMerged() throws(GEOSError) -> Shape {
        try withGEOS { (ctx) throws(GEOSError) in
            let g = try ctx.geometry(self)
            return try ctx.consume(GEOSLineMerge_r(ctx.handle, g.raw), "GEOSLineMerge_r")
        }
    }

    /// Simplified, tolerance in degrees. Keeping topology (`GEOSTopologyPreserveSimplify_r`)
    /// polygons stay valid and rings do not cross; without (`GEOSSimplify_r`, plain
    /// Douglas-Peucker) it is several times faster, which is all a drawn line needs.
    public func simplified(tolerance: Double, preservingTopology: Bool = true) throws(GEOSError) -> Shape {
        try withGEOS { (ctx) throws(GEOSError) in
            let g = try ctx.geometry(self)
            if preservingTopology {
                return try ctx.consume(GEOSTopologyPreserveSimplify_r(ctx.handle, g.raw, tolerance), "GEOSTopologyPreserveSimplify_r")
            }
            return try ctx.consume(GEOSSimplify_r(ctx.handle, g.raw, tolerance), "GEOSSimplify_r")
        }
    }

    /// Distance along this line to the point on it nearest to `point`, in degrees
    /// (linear referencing; wraps `GEOSProject_r`).
    public func projectedDistance(of point: Coordinate) throws(GEOSError) -> Double {
        try withGEOS { (ctx) throws(GEOSError) in
            let g = try ctx.geometry(self), p = try ctx.geometry(.point(point))
            let d = GEOSProject_r(ctx.handle, g.raw, p.raw)
            guard d >= 0 else { throw ctx.error("GEOSProject_r") }
            return d
        }
    }

    /// The polygons that lines (noded) enclose (wraps `GEOSNode_r` and `GEOSPolygonize_r`).
    public static func polygonized(_ lines: Shape) throws(GEOSError) -> [Polygon] {
        let result = try withGEOS { (ctx) throws(GEOSError) -> Shape in
            let g = try ctx.geometry(lines)
            let noded = try ctx.consume(GEOSNode_r(ctx.handle, g.raw), "GEOSNode_r")
            let n = try ctx.geometry(noded)
            var raw: OpaquePointer? = n.raw
            return try withUnsafePointer(to: &raw) { (pointer) throws(GEOSError) -> Shape in
                try ctx.consume(GEOSPolygonize_r(ctx.handle, pointer, 1), "GEOSPolygonize_r")
            }
        }
        return result.polygons
    }
}

extension Shape {
    /// The shape on a grid of `size` degrees, kept valid (wraps `GEOSGeom_setPrecision_r`):
    /// what survives being written with a fixed number of decimals.
    public func snapped(toGrid size: Double) throws(GEOSError) -> Shape {
        try withGEOS { (ctx) throws(GEOSError) in
            let g = try ctx.geometry(self)
            return try ctx.consume(GEOSGeom_setPrecision_r(ctx.handle, g.raw, size, 0), "GEOSGeom_setPrecision_r")
        }
    }
}
