import CPROJ
import Geography

/// A PROJ failure, naming the PROJ function and carrying PROJ's own message.
public struct ProjectionError: Error, CustomStringConvertible, Equatable {
    public var function: String
    public var message: String
    public var description: String { "\(function) failed: \(message)" }
}

/// A coordinate transformation from WGS84 lon/lat to a projected CRS, owning its PROJ
/// context and transform (created once per run: creating one reads proj.db).
/// Not shareable across threads: make one per thread or task.
public final class Projection {
    private let context: OpaquePointer
    private let transform: OpaquePointer
    /// The target CRS as the caller gave it.
    public let definition: String

    /// Creates the transformation from EPSG:4326 (used in lon/lat order) to `target`, a
    /// PROJ string ("+proj=laea +lat_0=35 +lon_0=39"), "EPSG:nnnn" or WKT.
    public init(to target: String) throws(ProjectionError) {
        guard let ctx = proj_context_create() else {
            throw ProjectionError(function: "proj_context_create", message: "out of memory")
        }
        // PROJ logs to stderr by default; our stderr carries our own diagnostics only.
        proj_log_level(ctx, PJ_LOG_NONE)
        guard let raw = proj_create_crs_to_crs(ctx, "EPSG:4326", target, nil) else {
            let message = Projection.lastError(ctx)
            proj_context_destroy(ctx)
            throw ProjectionError(function: "proj_create_crs_to_crs", message: "\(message) (target CRS '\(target)')")
        }
        // Ask for the GIS axis order (lon, lat / easting, northing) whatever the CRS says.
        let normalized = proj_normalize_for_visualization(ctx, raw)
        proj_destroy(raw)
        guard let pj = normalized else {
            let message = Projection.lastError(ctx)
            proj_context_destroy(ctx)
            throw ProjectionError(function: "proj_normalize_for_visualization", message: message)
        }
        context = ctx
        transform = pj
        definition = target
    }

    /// Creates the projection from WGS84 lon/lat in degrees by a PROJ string
    /// (`+proj=lcc ... +ellps=WGS84`) run as a pipeline. Unlike `init(to:)` it asks proj.db
    /// nothing: about a hundred times faster to create, which matters when every map page
    /// of a run makes its own. `definition` keeps the string as given.
    public init(pipelineTo projString: String) throws(ProjectionError) {
        guard let ctx = proj_context_create() else {
            throw ProjectionError(function: "proj_context_create", message: "out of memory")
        }
        proj_log_level(ctx, PJ_LOG_NONE)
        let step = projString.split(separator: " ").filter { $0 != "+type=crs" && $0 != "+no_defs" }.joined(separator: " ")
        guard let pj = proj_create(ctx, "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step " + step) else {
            let message = Projection.lastError(ctx)
            proj_context_destroy(ctx)
            throw ProjectionError(function: "proj_create", message: "\(message) (projection '\(projString)')")
        }
        context = ctx
        transform = pj
        definition = projString
    }

    deinit {
        // The transform belongs to the context: destroy it first.
        proj_destroy(transform)
        proj_context_destroy(context)
    }

    /// Projects a WGS84 coordinate to (x, y) in the target CRS's units (metres for the
    /// projections we use). Wraps `proj_trans`.
    public func forward(_ c: Coordinate) throws(ProjectionError) -> (x: Double, y: Double) {
        let out = proj_trans(transform, PJ_FWD, proj_coord(c.longitude, c.latitude, 0, 0))
        let x = out.xy.x, y = out.xy.y
        guard x.isFinite, y.isFinite, x != .infinity else {
            let errno = proj_errno(transform)
            proj_errno_reset(transform)
            throw ProjectionError(function: "proj_trans", message: errno != 0 ? String(cString: proj_context_errno_string(context, errno)) : "point \(c) cannot be projected")
        }
        return (x, y)
    }

    /// Unprojects (x, y) back to WGS84.
    public func inverse(x: Double, y: Double) throws(ProjectionError) -> Coordinate {
        let out = proj_trans(transform, PJ_INV, proj_coord(x, y, 0, 0))
        guard out.lp.lam.isFinite, out.lp.phi.isFinite, out.lp.lam != .infinity else {
            proj_errno_reset(transform)
            throw ProjectionError(function: "proj_trans", message: "(\(x), \(y)) cannot be unprojected")
        }
        return Coordinate(latitude: out.lp.phi, longitude: out.lp.lam)
    }

    private static func lastError(_ ctx: OpaquePointer) -> String {
        let errno = proj_context_errno(ctx)
        guard errno != 0, let text = proj_context_errno_string(ctx, errno) else { return "unknown PROJ error" }
        return String(cString: text)
    }
}
