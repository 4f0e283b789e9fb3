import CGEOS
import Geography

/// Says which of several shapes covers each of many points (a million points against a
/// day's zones), with GEOS doing every geometric test.
///
/// The answer for a point is what the plain per-point predicate gives: the index of the
/// first shape, in the order given, that covers the point (interior or boundary), or nil
/// when none does.
///
/// How: a grid of `2^depth × 2^depth` cells over `bounds` is classified once, top down
/// like a quadtree. A block no shape intersects is empty; a block that the first shape
/// intersecting it also covers (`GEOSPreparedCovers_r`) is that shape's; any other block is
/// split in four until it is one cell, which is then "mixed" and remembers the shapes that
/// intersect it (`GEOSPreparedIntersects_r`). Blocks are tested a hair larger than they are,
/// so that a point the cell arithmetic puts in a cell is always inside the tested box. A
/// point in a settled cell is answered by an array lookup; a point in a mixed cell, or
/// outside `bounds`, is tested against the candidate shapes with the prepared predicate
/// (`GEOSPreparedIntersects_r`, one point geometry per point: GEOS 3.11 has no XY variant).
///
/// Owns one GEOS context, the shapes' geometries and their prepared forms: build one per
/// thread; never share one across threads.
public final class PointClassifier {
    public let bounds: BoundingBox
    /// Cells per side: 2^depth.
    public let cellsPerSide: Int
    /// Cells whose points need a GEOS test, of `cellsPerSide²`.
    public let mixedCellCount: Int

    private let context: GEOSContext
    private let geometries: [GEOSGeometry]
    private let prepared: [OpaquePointer]
    private let envelopes: [BoundingBox?]
    /// Per cell: a shape index (≥ 0), `empty`, or `-2 - k` for the mixed cells whose
    /// candidate shapes are `candidateLists[k]`.
    private let cells: [Int32]
    private let candidateLists: [[Int32]]
    private let cellWidth: Double, cellHeight: Double
    private let everyShape: [Int32]

    private static let empty: Int32 = -1
    /// Blocks are tested this much larger on every side, in degrees (about 0.1 mm): far
    /// more than the rounding of a point's cell index, far less than any zone feature.
    private static let margin = 1e-9

    /// Prepares `shapes` (wraps `GEOSPrepare_r`) and classifies the grid over `bounds`.
    /// `depth` 10 gives 1024 × 1024 cells, about 450 m across over eastern Syria.
    public init(_ shapes: [Shape], bounds: BoundingBox, depth: Int = 10) throws(GEOSError) {
        precondition((0...12).contains(depth), "depth must be 0...12")
        precondition(bounds.east > bounds.west && bounds.north > bounds.south, "bounds must have an area")
        let ctx = GEOSContext()
        context = ctx
        var geometries: [GEOSGeometry] = []
        var prepared: [OpaquePointer] = []
        for shape in shapes {
            let g = try ctx.geometry(shape)
            geometries.append(g)
            prepared.append(try ctx.check(GEOSPrepare_r(ctx.handle, g.raw), "GEOSPrepare_r"))
        }
        self.geometries = geometries
        self.prepared = prepared
        envelopes = shapes.map(\.boundingBox)
        everyShape = shapes.indices.map { Int32($0) }
        self.bounds = bounds
        cellsPerSide = 1 << depth
        // Lets, not vars, so that the lookups need no exclusivity checks.
        var grid = Grid(context: ctx, prepared: prepared, envelopes: envelopes, bounds: bounds, cellsPerSide: cellsPerSide)
        try grid.settle(column: 0, row: 0, size: cellsPerSide, candidates: everyShape)
        cells = grid.cells
        candidateLists = grid.candidateLists
        mixedCellCount = grid.mixedCellCount
        cellWidth = grid.cellWidth
        cellHeight = grid.cellHeight
    }

    deinit {
        for p in prepared { GEOSPreparedGeom_destroy_r(context.handle, p) }
    }

    /// The index of the first shape that covers `c`, or nil.
    public func classify(_ c: Coordinate) throws(GEOSError) -> Int? {
        let k = try index(longitude: c.longitude, latitude: c.latitude)
        return k < 0 ? nil : Int(k)
    }

    /// `classify(_:)` for every point, in order.
    public func classify(_ points: [Coordinate]) throws(GEOSError) -> [Int?] {
        var out = [Int?](repeating: nil, count: points.count)
        for i in points.indices {
            let k = try index(longitude: points[i].longitude, latitude: points[i].latitude)
            if k >= 0 { out[i] = Int(k) }
        }
        return out
    }

    /// `classify(_:)` for points given as interleaved longitude, latitude pairs, written
    /// to `answers` as the shape's index or -1: the form of a binary point file.
    public func classify(interleaved xy: UnsafeBufferPointer<Double>, into answers: UnsafeMutableBufferPointer<Int32>) throws(GEOSError) {
        precondition(answers.count * 2 == xy.count, "one answer per lon, lat pair")
        for i in 0..<answers.count {
            answers[i] = try index(longitude: xy[2 * i], latitude: xy[2 * i + 1])
        }
    }

    /// True when the grid alone answers for `c` (no GEOS call): for tests that must reach
    /// both paths.
    public func isSettledByGrid(_ c: Coordinate) -> Bool {
        guard let cell = cell(longitude: c.longitude, latitude: c.latitude) else { return false }
        return cells[cell] > -2
    }

