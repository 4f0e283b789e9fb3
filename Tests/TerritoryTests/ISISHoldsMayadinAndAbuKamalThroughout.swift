import Geography
import Reports
import Territory
import Testing

/// Mayadin (ISIS's main base in 2017) and Abu Kamal stayed ISIS-held through September
/// 2017; no seed report changes that, and a misread event would show up here.
@Suite("ISIS holds Mayadin and Abu Kamal throughout")
struct ISISHoldsMayadinAndAbuKamalThroughout {
    static let places = ["geonames:173480", "geonames:174448"]

    @Test("ISIS alone holds it every day of September", arguments: places)
    func isisHoldsItEveryDay(_ id: String) throws {
        let territory = try ShippedTerritory.shared()
        let place = try territory.place(id)
        for day in 1...30 {
            let holding = try #require(territory.model.holding(of: place, asOf: september(day)), "nobody holds \(id) on \(day) Sept")
            #expect(holding.factions == [.isis], "\(id) on \(day) Sept")
        }
    }

    /// The towns are within 1 km of the river line and on the west bank by their sources;
    /// their ground must still include the town itself.
    @Test("ISIS's zone covers it", arguments: places, ZoneMaps.days)
    func isisZoneCoversIt(_ id: String, _ day: Int) throws {
        let territory = try ShippedTerritory.shared()
        let map = try ZoneMaps.map(september: day)
        #expect(try map.shape(of: "isis").intersects(.point(try territory.place(id).coordinate)))
    }
}
