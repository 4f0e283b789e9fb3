import Reports
import Territory
import Testing

/// Who holds a place at the end of a day: the 1 Sept scenario, then the seed reports'
/// events in date order (the `holder` command's answers).
@Suite("Holders on given dates")
struct HoldersOnGivenDates {
    struct Expected: Sendable, CustomTestStringConvertible {
        var id: String
        var day: Int
        /// Sorted; two means contested.
        var factions: [Actor]
        var why: String
        var testDescription: String { "\(id) on \(day) Sept: \(factions.map(\.rawValue).joined(separator: "+"))" }
    }

    static let table: [Expected] = [
        Expected(id: "geonames:170794", day: 1, factions: [.government, .isis],
                 why: "scenario: the government's western districts and ISIS's eastern ones, before the relief"),
        Expected(id: "geonames:170794", day: 4, factions: [.government, .isis], why: "the siege is broken on the 5th, not before"),
        Expected(id: "geonames:170794", day: 6, factions: [.government], why: "RT: the army broke the siege 'last Tuesday' (5 Sept)"),
        Expected(id: "geonames:172955", day: 16, factions: [.isis, .sdf], why: "Raqqa: scenario rows for both; no seed report takes it"),
        Expected(id: "abu_khashab", day: 8, factions: [.isis], why: "scenario"),
        Expected(id: "abu_khashab", day: 9, factions: [.sdf], why: "AP 9 Sept: the SDF 'liberated ... the village of Abou Khashab'"),
        Expected(id: "brigade_113_base", day: 10, factions: [.isis],
                 why: "scenario; RT names no day for the capture (the 'Sunday' three sentences earlier dates another sentence)"),
        Expected(id: "brigade_113_base", day: 11, factions: [.sdf], why: "RT 11 Sept: the SDF 'reportedly capturing the 113th Brigade Base'"),
        Expected(id: "al_salihiyah_deir_ez_zor", day: 11, factions: [.isis, .sdf], why: "RT: 'parts of the Al-Salihiyah District' makes it contested"),
        Expected(id: "hills_17", day: 10, factions: [.isis], why: "scenario"),
        Expected(id: "hills_17", day: 11, factions: [.government], why: "RT: Monday 11 Sept, the army 'liberating the 17th Hills'"),
        Expected(id: "deir_ez_zor_industrial_zone", day: 16, factions: [.sdf], why: "Zero Hedge 16 Sept: SDF units in the industrial zone"),
        Expected(id: "geonames:172374", day: 16, factions: [.sdf], why: "Tabqa: scenario, SDF since May 2017"),
    ]

    @Test("The holder is the one the scenario and reports give", arguments: table)
    func holderIsAsGiven(_ e: Expected) throws {
        let territory = try ShippedTerritory.shared()
        let holding = try #require(territory.model.holding(of: try territory.place(e.id), asOf: september(e.day)), "nobody holds \(e.id); \(e.why)")
        #expect(holding.factions == e.factions, "\(e.why); sources: \(holding.sources.map { "\($0.date) \($0.faction.rawValue) \($0.reference)" })")
    }

    /// A place neither the scenario nor a report mentions has no holder: the model must
    /// not invent one from neighbours.
    @Test("A place nobody reports on has no holder")
    func unreportedPlaceHasNoHolder() throws {
        let territory = try ShippedTerritory.shared()
        #expect(territory.model.holding(of: try territory.place("khabur_euphrates_confluence"), asOf: september(16)) == nil)
    }

    /// The latest source explains the latest change, so `holder` can quote it.
    @Test("The last source is the report that changed the holder")
    func lastSourceIsTheChangingReport() throws {
        let territory = try ShippedTerritory.shared()
        let holding = try #require(territory.model.holding(of: try territory.place("taym_oil_field"), asOf: september(10)))
        let last = try #require(holding.sources.last)
        #expect(last.kind == "report")
        #expect(last.faction == .government)
        #expect(last.date == september(9))
    }
}
