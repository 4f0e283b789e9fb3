import Foundation
import Testing

/// The built `conflictmap` run as a user runs it: data on stdout, one line per error on
/// stderr, the documented exit codes, and never a trap.
@Suite("The binary runs end to end", .serialized)
struct BinaryRunsEndToEnd {
    // MARK: - locate

    @Test("locate finds a report spelling and prints JSON")
    func locateJSON() throws {
        let run = try conflictmap(["locate", "Deir el-Zour", "--json"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.isEmpty, "\(run)")
        let object = try jsonObject(run.stdout)
        #expect(object["id"] as? String == "geonames:170794")
        #expect(object["name"] as? String == "Deir ez-Zor")
        #expect(object["kind"] as? String == "city")
        // GeoNames 170794: 35.33588, 40.14084.
        #expect(abs((double(object["lat"]) ?? .nan) - 35.33588) < 1e-6)
        #expect(abs((double(object["lon"]) ?? .nan) - 40.14084) < 1e-6)
        #expect(object["matched_name"] as? String == "Deir el-Zour")
        #expect((object["rules"] as? [Any])?.isEmpty == true)
        #expect(object["bank"] as? String == "west")
    }

    @Test("locate --geojson prints a river as a line Feature that GIS tools recognise")
    func locateGeoJSONRiver() throws {
        let run = try conflictmap(["locate", "Euphrates", "--geojson"])
        #expect(run.status == 0, "\(run)")
        // GDAL sniffs for "type" near the start of a file: it comes first.
        #expect(run.stdout.hasPrefix(#"{"type":"Feature""#))
        let object = try jsonObject(run.stdout)
        let geometry = try #require(object["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "MultiLineString")
        #expect((object["properties"] as? [String: Any])?["kind"] as? String == "river")
        #expect((object["bbox"] as? [Any])?.count == 4)
    }

    @Test("locate --geojson prints a town as a Point Feature")
    func locateGeoJSONTown() throws {
        let run = try conflictmap(["locate", "al-Mayadeen", "--geojson"])
        #expect(run.status == 0, "\(run)")
        let object = try jsonObject(run.stdout)
        let geometry = try #require(object["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "Point")
        // GeoNames 173480: 35.01982, 40.45154, written [lon, lat].
        #expect(geometry["coordinates"] as? [Double] == [40.45154, 35.01982])
    }

    @Test("locate names the rules that matched an unlisted spelling")
    func locateExplainsRules() throws {
        // The match is explained against the place's name that needs the fewest rules:
        // the curated alias "Deir el-Zour", which differs from "Dair el-Zoor" by
        // vowels alone (against "Deir ez-Zor" it would take the article rule as well).
        let run = try conflictmap(["locate", "Dair", "el-Zoor"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("[geonames:170794]"))
        #expect(run.stdout.contains("'Deir el-Zour' by rules: vowels\n"), "\(run)")
    }

    // MARK: - distance

    /// geographiclib 2.1, `Geodesic.WGS84.Inverse(35.33588, 40.14084, 35.95283, 39.00788)`
    /// (GeoNames points of Deir ez-Zor and Raqqa): s12 = 123344.3385776556 m,
    /// azi1 = -55.9628551784659° (a bearing of 304.0371448215341°, NW).
    static let deirToRaqqaMetres = 123_344.3385776556
    static let deirToRaqqaBearing = 304.0371448215341

    @Test("distance between two names matches geographiclib within 1 m, heading NW")
    func distanceJSON() throws {
        let run = try conflictmap(["distance", "Deir ez-Zor", "Raqqa", "--json"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.isEmpty, "\(run)")
        let object = try jsonObject(run.stdout)
        let metres = try #require(double(object["distance_m"]))
        #expect(abs(metres - Self.deirToRaqqaMetres) < 1.0, "distance_m \(metres)")
        #expect(abs((double(object["distance"]) ?? .nan) - Self.deirToRaqqaMetres / 1000) < 0.001)
        #expect(object["units"] as? String == "km")
        #expect(abs((double(object["azimuth_deg"]) ?? .nan) - Self.deirToRaqqaBearing) < 1e-5)
        #expect(object["compass"] as? String == "NW")
        let from = try #require(object["from"] as? [String: Any])
        let to = try #require(object["to"] as? [String: Any])
        #expect(from["id"] as? String == "geonames:170794")
        #expect(to["id"] as? String == "geonames:172955")
    }

    @Test("distance between coordinates prints km and a compass point")
    func distanceHuman() throws {
        // geographiclib 2.1: 35.336,40.141 → 33.50583,38.61778 is 246616.96 m, azi1 -144.97° (bearing 215.03°, SW).
        let run = try conflictmap(["distance", "35.336,40.141", "33.50583,38.61778", "--units", "km"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.isEmpty, "\(run)")
        #expect(run.stdout.contains("246.6 km"), "\(run.stdout)")
        let points = ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"]
        #expect(points.contains { run.stdout.contains("(\($0),") }, "no compass point in \(run.stdout)")
        #expect(run.stdout.contains("bearing 215.0° (SW,"), "\(run.stdout)")
    }

    @Test("distance in other units", arguments: [("mi", 76.64), ("nmi", 66.60), ("m", 123_344.3)])
    func distanceUnits(units: String, expected: Double) throws {
        let run = try conflictmap(["distance", "Deir ez-Zor", "Raqqa", "--units", units, "--json"])
        #expect(run.status == 0, "\(run)")
        let object = try jsonObject(run.stdout)
        #expect(object["units"] as? String == units)
        #expect(abs((double(object["distance"]) ?? .nan) - expected) < 0.1)
    }

    @Test("distance --table gives every pair")
    func distanceTable() throws {
        let run = try conflictmap(["distance", "--table", "Raqqa", "Deir ez-Zor", "Mayadin", "Abu Kamal"])
        #expect(run.status == 0, "\(run)")
        for name in ["Raqqa", "Deir ez-Zor", "Mayadin", "Abu Kamal"] { #expect(run.stdout.contains(name)) }
        #expect(run.stdout.contains("123.3"), "Deir ez-Zor–Raqqa in km")
    }

    @Test("Coordinates alone do not need the gazetteer")
    func coordinatesNeedNoGazetteer() throws {
        let run = try conflictmap(["distance", "35.336,40.141", "35.95283,39.00788", "--gazetteer", "/nonexistent/gazetteer"])
        #expect(run.status == 0, "\(run)")
    }

    // MARK: - errors

    /// Every failure: the exit code, nothing on stdout, exactly one line on stderr
    /// saying `mentions`, and no trap.
    static let failures: [(arguments: [String], status: Int32?, mentions: String)] = [
        (["locate", "Deir ez-Zorx"], 1, "did you mean"),
        (["distance", "Deir ez-Zorx", "Raqqa"], 1, "did you mean"),
        (["locate", "Xyzzyville"], 1, "Xyzzyville"),
        (["distance", "95,40", "Raqqa"], 1, "latitude"),
        (["distance", "35.3,abc", "Raqqa"], 1, "35.3,abc"),
        (["distance", "Raqqa"], nil, "two places"),
        (["distance"], nil, "distance"),
        (["distance", "--table", "Raqqa"], nil, "at least two"),
        (["distance", "Raqqa", "Hasakeh", "--units", "furlongs"], nil, "furlongs"),
        (["locate"], nil, "<name>"),
        (["locate", "  "], nil, "place name"),
        (["locate", "Raqqa", "--gazetteer", "/nonexistent/gazetteer"], 2, "/nonexistent/gazetteer"),
        (["distance", "Raqqa", "Hasakeh", "--gazetteer", "/nonexistent/gazetteer"], 2, "/nonexistent/gazetteer"),
        (["teleport"], nil, "teleport"),
    ]

    @Test("A failure is one line on stderr, nothing on stdout, and the documented exit code", arguments: failures)
    func failure(arguments: [String], status: Int32?, mentions: String) throws {
        let run = try conflictmap(arguments)
        if let status {
            #expect(run.status == status, "\(run)")
        } else {
            #expect(run.status != 0, "\(run)")
            #expect(run.status == 64, "usage errors exit 64: \(run)")
        }
        #expect(run.stdout.isEmpty, "\(run)")
        #expect(run.stderrLines.count == 1, "\(run)")
        #expect(run.stderr.hasSuffix("\n"))
        #expect(run.stderr.hasPrefix("conflictmap: "), "\(run)")
        #expect(run.stderr.localizedCaseInsensitiveContains(mentions), "\(run)")
        #expect(!run.looksLikeACrash, "\(run)")
        #expect(!run.timedOut)
    }

    @Test("A broken gazetteer file is exit 2 with the file and line")
    func brokenGazetteerFile() throws {
        try withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("SY.txt")
            try Data((GeoNamesDump.text + GeoNamesDump.row(id: "99000009", name: "Broken", lat: "95") + "\n").utf8).write(to: file)
            let run = try conflictmap(["locate", "Raqqa", "--gazetteer", file.path])
            #expect(run.status == 2, "\(run)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderrLines.count == 1, "\(run)")
            #expect(run.stderr.contains("\(file.path):4:"), "\(run)")
            #expect(!run.looksLikeACrash)
        }
    }

    // MARK: - check

    @Test("check measures an area claim only against a change of control the reports give")
    func areaClaimsNeedAChangeOfControl() throws {
        try withTemporaryDirectory { dir in
            let quiet = dir.appendingPathComponent("quiet.txt")
            try Data("date 2017-09-18\n\nSyrian troops crossed the Euphrates and now control some 16 km² on the eastern bank.\n".utf8).write(to: quiet)
            let run = try conflictmap(["check", quiet.path, "--json"])
            #expect(run.status == 0, "\(run)")
            let claims = try #require(try jsonObject(run.stdout)["claims"] as? [[String: Any]])
            let area = try #require(claims.first { $0["kind"] as? String == "area" }, "no area claim")
            #expect(area["verdict"] as? String == "unverifiable", "\(area)")
            // With a capture in the week before, the model's growth is a measure.
            let busy = dir.appendingPathComponent("busy.txt")
            try Data("date 2017-09-11\n\nThe SDF captured Abu Khashab on Saturday, capturing roughly 250 km2 since launching its offensive.\n".utf8).write(to: busy)
            let measured = try conflictmap(["check", busy.path, "--json"])
            let busyClaims = try #require(try jsonObject(measured.stdout)["claims"] as? [[String: Any]])
            let busyArea = try #require(busyClaims.first { $0["kind"] as? String == "area" }, "no area claim")
            #expect(busyArea["verdict"] as? String != "unverifiable", "\(busyArea)")
        }
    }

    // MARK: - other gazetteers

    @Test("CONFLICTMAP_GAZETTEER pointing at a GeoNames dump is used")
    func environmentGazetteer() throws {
        try withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("SY.txt")
            try Data(GeoNamesDump.text.utf8).write(to: file)
            let run = try conflictmap(["locate", "Tell Testiyeh", "--json"], environment: ["CONFLICTMAP_GAZETTEER": file.path])
            #expect(run.status == 0, "\(run)")
            #expect(run.stderr.isEmpty, "\(run)")
            let object = try jsonObject(run.stdout)
            #expect(object["id"] as? String == "geonames:99000001")
            #expect(object["name"] as? String == "Tall Testiyah")
            // Without the variable the bundled gazetteer does not know the name.
            let bundled = try conflictmap(["locate", "Tell Testiyeh"])
            #expect(bundled.status == 1, "\(bundled)")
        }
    }

    @Test("--gazetteer wins over CONFLICTMAP_GAZETTEER")
    func optionWinsOverEnvironment() throws {
        try withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("SY.txt")
            try Data(GeoNamesDump.text.utf8).write(to: file)
            let run = try conflictmap(["locate", "Tell Testiyeh", "--gazetteer", file.path],
                                      environment: ["CONFLICTMAP_GAZETTEER": "/nonexistent/gazetteer"])
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.contains("geonames:99000001"))
        }
    }

    // MARK: - help

    @Test("--help and --version print to stdout and exit 0", arguments: [
        (["--help"], "Exit codes"), (["distance", "--help"], "geodesic"), (["locate", "--help"], "diacritics"), (["--version"], "0.1.0"),
    ])
    func helpAndVersion(arguments: [String], mentions: String) throws {
        let run = try conflictmap(arguments)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains(mentions), "\(run)")
        #expect(run.stderr.isEmpty, "\(run)")
    }
}

/// A three-row GeoNames dump (19 columns, no header) with names not in the repository.
enum GeoNamesDump {
    static func row(id: String, name: String, alternates: String = "", lat: String, lon: String = "40.72") -> String {
        [id, name, name, alternates, lat, lon, "P", "PPL", "SY", "", "07", "", "", "", "1500", "", "250", "Asia/Damascus", "2024-01-01"]
            .joined(separator: "\t")
    }

    static let text = [
        row(id: "99000001", name: "Tall Testiyah", alternates: "Tell Testiyeh,Tall at-Testiyah", lat: "35.61"),
        row(id: "99000002", name: "Qaryat Fakiyah", lat: "35.2", lon: "40.4"),
        row(id: "99000003", name: "Jabal Testa", lat: "35.05", lon: "39.9"),
    ].joined(separator: "\n") + "\n"
}
