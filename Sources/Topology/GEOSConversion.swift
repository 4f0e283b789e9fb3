import CGEOS
import Geography

// Value types to GEOS handles and back. GEOS works in planar lon/lat degrees (x = lon).

extension GEOSContext {
    func sequence(_ coordinates: [Coordinate]) throws(GEOSError) -> OpaquePointer {
        var buffer = [Double]()
        buffer.reserveCapacity(coordinates.count * 2)
        for c in coordinates { buffer.append(c.longitude); buffer.append(c.latitude) }
        let seq = buffer.withUnsafeBufferPointer {
            GEOSCoordSeq_copyFromBuffer_r(handle, $0.baseAddress, UInt32(coordinates.count), 0, 0)
        }
        return try check(seq, "GEOSCoordSeq_copyFromBuffer_r")
    }

    func ring(_ coordinates: [Coordinate]) throws(GEOSError) -> GEOSGeometry {
        var ring = coordinates
        if let f = ring.first, f != ring.last { ring.append(f) }  // GEOS wants closed rings
        let seq = try sequence(ring)
        // The sequence belongs to GEOS from here on, even if the call fails.
        return GEOSGeometry(try check(GEOSGeom_createLinearRing_r(handle, seq), "GEOSGeom_createLinearRing_r"), context: self)
    }

    func polygon(_ p: Polygon) throws(GEOSError) -> GEOSGeometry {
        let shell = try ring(p.exterior)
        var holes: [GEOSGeometry] = []
        for h in p.holes { holes.append(try ring(h)) }
        var holePointers: [OpaquePointer?] = holes.map { $0.release() }
        let result = holePointers.withUnsafeMutableBufferPointer {
            GEOSGeom_createPolygon_r(handle, shell.release(), $0.baseAddress, UInt32(holes.count))
        }
        return GEOSGeometry(try check(result, "GEOSGeom_createPolygon_r"), context: self)
    }

    func collection(_ type: GEOSGeomTypes, _ members: [GEOSGeometry]) throws(GEOSError) -> GEOSGeometry {
        var pointers: [OpaquePointer?] = members.map { $0.release() }
        let result = pointers.withUnsafeMutableBufferPointer {
            GEOSGeom_createCollection_r(handle, Int32(type.rawValue), $0.baseAddress, UInt32(members.count))
        }
        return GEOSGeometry(try check(result, "GEOSGeom_createCollection_r"), context: self)
    }

    func geometry(_ shape: Shape) throws(GEOSError) -> GEOSGeometry {
        switch shape {
        case .point(let c):
            return GEOSGeometry(try check(GEOSGeom_createPointFromXY_r(handle, c.longitude, c.latitude), "GEOSGeom_createPointFromXY_r"), context: self)
        case .lineString(let cs):
            let seq = try sequence(cs)
            return GEOSGeometry(try check(GEOSGeom_createLineString_r(handle, seq), "GEOSGeom_createLineString_r"), context: self)
        case .polygon(let p):
            return try polygon(p)
        case .multiPoint(let cs):
            var members: [GEOSGeometry] = []
            for c in cs { members.append(try geometry(.point(c))) }
            return try collection(GEOS_MULTIPOINT, members)
        case .multiLineString(let ls):
            var members: [GEOSGeometry] = []
            for l in ls { members.append(try geometry(.lineString(l))) }
            return try collection(GEOS_MULTILINESTRING, members)
        case .multiPolygon(let ps):
            var members: [GEOSGeometry] = []
            for p in ps { members.append(try polygon(p)) }
            return try collection(GEOS_MULTIPOLYGON, members)
        case .collection(let shapes):
            var members: [GEOSGeometry] = []
            for s in shapes { members.append(try geometry(s)) }
            return try collection(GEOS_GEOMETRYCOLLECTION, members)
        }
    }

