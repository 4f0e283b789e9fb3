import Testing
import Geography
import Places

/// A name shared by several places gives every one of them, best first; the context of
/// the surrounding text (countries, provinces, a point) decides the order, and a
/// qualifier ("province") chooses the kind.
@Suite("Ambiguous names are ranked by context")
struct AmbiguousNamesAreRankedByContext {
    /// The al-Salihiyah beside Dura-Europos (Abu Kamal District, west bank) and the
    /// east-bank village ~7 km north of Deir ez-Zor city (places.tsv).
    static let salihiyahAbuKamal = "al_salihiyah_abu_kamal"
    static let salihiyahNearTheCity = "al_salihiyah_deir_ez_zor"
    static let deirEzZorCity = Coordinate(latitude: 35.336, longitude: 40.141)

    @Test("al-Salihiyah gives both places that carry the name, ranked")
    func salihiyahHasSeveralCandidates() throws {
        let resolution = try repositoryGazetteer().resolve("al-Salihiyah")
        let ids = resolution.candidates.map(\.place.id)
        #expect(resolution.candidates.count >= 2)
        #expect(Set(ids).count == ids.count, "each place once: \(ids)")
        #expect(ids.contains(Self.salihiyahAbuKamal))
        #expect(ids.contains(Self.salihiyahNearTheCity))
        let scores = resolution.candidates.map(\.score)
        #expect(scores == scores.sorted(by: >), "best first: \(scores)")
        #expect(resolution.best.place.id == ids[0])
    }

    @Test("al-Salihiyah is reported as ambiguous")
    func salihiyahIsAmbiguous() throws {
        // Two places ~75 km apart with the very same name: a reader must be told.
        let resolution = try repositoryGazetteer().resolve("al-Salihiyah")
        #expect(resolution.isAmbiguous, "scores \(resolution.candidates.map { ($0.place.id, $0.score) })")
    }

    @Test("Near Deir ez-Zor city, al-Salihiyah is the east-bank village by the city")
    func contextNearTheCityPicksTheNearbyPlace() throws {
        let gazetteer = try repositoryGazetteer()
        let near = try #require(gazetteer.place(id: Self.salihiyahNearTheCity))
        #expect(near.bank == .east)
        let context = ResolutionContext(countries: ["SY": 1], provinces: ["Deir ez-Zor": 1], near: Self.deirEzZorCity)
        let resolution = try gazetteer.resolve("al-Salihiyah", context: context)
        #expect(resolution.best.place.id == Self.salihiyahNearTheCity,
                "ranked \(resolution.candidates.map { ($0.place.id, $0.score) })")
    }

    @Test("A point alone (no countries or provinces) is enough context")
    func pointAloneDecides() throws {
        let context = ResolutionContext(countries: [:], provinces: [:], near: Self.deirEzZorCity)
        let resolution = try repositoryGazetteer().resolve("al-Salihiyah", context: context)
        #expect(resolution.best.place.id == Self.salihiyahNearTheCity,
                "ranked \(resolution.candidates.map { ($0.place.id, $0.score) })")
    }

    @Test("Near Abu Kamal, al-Salihiyah is the town by Dura-Europos")
    func contextNearAbuKamalPicksTheTown() throws {
        let gazetteer = try repositoryGazetteer()
        let abuKamal = try #require(gazetteer.place(id: "geonames:174448"))
        let resolution = try gazetteer.resolve("al-Salihiyah", context: ResolutionContext(near: abuKamal.coordinate))
        #expect(resolution.best.place.id == Self.salihiyahAbuKamal)
    }

    @Test("The context changes the scores, not the set of candidates")
    func contextOnlyReorders() throws {
        let gazetteer = try repositoryGazetteer()
        let plain = try gazetteer.resolve("al-Salihiyah", context: ResolutionContext())
        let near = try gazetteer.resolve("al-Salihiyah", context: ResolutionContext(near: Self.deirEzZorCity))
        #expect(Set(plain.candidates.map(\.place.id)) == Set(near.candidates.map(\.place.id)))
        let nearScore = { (r: Resolution) in r.candidates.first { $0.place.id == Self.salihiyahNearTheCity }?.score ?? -.infinity }
        #expect(nearScore(near) > nearScore(plain))
    }

    @Test("Bare Homs is the city, Homs province the governorate", arguments: [
        ("Homs", "geonames:169577", PlaceKind.city),
        ("Homs city", "geonames:169577", .city),
        ("Homs province", "homs_province", .province),
        ("Homs governorate", "homs_province", .province),
        ("Homs Province", "homs_province", .province),
    ])
    func qualifierChoosesTheKind(query: String, id: String, kind: PlaceKind) throws {
        let best = try repositoryGazetteer().resolve(query).best
        #expect(best.place.id == id, "'\(query)' → \(best.place.id)")
        #expect(best.place.kind == kind)
    }

    @Test("A city and its own province are not ambiguous", arguments: ["Homs", "Deir ez-Zor", "Raqqa", "Hasakeh"])
    func cityOverItsProvinceIsNotAmbiguous(query: String) throws {
        let resolution = try repositoryGazetteer().resolve(query)
        #expect(resolution.best.place.kind == .city)
        #expect(resolution.candidates.contains { $0.place.kind == .province }, "the province is still offered")
        #expect(!resolution.isAmbiguous)
    }

    @Test("A leading 'the' is not part of the name", arguments: [
        ("the Euphrates", "euphrates"), ("The Khabur River Valley", "khabur_river_valley"), ("the Taym oil field", "taym_oil_field"),
    ])
    func leadingThe(query: String, id: String) throws {
        #expect(try repositoryGazetteer().resolve(query).best.place.id == id)
    }
}
