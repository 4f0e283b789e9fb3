import Geography
import Reports
import Territory
import Testing

/// The bank of each place the issue names, as `side` answers it: the river line's side,
/// or within the line's 2 km accuracy the gazetteer's sourced bank.
@Suite("Places lie on their bank of the Euphrates")
struct PlacesLieOnTheirBankOfTheEuphrates {
    struct Expected: Sendable, CustomTestStringConvertible {
        var id: String
        var name: String
        var bank: BankAnswer.Bank
        /// `gazetteer` where the town is too close to the line for the line to decide.
        var basis: String
        var testDescription: String { "\(name): \(bank.rawValue)" }
    }

    static let places: [Expected] = [
        // Within 2 km of the WDBII line: the sourced bank decides (places.tsv cites it).
        Expected(id: "geonames:173480", name: "Mayadin", bank: .west, basis: "gazetteer"),
        Expected(id: "geonames:174448", name: "Abu Kamal", bank: .west, basis: "gazetteer"),
        Expected(id: "geonames:174506", name: "Hajin", bank: .east, basis: "gazetteer"),
        Expected(id: "geonames:173927", name: "al-Busayrah", bank: .east, basis: "gazetteer"),
        Expected(id: "geonames:170794", name: "Deir ez-Zor", bank: .west, basis: "gazetteer"),
        // Far enough from the line for its side to decide.
        Expected(id: "geonames:172955", name: "Raqqa", bank: .east, basis: "line"),
        Expected(id: "taym_oil_field", name: "al-Taym oil field", bank: .west, basis: "line"),
        Expected(id: "deir_ez_zor_airport", name: "Deir ez-Zor airport", bank: .west, basis: "line"),
        Expected(id: "conoco_gas_field", name: "Conoco gas field", bank: .east, basis: "line"),
        Expected(id: "brigade_113_base", name: "113th Brigade base", bank: .east, basis: "line"),
    ]

    @Test("A town beyond the river line's downstream end has no bank the line can tell, and a bank claim about it is unverifiable")
    func beyondTheLineIsNoBank() throws {
        let territory = try ShippedTerritory.shared()
        let rawa = try territory.place("geonames:92004")
        let answer = try territory.river.bank(of: rawa.coordinate, place: rawa)
        #expect(answer.isBeyondEnds)
        #expect(answer.note?.contains("downstream end") == true)
        // Raqqa is far from the line too, but beside it: its side is a bank.
        let raqqa = try territory.place("geonames:172955")
        #expect(try !territory.river.bank(of: raqqa.coordinate, place: raqqa).isBeyondEnds)

        let reader = Reader(gazetteer: territory.gazetteer)
        let report = Report(document: "rawa.txt", published: ReportedDate(day: Day(year: 2017, month: 11, day: 18)!, precision: .day),
                            text: "Iraqi forces recaptured Rawa on Friday. The town lies on the northern bank of the Euphrates.")
        let checker = ClaimChecker(gazetteer: territory.gazetteer, river: territory.river)
        let checks = reader.read(report).claims.map(checker.check)
        let bank = try #require(checks.first { $0.claim.kind == .bank }, "no bank claim")
        #expect(bank.verdict == .unverifiable, "\(bank.explanation)")
    }

    @Test("The place is on its bank", arguments: places)
    func placeIsOnItsBank(_ e: Expected) throws {
        let territory = try ShippedTerritory.shared()
        let place = try territory.place(e.id)
        let answer = try territory.river.bank(of: place.coordinate, place: place)
        #expect(answer.bank == e.bank, "\(e.name) at \(place.coordinate): \(answer.bank.rawValue) by \(answer.basis), \(Int(answer.distanceMeters)) m from the line")
        #expect(answer.basis == e.basis)
    }

    /// Mayadin and Abu Kamal sit within the line's accuracy; without the gazetteer's
    /// sourced bank the honest answer is "on the river", not a guess.
    @Test("A bare point too close to the line is on the river", arguments: ["geonames:173480", "geonames:174448"])
    func barePointNearTheLineIsOnTheRiver(_ id: String) throws {
        let territory = try ShippedTerritory.shared()
        let answer = try territory.river.bank(of: try territory.place(id).coordinate)
        #expect(answer.bank == .river)
        #expect(answer.distanceMeters < RiverLine.accuracyMeters)
    }

    /// Points far from the river: one in the Jazira (Shaddadi's plain), one in the Shamiya
    /// desert (south of the Taym field), so a swapped orientation of the line shows here.
    @Test("Open country on either side gets its side of the line")
    func openCountryGetsItsSide() throws {
        let river = try ShippedTerritory.shared().river
        #expect(try river.bank(of: Coordinate(latitude: 36.0, longitude: 40.6)).bank == .east)
        #expect(try river.bank(of: Coordinate(latitude: 34.8, longitude: 39.8)).bank == .west)
    }
}
