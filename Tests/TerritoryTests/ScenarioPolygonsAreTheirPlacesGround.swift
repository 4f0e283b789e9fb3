import Foundation
import Geodesy
import Geography
import Reports
import Territory
import Testing
import Topology

/// An analyst who draws a place's ground as a polygon in the scenario gets that ground,
/// not the 25 km reach: the polygon is the zone, across the river if it says so.
@Suite("Scenario polygons are their place's ground")
struct ScenarioPolygonsAreTheirPlacesGround {
    // A box of about 80 by 60 km east of Palmyra, far beyond a 25 km reach from it.
    static let box = "POLYGON((38.6 34.4, 39.5 34.4, 39.5 34.95, 38.6 34.95, 38.6 34.4))"

    @Test("A drawn polygon becomes the faction's zone, whole")
    func polygonIsTheZone() throws {
        let territory = try ShippedTerritory.shared()
        let text = BrokenScenarioEntriesAreNamed.header + "\n"
            + BrokenScenarioEntriesAreNamed.row(place: "geonames:163808", faction: "government", since: "2017-03-02", polygon: Self.box) + "\n"
            + BrokenScenarioEntriesAreNamed.row(place: "geonames:173480", faction: "isis") + "\n"
        let (_, result) = try BrokenScenarioEntriesAreNamed.load(text)
        let scenario = try result.get()
        let model = ControlModel(scenario: scenario, events: [])
        let map = try territory.builder.build(model.state(asOf: september(1)), day: september(1))
        let government = try #require(map.zones.first { $0.faction == "government" })
        // A point 60 km from Palmyra, inside the box: ground only the polygon can give.
        #expect(try government.shape.contains(.point(Coordinate(latitude: 34.9, longitude: 39.4))))
        let drawn = try Shape(wkt: Self.box)
        let expected = Geodesic.wgs84.area(of: drawn) / 1e6
        #expect(abs(government.areaSquareKilometres - expected) / expected < 0.001,
                "zone \(government.areaSquareKilometres) km², polygon \(expected) km²")
        // Mayadin, with no polygon, still gets its reach.
        let isis = try #require(map.zones.first { $0.faction == "isis" })
        #expect(isis.areaSquareKilometres > 500 && isis.areaSquareKilometres < 2_000)
    }
}
