import Geography
import Places
import Territory
import Testing
import Topology

/// The Euphrates was the deconfliction line in Deir ez-Zor province: the SDF's Jazeera
/// Storm (from 9 Sept) took ground east of the river north of the city, and none west of
/// it, where the army advanced. (Upstream, the SDF does hold west-bank towns, Tabqa and
/// Manbij, so the rule is tested inside the province.)
@Suite("The SDF stays east of the Euphrates")
struct SDFStaysEastOfTheEuphrates {
    /// A sliver left where zones meet the river after snapping to the output's 1e-6°
    /// grid is far below this (100 m × 100 m); a site put on the wrong bank would claim
    /// hundreds of km².
    static let noGroundKm2 = 0.01

    static func province() throws -> Shape {
        let territory = try ShippedTerritory.shared()
        return try #require(try territory.gazetteer.shape(of: try territory.place("deir_ez_zor_province")), "Deir ez-Zor province has no shape")
    }

    @Test("No SDF ground west of the river in Deir ez-Zor province", arguments: ZoneRule.allCases, ZoneMaps.days)
    func noSDFGroundWestOfTheRiver(_ rule: ZoneRule, _ day: Int) throws {
        let territory = try ShippedTerritory.shared()
        let westBank = try territory.builder.west.intersection(with: try SDFStaysEastOfTheEuphrates.province())
        let sdf = try ZoneMaps.map(september: day, rule: rule).shape(of: "sdf")
        let area = squareKilometres(try sdf.intersection(with: westBank))
        #expect(area < SDFStaysEastOfTheEuphrates.noGroundKm2, "\(area) km² of SDF ground on the west bank")
    }

    @Test("SDF ground east of the river in the province from 9 September", arguments: [9, 10, 16])
    func sdfGroundEastOfTheRiver(_ day: Int) throws {
        let territory = try ShippedTerritory.shared()
        let eastBank = try territory.builder.east.intersection(with: try SDFStaysEastOfTheEuphrates.province())
        let area = squareKilometres(try ZoneMaps.map(september: day).shape(of: "sdf").intersection(with: eastBank))
        // Abu Khashab's ground alone (9 Sept) is a 25 km reach cut by its neighbours.
        #expect(area > 500, "only \(area) km²")
    }

    /// Before Jazeera Storm the SDF held nothing in the province: the growth above comes
    /// from the reports, not from the baseline.
    @Test("No SDF ground in the province before 9 September", arguments: [1, 8])
    func noSDFGroundBefore(_ day: Int) throws {
        let sdf = try ZoneMaps.map(september: day).shape(of: "sdf")
        let area = squareKilometres(try sdf.intersection(with: try SDFStaysEastOfTheEuphrates.province()))
        #expect(area < SDFStaysEastOfTheEuphrates.noGroundKm2, "\(area) km²")
    }

    /// North of the city, on the east bank: Abu Khashab from the 9th, the 113th Brigade
    /// base from the 11th, the industrial zone across from the city by the 16th.
    @Test("The SDF's zone covers the east-bank places it took", arguments: [
        ("abu_khashab", 9), ("brigade_113_base", 11), ("brigade_113_base", 16), ("deir_ez_zor_industrial_zone", 16),
    ])
    func sdfZoneCoversItsPlaces(_ id: String, _ day: Int) throws {
        let territory = try ShippedTerritory.shared()
        let place = try territory.place(id)
        #expect(try territory.river.bank(of: place.coordinate, place: place).bank == .east)
        #expect(try ZoneMaps.map(september: day).shape(of: "sdf").intersects(.point(place.coordinate)))
    }
}
