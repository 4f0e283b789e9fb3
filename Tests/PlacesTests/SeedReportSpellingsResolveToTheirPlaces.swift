import Testing
import Places

/// Every spelling the five seed reports use resolves to the place it means. The ids are
/// those of Gazetteer/places.tsv and Gazetteer/geonames.tsv.
@Suite("Seed report spellings resolve to their places")
struct SeedReportSpellingsResolveToTheirPlaces {
    static let spellings: [(spelling: String, id: String)] = [
        // Deir ez-Zor city (GeoNames 170794)
        ("Deir ez-Zor", "geonames:170794"), ("Deir el-Zour", "geonames:170794"), ("Deir Az Zor", "geonames:170794"),
        ("Deir al-Zor", "geonames:170794"), ("Dayr Az Zawr", "geonames:170794"), ("Deir Ezzor", "geonames:170794"),
        ("Deir Ez-zor", "geonames:170794"),
        // Abu Kamal (GeoNames 174448, "Ālbū Kamāl")
        ("Abu Kamal", "geonames:174448"), ("Albukamal", "geonames:174448"), ("Albu Kamal", "geonames:174448"),
        // Hasakah city (GeoNames 173811, "Al Ḩasakah")
        ("Hasakeh", "geonames:173811"), ("Hasaka", "geonames:173811"), ("Hassakeh", "geonames:173811"),
        // Raqqa city (GeoNames 172955, "Ar Raqqah")
        ("Raqqa", "geonames:172955"), ("Raqqah", "geonames:172955"),
        // Mayadin (GeoNames 173480, "Al Mayādīn")
        ("al-Mayadeen", "geonames:173480"),
        // Curated places that GeoNames cities500 lacks
        ("Tanf", "al_tanf_garrison"),
        ("Taym oil field", "taym_oil_field"),
        ("Abou Khashab", "abu_khashab"),
        ("Uqayribat", "geonames:162803"),
        ("113th Brigade Base", "brigade_113_base"),
        ("Liwaa Tameen Base", "liwaa_tameen_base"),
        ("17th Hills", "hills_17"),
        ("Khabur River Valley", "khabur_river_valley"),
        ("Middle Euphrates River Valley", "middle_euphrates_river_valley"),
        ("Euphrates", "euphrates"),
        ("Homs", "geonames:169577"),
        ("Abu Fas", "abu_fas"),
        // Provinces (OCHA governorates)
        ("Deir ez-Zor province", "deir_ez_zor_province"), ("Deir el-Zour province", "deir_ez_zor_province"),
        ("Hasakeh province", "hasakah_province"), ("Raqqa province", "raqqa_province"),
        // Capitals and countries (mostly metonymy for governments in the reports)
        ("Damascus", "geonames:170654"), ("Baghdad", "geonames:98182"), ("Tehran", "tehran"), ("Beirut", "beirut"),
        ("Moscow", "moscow"), ("Washington", "washington_dc"),
        ("Germany", "germany"), ("Iran", "iran"), ("Iraq", "iraq"), ("Syria", "syria"), ("Russia", "russia"),
        ("Turkey", "turkey"), ("Jordan", "jordan"), ("Lebanon", "lebanon"), ("United States", "united_states"),
    ]

    @Test("A seed spelling resolves to the place it means", arguments: spellings)
    func seedSpellingResolves(spelling: String, id: String) throws {
        let gazetteer = try repositoryGazetteer()
        let resolution = try gazetteer.resolve(spelling)
        #expect(resolution.best.place.id == id,
                "'\(spelling)' resolved to \(resolution.best.place.id) (\(resolution.best.place.name)); candidates: \(resolution.candidates.map(\.place.id))")
    }

    @Test("The resolved place is the one place(id:) returns", arguments: spellings)
    func resolvedPlaceIsTheGazetteerEntry(spelling: String, id: String) throws {
        let gazetteer = try repositoryGazetteer()
        let place = try #require(gazetteer.place(id: id), "\(id) is not in the gazetteer")
        let best = try gazetteer.resolve(spelling).best
        #expect(best.place == place)
    }

    @Test("A spelling listed in the data matches without the spelling rules", arguments: [
        "Deir el-Zour", "Deir Az Zor", "Deir Ezzor", "Albukamal", "Hassakeh", "Raqqah", "al-Mayadeen", "Abou Khashab",
    ])
    func listedSpellingMatchesExactly(spelling: String) throws {
        let best = try repositoryGazetteer().resolve(spelling).best
        #expect(best.matchedName == spelling)
        #expect(best.rules.isEmpty)
    }

    @Test("Province spellings resolve to provinces, the bare names to cities", arguments: [
        ("Deir ez-Zor province", PlaceKind.province), ("Deir el-Zour province", .province),
        ("Hasakeh province", .province), ("Raqqa province", .province),
        ("Deir ez-Zor", .city), ("Hasakeh", .city), ("Raqqa", .city),
    ])
    func provinceQualifierSelectsTheProvince(spelling: String, kind: PlaceKind) throws {
        let best = try repositoryGazetteer().resolve(spelling).best
        #expect(best.place.kind == kind, "'\(spelling)' → \(best.place.id)")
    }

    @Test("Resolution is the same with or without the region context for unique names", arguments: [
        "Albukamal", "Hassakeh", "Taym oil field", "113th Brigade Base", "Liwaa Tameen Base", "Uqayribat",
    ])
    func uniqueNamesDoNotDependOnContext(spelling: String) throws {
        let gazetteer = try repositoryGazetteer()
        let withRegion = try gazetteer.resolve(spelling)
        let withoutContext = try gazetteer.resolve(spelling, context: ResolutionContext())
        #expect(withRegion.best.place.id == withoutContext.best.place.id)
    }
}
