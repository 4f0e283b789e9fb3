#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Geodesy
import Geography
import Places
import Reports
import Topology

/// Ground per faction on one day, as polygons: valid, non-overlapping, clipped to Syria
/// and to the map's region, with the Euphrates as a barrier.
public struct ZoneMap: Sendable {
    public struct Zone: Sendable {
        /// An actor id, `contested` or `unknown`.
        public var faction: String
        public var shape: Shape
        public var areaSquareKilometres: Double
    }
    public struct Front: Sendable {
        public var factions: (String, String)
        public var shape: Shape
        public var lengthKilometres: Double
    }

    public var day: Day
    public var zones: [Zone]
    public var fronts: [Front]
    public var holdings: [Holding]
    public var rule: ZoneRule

    public func area(of faction: String) -> Double { zones.first { $0.faction == faction }?.areaSquareKilometres ?? 0 }
}

/// How held places become ground.
public enum ZoneRule: String, Sendable, CaseIterable {
    /// Each held place claims its Voronoi cell among all held places, up to a reach (25 km;
    /// an entry's radius_km when larger), on its own bank of the Euphrates; a scenario
    /// entry's polygon is taken as drawn instead. Ground farther from any held place is
    /// `unknown`.
    case voronoi
    /// Each held place claims the disc of its reach on its own bank, with no Voronoi split:
    /// where discs of two factions overlap, contested ground and declared zones keep it, then
    /// factions in name order. For maps that should show reach, not a partition.
    case reach

    /// Default reach of a held place, in km.
    public static let reachKilometres = 25.0
}

/// Builds zone maps. Holds the region, Syria's border and the two banks, computed once.
public struct ZoneBuilder: Sendable {
    public let region: Shape
    public let east: Shape
    public let west: Shape
    public let river: RiverLine
    /// Banks of the places already asked about: a run draws the same places on every
    /// day's map, and each answer measures against the whole 1,500-vertex line.
    private let banks = BankMemo()

    /// The map's region: eastern Syria from al-Tanf to Hasakah and Raqqa to Abu Kamal.
    public static let bounds = BoundingBox(west: 37.6, south: 32.9, east: 42.2, north: 37.1)

    public init(gazetteer: Gazetteer, river: RiverLine) throws {
        let box = ZoneBuilder.bounds
        var region = Shape.box(box)
        if let syria = gazetteer.place(id: "syria"), let border = try gazetteer.shape(of: syria) {
            region = try region.intersection(with: border)
        }
        // Split the region along the river: polygonize its boundary with the line.
        let lines = Shape.collection([try region.boundary(), river.shape])
        var east: [Shape] = [], west: [Shape] = []
        for piece in try Shape.polygonized(try lines.unaryUnion()) {
            let shape = Shape.polygon(piece)
            guard let inside = try shape.pointOnSurface(), try region.contains(.point(inside)) else { continue }
            if try river.side(of: inside).side == .east { east.append(shape) } else { west.append(shape) }
        }
        self.region = region
        self.east = try Shape.collection(east).unaryUnion()
        self.west = try Shape.collection(west).unaryUnion()
        self.river = river
    }

    /// A geodesic circle as a polygon (64 vertices, PROJ's direct geodesic).
    static func disc(_ centre: Coordinate, kilometres: Double) -> Shape {
        var ring: [Coordinate] = []
        for k in 0..<64 {
            ring.append(Geodesic.wgs84.direct(from: centre, azimuth: Double(k) * 360 / 64, distanceMeters: kilometres * 1000).destination)
        }
        ring.append(ring[0])
        return .polygon(Polygon(exterior: ring.reversed()))
    }