    // MARK: Points

    private func cell(longitude x: Double, latitude y: Double) -> Int? {
        let fx = (x - bounds.west) / cellWidth, fy = (y - bounds.south) / cellHeight
        // Written so that NaN falls through to the GEOS test too.
        guard fx >= 0, fy >= 0, fx <= Double(cellsPerSide), fy <= Double(cellsPerSide) else { return nil }
        let column = min(Int(fx), cellsPerSide - 1), row = min(Int(fy), cellsPerSide - 1)
        return row * cellsPerSide + column
    }

    @inline(__always)
    private func index(longitude x: Double, latitude y: Double) throws(GEOSError) -> Int32 {
        if let cell = cell(longitude: x, latitude: y) {
            let value = cells[cell]
            if value > -2 { return value }
            return try test(x, y, against: candidateLists[Int(-2 - value)])
        }
        return try test(x, y, against: everyShape)
    }

    private func test(_ x: Double, _ y: Double, against candidates: [Int32]) throws(GEOSError) -> Int32 {
        let handle = context.handle
        var point: OpaquePointer?
        defer { if let point { GEOSGeom_destroy_r(handle, point) } }
        for k in candidates {
            if let e = envelopes[Int(k)], x < e.west || x > e.east || y < e.south || y > e.north { continue }
            if point == nil {
                point = try context.check(GEOSGeom_createPointFromXY_r(handle, x, y), "GEOSGeom_createPointFromXY_r")
            }
            if try context.predicate(GEOSPreparedIntersects_r(handle, prepared[Int(k)], point), "GEOSPreparedIntersects_r") {
                return k
            }
        }
        return PointClassifier.empty
    }

    // MARK: The grid

    /// The grid while it is being classified.
    private struct Grid {
        let context: GEOSContext
        let prepared: [OpaquePointer]
        let envelopes: [BoundingBox?]
        let bounds: BoundingBox
        let cellsPerSide: Int
        let cellWidth: Double, cellHeight: Double
        var cells: [Int32]
        var candidateLists: [[Int32]] = []
        var interned: [[Int32]: Int32] = [:]
        var mixedCellCount = 0

        init(context: GEOSContext, prepared: [OpaquePointer], envelopes: [BoundingBox?], bounds: BoundingBox, cellsPerSide: Int) {
            self.context = context
            self.prepared = prepared
            self.envelopes = envelopes
            self.bounds = bounds
            self.cellsPerSide = cellsPerSide
            cellWidth = (bounds.east - bounds.west) / Double(cellsPerSide)
            cellHeight = (bounds.north - bounds.south) / Double(cellsPerSide)
            cells = [Int32](repeating: PointClassifier.empty, count: cellsPerSide * cellsPerSide)
        }

        mutating func fill(column: Int, row: Int, size: Int, with value: Int32) {
            for r in row..<(row + size) {
                let start = r * cellsPerSide + column
                for i in start..<(start + size) { cells[i] = value }
            }
        }

        mutating func mix(column: Int, row: Int, candidates: [Int32]) {
            let list: Int32
            if let known = interned[candidates] {
                list = known
            } else {
                list = Int32(candidateLists.count)
                candidateLists.append(candidates)
                interned[candidates] = list
            }
            cells[row * cellsPerSide + column] = -2 - list
            mixedCellCount += 1
        }

        /// Classifies the block of `size × size` cells whose south-west cell is (column, row),
        /// knowing that no shape outside `candidates` intersects it.
        mutating func settle(column: Int, row: Int, size: Int, candidates: [Int32]) throws(GEOSError) {
            let west = bounds.west + Double(column) * cellWidth - PointClassifier.margin
            let south = bounds.south + Double(row) * cellHeight - PointClassifier.margin
            let east = bounds.west + Double(column + size) * cellWidth + PointClassifier.margin
            let north = bounds.south + Double(row + size) * cellHeight + PointClassifier.margin
            let handle = context.handle
            let box = GEOSGeometry(try context.check(GEOSGeom_createRectangle_r(handle, west, south, east, north), "GEOSGeom_createRectangle_r"),
                                   context: context)
            var touching: [Int32] = []
            var owner: Int32?
            for k in candidates {
                if let e = envelopes[Int(k)], e.east < west || e.west > east || e.north < south || e.south > north { continue }
                guard try context.predicate(GEOSPreparedIntersects_r(handle, prepared[Int(k)], box.raw), "GEOSPreparedIntersects_r") else { continue }
                if touching.isEmpty, try context.predicate(GEOSPreparedCovers_r(handle, prepared[Int(k)], box.raw), "GEOSPreparedCovers_r") {
                    owner = k
                    break
                }
                touching.append(k)
            }
            if let owner {
                fill(column: column, row: row, size: size, with: owner)
            } else if touching.isEmpty {
                fill(column: column, row: row, size: size, with: PointClassifier.empty)
            } else if size == 1 {
                mix(column: column, row: row, candidates: touching)
            } else {
                let half = size / 2
                for (dc, dr) in [(0, 0), (half, 0), (0, half), (half, half)] {
                    try settle(column: column + dc, row: row + dr, size: half, candidates: touching)
                }
            }
        }
    }
}
