import Places
import Reports
import Territory
import Testing

/// A compass direction between places a few kilometres apart is fuzzy by the places' own
/// size: the Deir ez-Zor industrial zone, 6.6 km from the city's point, lies in a wide arc
/// of directions from it. Far apart, the same places' directions are held to the 45° rule.
/// A valley with a line in the gazetteer lies in every direction its line does.
@Suite("Directions allow for the places' extent")
struct DirectionsAllowForThePlacesExtent {
    static func check(_ text: String) throws -> [ClaimCheck] {
        let territory = try ShippedTerritory.shared()
        let reader = Reader(gazetteer: territory.gazetteer)
        let report = Report(document: "direction.txt", published: ReportedDate(day: september(14), precision: .day), text: text)
        let checker = ClaimChecker(gazetteer: territory.gazetteer, river: territory.river)
        return reader.read(report).claims.map(checker.check)
    }

    @Test("An area a few kilometres from a town is east of it though its point bears north-east")
    func nearAreaWidensTheArc() throws {
        let checks = try Self.check("The SDF seized the Deir ez-Zor Industrial Zone on September 10, approximately 6 km east of Deir ez-Zor city.")
        let c = try #require(checks.first { $0.claim.kind == .distance }, "no distance claim")
        #expect(c.claim.subject?.id == "deir_ez_zor_industrial_zone")
        let bearing = try #require(c.measuredBearing)
        // More than 45° off east, within 45° plus the arc a 10 km area and a 2 km town span at 6.6 km.
        #expect(abs(bearing - 90) > 45)
        #expect(c.verdict == .consistent, "\(c.explanation)")
        #expect(c.explanation.contains("tolerance 106°"), "\(c.explanation)")
    }

    @Test("Far apart, a direction wrong by a right angle is inconsistent")
    func farPlacesKeepTheRule() throws {
        let checks = try Self.check("Raqqa lies about 125 km north-east of Deir ez-Zor.")
        let c = try #require(checks.first { $0.claim.kind == .distance }, "no distance claim")
        #expect(c.verdict == .inconsistent, "\(c.explanation)")
        #expect(c.explanation.contains("tolerance 47°"), "\(c.explanation)")
    }

    @Test("The Khabur valley is north of Deir ez-Zor by its northern reach, and not west of it")
    func valleyLiesAlongItsLine() throws {
        let checks = try Self.check("""
        The SDF launched an offensive in the Khabur River Valley, north of Deir ez-Zor, on Saturday.

        ISIS fighters fled to the Khabur River Valley, west of Deir ez-Zor, on Sunday.
        """)
        let directions = checks.filter { $0.claim.kind == .direction }
        #expect(directions.count == 2)
        let north = try #require(directions.first { $0.claim.claimedDirection == "north" })
        #expect(north.claim.subject?.id == "khabur_river_valley")
        // The valley's point bears 61° from the city, beyond 45° plus the areas' arc; its line
        // reaches up to Shaddadi, 34° from north.
        #expect(north.verdict == .consistent, "\(north.explanation)")
        let bearing = try #require(north.measuredBearing)
        #expect(bearing > 25 && bearing < 40, "\(bearing)")
        #expect(north.explanation.contains("the part of Khabur River Valley"), "\(north.explanation)")
        let west = try #require(directions.first { $0.claim.claimedDirection == "west" })
        #expect(west.verdict == .inconsistent, "\(west.explanation)")
    }

    @Test("From a valley's line: Raqqa is west of the Khabur valley, not north of it")
    func directionsFromAValley() throws {
        let checks = try Self.check("The fighting moved to Raqqa, north of the Khabur River Valley. Tabqa lies west of the Khabur River Valley.")
        let directions = checks.filter { $0.claim.kind == .direction }
        let north = try #require(directions.first { $0.claim.claimedDirection == "north" })
        #expect(north.claim.reference?.id == "khabur_river_valley")
        #expect(north.verdict == .inconsistent, "\(north.explanation)")
        let west = try #require(directions.first { $0.claim.claimedDirection == "west" })
        #expect(west.verdict == .consistent, "\(west.explanation)")
    }
}
