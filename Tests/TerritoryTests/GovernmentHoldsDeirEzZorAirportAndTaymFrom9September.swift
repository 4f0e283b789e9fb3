import Geography
import Reports
import Territory
import Testing

/// What the reports say of 9 Sept: the relief reached the city and the airport, and the
/// army took the Taym field (AP, Al Jazeera, RT). Both the holder and the zones show it.
@Suite("The government holds Deir ez-Zor, its airport and the Taym field from 9 September")
struct GovernmentHoldsDeirEzZorAirportAndTaymFrom9September {
    static let places = ["geonames:170794", "deir_ez_zor_airport", "taym_oil_field"]

    @Test("The government alone holds it from the 9th", arguments: places, [9, 10, 12, 16])
    func governmentHoldsIt(_ id: String, _ day: Int) throws {
        let territory = try ShippedTerritory.shared()
        let holding = try #require(territory.model.holding(of: try territory.place(id), asOf: september(day)))
        #expect(holding.factions == [.government])
    }

    /// The field is a change the reports make, not the scenario's baseline.
    @Test("ISIS still held the Taym field on the 8th")
    func taymWasISISOnThe8th() throws {
        let territory = try ShippedTerritory.shared()
        let holding = try #require(territory.model.holding(of: try territory.place("taym_oil_field"), asOf: september(8)))
        #expect(holding.factions == [.isis])
    }

    @Test("The government's zone covers it", arguments: places, [9, 10, 16])
    func governmentZoneCoversIt(_ id: String, _ day: Int) throws {
        let territory = try ShippedTerritory.shared()
        let map = try ZoneMaps.map(september: day)
        let point = Shape.point(try territory.place(id).coordinate)
        #expect(try map.shape(of: "government").intersects(point))
        for zone in map.zones where zone.faction != "government" {
            #expect(try !zone.shape.contains(point), "\(zone.faction) contains \(id) too")
        }
    }
}
