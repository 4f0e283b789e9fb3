import Testing
import Geography
import Places

/// The reader works with place numbers (GeoNames rows checked on their bytes) and bounds
/// scores before it measures distances: both must say what `places(forKey:)` and
/// `score(_:context:)` say.
@Suite("Place numbers and score bounds agree with places and scores")
struct PlaceNumbersAndScoreBoundsAgreeWithPlaces {
    static let keys = ["al salihiyah", "dayr az zawr", "Deir ez-Zor", "mayadin", "Al Mayādīn", "abu kamal", "raqqa", "euphrates", "syria", "nowhere at all", ""]

    @Test("placeNumbers(forKey:) gives the places of places(forKey:), in order", arguments: keys)
    func numbersAreThePlaces(name: String) throws {
        let gazetteer = try repositoryGazetteer()
        let key = NameNormalizer.key(name)
        let numbers = gazetteer.placeNumbers(forKey: key)
        #expect(numbers.map { gazetteer.place(at: $0) } == gazetteer.places(forKey: key))
        #expect(numbers.isEmpty == (name == "nowhere at all" || name.isEmpty))
    }

    @Test("A score is its part apart from proximity when the context has no point")
    func noPointNoProximity() throws {
        let gazetteer = try repositoryGazetteer()
        let context = ResolutionContext(countries: ["SY": 1], provinces: ["Deir ez-Zor": 1])
        for place in gazetteer.places(forKey: NameNormalizer.key("al-Salihiyah")) {
            #expect(gazetteer.score(place, context: context) == gazetteer.scoreApartFromProximity(place, context: context))
        }
    }

    @Test("Proximity adds at most maximumProximityScore, the most next to the point", arguments: [
        Coordinate(latitude: 35.336, longitude: 40.141), Coordinate(latitude: 34.45, longitude: 40.92),
        Coordinate(latitude: -33.9, longitude: 151.2),
    ])
    func proximityIsBounded(near: Coordinate) throws {
        let gazetteer = try repositoryGazetteer()
        let context = ResolutionContext(countries: ["SY": 1, "IQ": 0.5], near: near)
        let places = gazetteer.places(forKey: NameNormalizer.key("al-Salihiyah")) + gazetteer.places(forKey: NameNormalizer.key("Raqqa"))
        #expect(!places.isEmpty)
        for place in places {
            let apart = gazetteer.scoreApartFromProximity(place, context: context)
            let whole = gazetteer.score(place, context: context)
            #expect(whole >= apart && whole <= apart + Gazetteer.maximumProximityScore, "\(place.id): \(apart) \(whole)")
        }
        let here = Place(id: "here", name: "Here", kind: .village, coordinate: near, precision: .exact)
        let alone = Gazetteer(places: [here])
        #expect(alone.score(here, context: context) == alone.scoreApartFromProximity(here, context: context) + Gazetteer.maximumProximityScore)
    }
}