    func coordinates(ofSequenceIn g: OpaquePointer) throws(GEOSError) -> [Coordinate] {
        let seq = try check(GEOSGeom_getCoordSeq_r(handle, g), "GEOSGeom_getCoordSeq_r")
        var size: UInt32 = 0
        try check(GEOSCoordSeq_getSize_r(handle, seq, &size), "GEOSCoordSeq_getSize_r")
        guard size > 0 else { return [] }
        var buffer = [Double](repeating: 0, count: Int(size) * 2)
        let status = buffer.withUnsafeMutableBufferPointer {
            GEOSCoordSeq_copyToBuffer_r(handle, seq, $0.baseAddress, 0, 0)
        }
        try check(status, "GEOSCoordSeq_copyToBuffer_r")
        var out = [Coordinate]()
        out.reserveCapacity(Int(size))
        for i in 0..<Int(size) { out.append(Coordinate(latitude: buffer[2 * i + 1], longitude: buffer[2 * i])) }
        return out
    }

    /// Reads a GEOS geometry (borrowed, not consumed) back into a value.
    func shape(of g: OpaquePointer) throws(GEOSError) -> Shape {
        let type = GEOSGeomTypeId_r(handle, g)
        if type < 0 { throw error("GEOSGeomTypeId_r") }
        switch GEOSGeomTypes(UInt32(type)) {
        case GEOS_POINT:
            if try predicate(GEOSisEmpty_r(handle, g), "GEOSisEmpty_r") { return .multiPoint([]) }
            return .point(try coordinates(ofSequenceIn: g)[0])
        case GEOS_LINESTRING, GEOS_LINEARRING:
            return .lineString(try coordinates(ofSequenceIn: g))
        case GEOS_POLYGON:
            if try predicate(GEOSisEmpty_r(handle, g), "GEOSisEmpty_r") { return .multiPolygon([]) }
            return .polygon(try polygonValue(g))
        case GEOS_MULTIPOINT, GEOS_MULTILINESTRING, GEOS_MULTIPOLYGON, GEOS_GEOMETRYCOLLECTION:
            let n = GEOSGetNumGeometries_r(handle, g)
            if n < 0 { throw error("GEOSGetNumGeometries_r") }
            var members: [Shape] = []
            for i in 0..<n {
                let member = try check(GEOSGetGeometryN_r(handle, g, i), "GEOSGetGeometryN_r")
                members.append(try shape(of: member))
            }
            switch GEOSGeomTypes(UInt32(type)) {
            case GEOS_MULTIPOINT: return .multiPoint(members.flatMap(\.coordinates))
            case GEOS_MULTILINESTRING: return .multiLineString(members.flatMap(\.lines))
            case GEOS_MULTIPOLYGON: return .multiPolygon(members.flatMap(\.polygons))
            default: return .collection(members)
            }
        default:
            throw GEOSError(function: "GEOSGeomTypeId_r", message: "unsupported geometry type \(type)")
        }
    }

    private func polygonValue(_ g: OpaquePointer) throws(GEOSError) -> Polygon {
        let shell = try check(GEOSGetExteriorRing_r(handle, g), "GEOSGetExteriorRing_r")
        let n = GEOSGetNumInteriorRings_r(handle, g)
        if n < 0 { throw error("GEOSGetNumInteriorRings_r") }
        var holes: [[Coordinate]] = []
        for i in 0..<n {
            holes.append(try coordinates(ofSequenceIn: try check(GEOSGetInteriorRingN_r(handle, g, i), "GEOSGetInteriorRingN_r")))
        }
        return Polygon(exterior: try coordinates(ofSequenceIn: shell), holes: holes)
    }

    /// Takes ownership of a GEOS result pointer, converts it, and frees it.
    func consume(_ result: OpaquePointer?, _ function: String) throws(GEOSError) -> Shape {
        let owned = GEOSGeometry(try check(result, function), context: self)
        return try shape(of: owned.raw)
    }
}
