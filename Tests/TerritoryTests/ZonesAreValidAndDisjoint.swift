import Geography
import Territory
import Testing
import Topology

/// The zones command promises valid polygons that do not overlap and that together
/// cover the map's part of Syria: what GIS tools and the area sums rely on.
@Suite("Zones are valid and disjoint")
struct ZonesAreValidAndDisjoint {
    @Test("Every zone is valid", arguments: ZoneRule.allCases, [8, 10, 16])
    func everyZoneIsValid(_ rule: ZoneRule, _ day: Int) throws {
        for zone in try ZoneMaps.map(september: day, rule: rule).zones {
            let reason = try zone.shape.validityReason()
            #expect(try zone.shape.isValid(), "\(zone.faction): \(reason)")
            #expect(zone.areaSquareKilometres > 0, "\(zone.faction) is empty")
        }
    }

    /// Neighbours share their edges vertex for vertex, so their intersection is lines and
    /// points: no area in the plane GEOS overlays them in, and none on the ellipsoid.
    /// (Zones snapped to the grid one by one overlapped by slivers of up to 1e-7 deg² in
    /// the plane, 0.13 km² geodesic where one zone split a 30 km edge of its neighbour.)
    @Test("No two zones overlap", arguments: ZoneRule.allCases, [8, 10, 16])
    func noTwoZonesOverlap(_ rule: ZoneRule, _ day: Int) throws {
        let zones = try ZoneMaps.map(september: day, rule: rule).zones
        for i in zones.indices {
            for j in zones.indices where j > i {
                let overlap = try zones[i].shape.intersection(with: zones[j].shape)
                let planar = try overlap.planarArea(), geodesic = squareKilometres(overlap) * 1e6
                #expect(planar < 1e-12 && geodesic < 1, "\(zones[i].faction) ∩ \(zones[j].faction): \(planar) deg², \(geodesic) m²")
            }
        }
    }

    /// The zones partition the region (eastern Syria on the output grid): nothing is left
    /// out and nothing counted twice. In the plane, as they are built: snap-rounding may
    /// move the region's edge by under a grid step (1e-6°) where a zone boundary meets it,
    /// about 5e-8 deg² in all; a lost face of any size would be far more.
    @Test("The zones add up to the region", arguments: ZoneRule.allCases, [8, 10, 16])
    func zonesAddUpToTheRegion(_ rule: ZoneRule, _ day: Int) throws {
        let territory = try ShippedTerritory.shared()
        let zones = try ZoneMaps.map(september: day, rule: rule).zones
        let total = try zones.reduce(0.0) { $0 + (try $1.shape.planarArea()) }
        let region = try territory.builder.region.snapped(toGrid: 1e-6).planarArea()
        #expect(abs(total - region) < 1e-6, "zones \(total) deg², region \(region) deg²")
    }
}
