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

    @Test("What proximity adds lies between proximityScoreFloor and proximityScoreBound, which are close nearby and small far away")
    func proximityBoundHolds() {
        var state: UInt64 = 99
        func unit() -> Double { state = state &* 6364136223846793005 &+ 1442695040888963407; return Double(state >> 11) / Double(1 << 53) }
        for k in 0..<4000 {
            let near = Coordinate(latitude: unit() * 180 - 90, longitude: unit() * 360 - 180)
            // Nearby points too: the term matters within a few hundred km.
            let spread = k % 2 == 0 ? 1.0 : 0.02
            let point = Coordinate(latitude: max(-90, min(90, near.latitude + (unit() - 0.5) * 180 * spread)),
                                   longitude: near.longitude + (unit() - 0.5) * 360 * spread)
            let here = Place(id: "p", name: "P", kind: .village, coordinate: point, precision: .exact)
            let gazetteer = Gazetteer(places: [here])
            let context = ResolutionContext(near: near)
            let apart = gazetteer.scoreApartFromProximity(here, context: context)
            let bound = Gazetteer.proximityScoreBound(near: near, point: point)
            let floor = Gazetteer.proximityScoreFloor(near: near, point: point)
            #expect(gazetteer.score(here, context: context) <= apart + bound, "\(near) \(point)")
            #expect(gazetteer.score(here, context: context) >= apart + floor, "\(near) \(point)")
            // A third of a percent of the distance: at most 0.005 of a score anywhere.
            #expect(bound - floor < 0.006, "\(near) \(point)")
            // The parts the reader adds up itself add up to the score.
            #expect(gazetteer.score(here, context: context) == apart + Gazetteer.proximityScore(near: near, point: point))
            #expect(apart == Gazetteer.scoreApartFromProximity(standing: gazetteer.standing(of: here), country: here.country,
                                                               province: here.province, context: context))
            #expect(bound <= Gazetteer.maximumProximityScore)
        }
        let deirEzZor = Coordinate(latitude: 35.336, longitude: 40.141)
        #expect(Gazetteer.proximityScoreBound(near: deirEzZor, point: deirEzZor) == Gazetteer.maximumProximityScore)
        #expect(Gazetteer.proximityScoreBound(near: deirEzZor, point: Coordinate(latitude: 48.85, longitude: 2.35)) < 1e-6)
        // East and west as much as north and south: Baghdad is as far as Paris is from Mosul.
        #expect(Gazetteer.proximityScoreBound(near: deirEzZor, point: Coordinate(latitude: 35.3, longitude: 44.4)) < 0.2)
        // The poles and the antimeridian.
        let pole = Coordinate(latitude: 90, longitude: 0)
        #expect(Gazetteer.proximityScoreFloor(near: pole, point: Coordinate(latitude: 90, longitude: 120)) > 3.99)
        // 22.3 km across the antimeridian: 4 e^(-22.3/75) = 2.97.
        #expect(Gazetteer.proximityScoreFloor(near: Coordinate(latitude: 0, longitude: 179.9), point: Coordinate(latitude: 0, longitude: -179.9)) > 2.96)
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
