#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Geodesy
import Geography

/// Where lon/lat lands on the page: a PROJ projection, then a scale and an offset that
/// fit the view into the map's frame (y down). Conformal, so the scale bar is the same in
/// every direction at the centre.
public final class MapFrame {
    /// Lambert conformal conic centred on the view, standard parallels at a sixth of its
    /// height from the top and bottom: scale errors stay under 0.1% over eastern Syria.
    public static func projectionDefinition(for view: BoundingBox) -> String {
        let height = view.north - view.south
        let lat1 = view.south + height / 6, lat2 = view.north - height / 6
        let lat0 = (view.south + view.north) / 2, lon0 = (view.west + view.east) / 2
        return "+proj=lcc +lat_1=\(fmt(lat1)) +lat_2=\(fmt(lat2)) +lat_0=\(fmt(lat0)) +lon_0=\(fmt(lon0)) +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs +type=crs"
    }

    public let projection: Projection
    public let view: BoundingBox
    /// The frame on the page, in pixels.
    public let frame: PixelBox
    /// Pixels per projected metre.
    public let scale: Double
    /// Projected (x, y) of the frame's top-left corner.
    public let originX: Double, originY: Double
    /// The view's centre, where the scale bar is true.
    public let centre: Coordinate

    public init(view: BoundingBox, frame: PixelBox) throws(ProjectionError) {
        projection = try Projection(pipelineTo: MapFrame.projectionDefinition(for: view))
        self.view = view
        self.frame = frame
        centre = Coordinate(latitude: (view.south + view.north) / 2, longitude: (view.west + view.east) / 2)
        // The view's edges are curves once projected: sample them for the extent.
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for k in 0...40 {
            let t = Double(k) / 40
            let lon = view.west + (view.east - view.west) * t, lat = view.south + (view.north - view.south) * t
            for c in [Coordinate(latitude: view.south, longitude: lon), Coordinate(latitude: view.north, longitude: lon),
                      Coordinate(latitude: lat, longitude: view.west), Coordinate(latitude: lat, longitude: view.east)] {
                let p = try projection.forward(c)
                minX = min(minX, p.x); maxX = max(maxX, p.x); minY = min(minY, p.y); maxY = max(maxY, p.y)
            }
        }
        // Fit the narrower way and centre the other: the frame shows a little more than
        // the view along one axis rather than distorting it.
        let s = min(frame.width / (maxX - minX), frame.height / (maxY - minY))
        scale = s
        originX = (minX + maxX) / 2 - frame.width / 2 / s
        originY = (minY + maxY) / 2 + frame.height / 2 / s
    }

    /// The page position of a coordinate.
    public func point(_ c: Coordinate) throws(ProjectionError) -> (x: Double, y: Double) {
        let p = try projection.forward(c)
        return (frame.x + (p.x - originX) * scale, frame.y + (originY - p.y) * scale)
    }

    /// The coordinate at a page position.
    public func coordinate(x: Double, y: Double) throws(ProjectionError) -> Coordinate {
        try projection.inverse(x: (x - frame.x) / scale + originX, y: originY - (y - frame.y) / scale)
    }

    /// Pixels for `kilometres` of ground at the centre, measured the way a reader will:
    /// the geodesic of that length centred on the view's centre, projected.
    public func pixels(forKilometres kilometres: Double, azimuth: Double = 90) throws(ProjectionError) -> Double {
        let half = kilometres * 500
        let a = Geodesic.wgs84.direct(from: centre, azimuth: azimuth, distanceMeters: half).destination
        let b = Geodesic.wgs84.direct(from: centre, azimuth: azimuth + 180, distanceMeters: half).destination
        let pa = try point(a), pb = try point(b)
        return ((pa.x - pb.x) * (pa.x - pb.x) + (pa.y - pb.y) * (pa.y - pb.y)).squareRoot()
    }

    /// The direction of north at a page position, in degrees clockwise from straight up
    /// (meridians converge in a conic projection: north is only straight up on the
    /// central meridian).
    public func northAngle(atX x: Double, y: Double) throws(ProjectionError) -> Double {
        let c = try coordinate(x: x, y: y)
        let p0 = try point(c)
        let p1 = try point(Coordinate(latitude: c.latitude + 0.1, longitude: c.longitude))
        return atan2(p1.x - p0.x, -(p1.y - p0.y)) * 180 / .pi
    }

    private static func fmt(_ v: Double) -> String { formatDecimal(v, decimals: 4) }
}