    public func build(_ holdings: [Holding], day: Day, rule: ZoneRule = .voronoi) throws -> ZoneMap {
        let box = ZoneBuilder.bounds
        // Sites: held places in the region that are points at map scale.
        let sites = holdings.filter { h in
            (h.polygon != nil || ![.country, .province, .region, .river].contains(h.place.kind))
                && box.contains(h.place.coordinate)
        }
        var cells: [String: Shape] = [:]
        if rule == .voronoi, sites.count >= 2 {
            var seen: Set<String> = []
            let points = sites.map(\.place.coordinate).filter { seen.insert("\($0.latitude),\($0.longitude)").inserted }
            let envelope = Shape.box(BoundingBox(west: box.west - 1, south: box.south - 1, east: box.east + 1, north: box.north + 1))
            let polygons = try Shape.multiPoint(points).voronoiCells(envelope: envelope)
            for site in sites {
                if let cell = try polygons.first(where: { try Shape.polygon($0).intersects(.point(site.place.coordinate)) }) {
                    cells[site.place.id] = .polygon(cell)
                }
            }
        }
        // Ground per site: its cell within its reach, on its bank.
        var byFaction: [String: [Shape]] = [:]
        var priority: [String: [Shape]] = [:]
        for site in sites {
            let faction = site.isContested ? "contested" : site.factions[0].rawValue
            if let polygon = site.polygon {
                // An analyst's drawn ground is taken as drawn (both banks if it says so),
                // within the region, before the reach of other places.
                priority[faction, default: []].append(try polygon.intersection(with: region))
                continue
            }
            let reach = max(ZoneRule.reachKilometres, site.radiusKilometres ?? 0)
            var ground = ZoneBuilder.disc(site.place.coordinate, kilometres: reach)
            if site.radiusKilometres == nil, let cell = cells[site.place.id] { ground = try ground.intersection(with: cell) }
            let bank = try banks.bank(of: site.place, river: river)
            // A bank is the region cut by the river: ground that reaches the river is cut
            // by its bank, other ground by the region only (the same result, and the
            // bank's 1,500-vertex edge is not overlaid for nothing).
            let reachesRiver = bank.distanceMeters < reach * 1000 + RiverLine.accuracyMeters
            switch bank.bank {
            case .east where reachesRiver: ground = try ground.intersection(with: east)
            case .west where reachesRiver: ground = try ground.intersection(with: west)
            default: ground = try ground.intersection(with: region)
            }
            if site.radiusKilometres != nil || site.isContested { priority[faction, default: []].append(ground) } else { byFaction[faction, default: []].append(ground) }
        }
        // Contested ground and declared zones first, then the rest; no overlaps.
        var taken: Shape?
        var zones: [ZoneMap.Zone] = []
        var merged: [String: Shape] = [:]
        for pass in [priority, byFaction] {
            for faction in pass.keys.sorted() {
                var shape = try Shape.collection(pass[faction]!).unaryUnion()
                if let taken { shape = try shape.difference(with: taken) }
                shape = .multiPolygon(shape.polygons)
                if let existing = merged[faction] { shape = .multiPolygon(try existing.union(with: shape).polygons) }
                merged[faction] = shape
            }
            for faction in pass.keys.sorted() {
                taken = try taken.map { try $0.union(with: merged[faction]!) } ?? merged[faction]!
            }
        }
        // On the output's 6-decimal grid, as one noding: the region's boundary and every
        // zone's are snap-rounded together and polygonized, and each face goes to the zone
        // that holds its interior point (the rest of the region is unknown). Neighbours
        // then share their edges vertex for vertex, so they cannot overlap, in the plane or
        // along a geodesic edge; snapping each zone on its own left slivers between them.
        let grid = 1e-6
        let factions = merged.keys.sorted()
        let regionOnGrid = try region.snapped(toGrid: grid)
        var boundaries = [try regionOnGrid.boundary()]
        for faction in factions { boundaries.append(try merged[faction]!.boundary()) }
        let faces = try Shape.polygonized(try Shape.collection(boundaries).unaryUnion(gridSize: grid))
        let inRegion = try PreparedShape(regionOnGrid)
        let owners = try factions.map { (faction) throws(GEOSError) in try PreparedShape(merged[faction]!) }
        var facesOf = [[Shape]](repeating: [], count: factions.count + 1)
        for face in faces {
            let shape = Shape.polygon(face)
            guard let inside = try shape.pointOnSurface(), try inRegion.covers(inside) else { continue }
            var owner = factions.count
            for k in owners.indices where try owners[k].covers(inside) { owner = k; break }
            facesOf[owner].append(shape)
        }
        for (k, faction) in (factions + ["unknown"]).enumerated() where !facesOf[k].isEmpty {
            let shape = Shape.multiPolygon(try Shape.collection(facesOf[k]).coverageUnion().polygons)
            zones.append(ZoneMap.Zone(faction: faction, shape: shape, areaSquareKilometres: Geodesic.wgs84.area(of: shape) / 1e6))
        }
        // Fronts: where two factions' zones touch.
        var fronts: [ZoneMap.Front] = []
        let known = zones.filter { $0.faction != "unknown" }
        for i in known.indices { for j in known.indices where j > i {
            let line = try known[i].shape.boundary().intersection(with: try known[j].shape.boundary())
            let parts = try line.lineMerged().lines.filter { $0.count >= 2 }
            guard !parts.isEmpty else { continue }
            let shape = Shape.multiLineString(parts)
            fronts.append(ZoneMap.Front(factions: (known[i].faction, known[j].faction), shape: shape,
                                        lengthKilometres: Geodesic.wgs84.length(of: shape) / 1000))
        } }
        return ZoneMap(day: day, zones: zones, fronts: fronts, holdings: holdings, rule: rule)
    }
}

/// Bank answers by place, shared by the builds of one run (which may run on several
/// threads at once, hence the lock).
final class BankMemo: @unchecked Sendable {
    private var answers: [String: BankAnswer] = [:]
    // Its own allocation: a mutex must not move, and a stored property's address is not
    // promised to stay put.
    private let lock: UnsafeMutablePointer<pthread_mutex_t> = .allocate(capacity: 1)

    init() { pthread_mutex_init(lock, nil) }
    deinit { pthread_mutex_destroy(lock); lock.deallocate() }

    func bank(of place: Place, river: RiverLine) throws(GEOSError) -> BankAnswer {
        let key = "\(place.id)@\(place.coordinate.latitude),\(place.coordinate.longitude)"
        pthread_mutex_lock(lock)
        let known = answers[key]
        pthread_mutex_unlock(lock)
        if let known { return known }
        let answer = try river.bank(of: place.coordinate, place: place)
        pthread_mutex_lock(lock)
        answers[key] = answer
        pthread_mutex_unlock(lock)
        return answer
    }
}
