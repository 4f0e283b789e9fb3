import Testing
import Geodesy
import Geography
import Places
import Topology

/// Rivers, valleys, provinces and countries carry their line or polygon, read from the
/// GeoJSON in Gazetteer/; points stay points.
@Suite("Places that are lines and areas have shapes")
struct PlacesThatAreLinesAndAreasHaveShapes {
    @Test("The Euphrates is the whole WDBII line, about 1,591 km inside lon 34..44, lat 31..39")
    func euphratesIsALine() throws {
        let gazetteer = try repositoryGazetteer()
        let river = try gazetteer.resolve("Euphrates").best.place
        let shape = try #require(try gazetteer.shape(of: river))
        let km = Geodesic.wgs84.length(of: shape) / 1000
        // Gazetteer/rivers.geojson records length_km 1591.3 for this feature.
        #expect(abs(km - 1591.3) < 2)
    }

    @Test("The Khabur passes within 2 km of Hasakah")
    func khaburPassesHasakah() throws {
        let gazetteer = try repositoryGazetteer()
        let khabur = try #require(try gazetteer.shape(of: try gazetteer.resolve("Khabur").best.place))
        let hasakah = try gazetteer.resolve("Hasakah").best.place.coordinate
        let (onRiver, _) = try khabur.nearestPoints(to: .point(hasakah))
        #expect(Geodesic.wgs84.inverse(from: onRiver, to: hasakah).distanceMeters < 2_000)
    }

    @Test("The Khabur valley is the lower Khabur's line, from Shaddadi to the Euphrates at al-Busayrah")
    func khaburValleyIsTheLowerRiver() throws {
        let gazetteer = try repositoryGazetteer()
        let valley = try gazetteer.resolve("Khabur River Valley").best.place
        let line = try #require(try gazetteer.shape(of: valley))
        for town in ["Shaddadi", "al-Busayrah"] {
            let point = try gazetteer.resolve(town).best.place.coordinate
            let (onLine, _) = try line.nearestPoints(to: .point(point))
            #expect(Geodesic.wgs84.inverse(from: onLine, to: point).distanceMeters < 1_000, "\(town)")
        }
        // Gazetteer/valleys.geojson records length_km 134.2; Hasakah, upstream, is not on it.
        #expect(abs(Geodesic.wgs84.length(of: line) / 1000 - 134.2) < 1)
        let hasakah = try gazetteer.resolve("Hasakah").best.place.coordinate
        let (nearHasakah, _) = try line.nearestPoints(to: .point(hasakah))
        #expect(Geodesic.wgs84.inverse(from: nearHasakah, to: hasakah).distanceMeters > 40_000)
    }

    @Test("A province's polygon contains its capital", arguments: [
        ("Deir ez-Zor province", "Deir ez-Zor"), ("Raqqa province", "Raqqa"), ("Hasakah province", "Hasakah"), ("Homs province", "Homs"),
    ])
    func provinceContainsCapital(_ province: String, _ capital: String) throws {
        let gazetteer = try repositoryGazetteer()
        let area = try #require(try gazetteer.shape(of: try gazetteer.resolve(province).best.place))
        let city = try gazetteer.resolve(capital).best.place.coordinate
        #expect(try area.contains(.point(city)))
        // And its representative point lies inside it too.
        #expect(try area.contains(.point(try gazetteer.resolve(province).best.place.coordinate)))
    }

    @Test("Syria's polygon holds Deir ez-Zor and not Baghdad")
    func syriaIsAnArea() throws {
        let gazetteer = try repositoryGazetteer()
        let syria = try #require(try gazetteer.shape(of: try gazetteer.resolve("Syria").best.place))
        #expect(try syria.contains(.point(try gazetteer.resolve("Deir ez-Zor").best.place.coordinate)))
        #expect(try !syria.contains(.point(try gazetteer.resolve("Baghdad").best.place.coordinate)))
    }

    @Test("A town has no shape: it is a point")
    func townIsAPoint() throws {
        let gazetteer = try repositoryGazetteer()
        #expect(try gazetteer.shape(of: try gazetteer.resolve("Mayadin").best.place) == nil)
    }
}
