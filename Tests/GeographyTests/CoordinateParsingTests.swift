import Geography
import Testing

/// `Coordinate(parsing:)`: LAT,LON in decimal degrees, as a user types it on the
/// command line, and the sentences it gives back when the text is not that.
@Suite struct CoordinateParsingTests {
    @Test(arguments: [
        ("35.3,40.1", 35.3, 40.1),
        (" 35.3 , 40.1 ", 35.3, 40.1),
        ("\t35.3,\t40.1\t", 35.3, 40.1),
        ("35.3N,40.1E", 35.3, 40.1),
        ("35.3 N, 40.1 E", 35.3, 40.1),
        ("35.3n,40.1e", 35.3, 40.1),
        ("35.3S,40.1W", -35.3, -40.1),
        ("-33.9,151.2", -33.9, 151.2),
        ("+35.3,+40.1", 35.3, 40.1),
        ("35,40", 35, 40),
        ("35.,.5", 35, 0.5),
        ("90,180", 90, 180),
        ("-90,-180", -90, -180),
        ("90S,180W", -90, -180),
        ("35.33588,40.14084", 35.33588, 40.14084),
    ])
    func parsesDecimalDegrees(_ text: String, _ latitude: Double, _ longitude: Double) throws {
        let c = try Coordinate(parsing: text)
        #expect(c.latitude == latitude)
        #expect(c.longitude == longitude)
        #expect(c.isValid)
    }

    @Test(arguments: [
        // Latitude first: a pair written lon,lat is usually caught by the latitude range.
        ("95,40", CoordinateParseError.outOfRange("95,40", "latitude 95 is outside -90..90"), ["latitude 95", "latitude first"]),
        ("40.14,195.5W", .outOfRange("40.14,195.5W", "longitude -195.5 is outside -180..180"), ["longitude -195.5"]),
        ("-90.000001,0", .outOfRange("-90.000001,0", "latitude -90.000001 is outside -90..90"), ["latitude"]),
        ("35,180.5", .outOfRange("35,180.5", "longitude 180.5 is outside -180..180"), ["longitude 180.5"]),
        ("abc,1", .notANumber("abc,1", "abc"), ["'abc' is not a decimal number"]),
        ("35.3, abc ", .notANumber("35.3, abc ", " abc "), ["'abc' is not a decimal number"]),
        ("1", .notAPair("1"), ["not a coordinate pair", "LAT,LON"]),
        ("", .notAPair(""), ["LAT,LON"]),
        ("1,2,3", .notAPair("1,2,3"), ["LAT,LON"]),
        ("35.3 40.1", .notAPair("35.3 40.1"), ["LAT,LON"]),
        // Double(_:) would accept these; a coordinate is a plain decimal.
        ("nan,1", .notANumber("nan,1", "nan"), ["'nan'"]),
        ("inf,1", .notANumber("inf,1", "inf"), ["'inf'"]),
        ("infinity,1", .notANumber("infinity,1", "infinity"), ["'infinity'"]),
        ("0x10,1", .notANumber("0x10,1", "0x10"), ["'0x10'"]),
        ("1e1,1", .notANumber("1e1,1", "1e1"), ["'1e1'"]),
        ("٣٥,٤٠", .notANumber("٣٥,٤٠", "٣٥"), []),
        (",1", .notANumber(",1", ""), []),
        ("35,", .notANumber("35,", ""), []),
        ("N,40", .notANumber("N,40", "N"), []),
        ("--35,40", .notANumber("--35,40", "--35"), []),
        // The hemisphere letter must suit the axis: E is not a latitude.
        ("35.3E,40.1N", .notANumber("35.3E,40.1N", "35.3E"), []),
    ] as [(String, CoordinateParseError, [String])])
    func rejectsWithAMessageAUserCanActOn(_ text: String, _ expected: CoordinateParseError, _ phrases: [String]) {
        let error = #expect(throws: CoordinateParseError.self) { try Coordinate(parsing: text) }
        #expect(error == expected)
        let message = error.map(String.init(describing:)) ?? ""
        #expect(message.contains("'\(text)'"), "the message quotes what was typed: \(message)")
        for phrase in phrases {
            #expect(message.contains(phrase), "\(message)")
        }
    }

    @Test func notANumberMessageIsTheWholeSentence() {
        #expect(CoordinateParseError.notANumber("abc,1", "abc").description ==
                "'abc,1' is not a coordinate pair: 'abc' is not a decimal number (write LAT,LON, e.g. 35.336,40.141)")
        #expect(CoordinateParseError.outOfRange("95,40", "latitude 95 is outside -90..90").description ==
                "'95,40': latitude 95 is outside -90..90 (write LAT,LON: latitude first)")
    }

    @Test(arguments: [("-35.3S,40.1", true), ("35.3,-40.1W", false)])
    func aMinusSignAndASouthOrWestLetterContradictEachOther(_ text: String, _ signedIsLatitude: Bool) {
        // Regression: "-35.3S" is either a typo or means 35.3°S, but the two signs
        // multiplied and the point flipped north/east, into the wrong hemisphere. Now a
        // sign together with a hemisphere letter is refused.
        let error = #expect(throws: CoordinateParseError.self) { try Coordinate(parsing: text) }
        let message = error.map(String.init(describing:)) ?? ""
        #expect(message.contains("both a sign and a hemisphere letter"), "\(message)")
        let part = String(text.split(separator: ",")[signedIsLatitude ? 0 : 1])
        #expect(message.contains("'\(part)'"), "the message quotes the offending part: \(message)")
    }

    @Test(arguments: [
        ("35.3,40.1", true), ("-33.9,151.2", true), (" 35.3 , 40.1", true), (".5,1", true),
        ("35.3,abc", true),  // a broken pair: parsing then says what is wrong
        ("Deir ez-Zor", false), ("Raqqa, Syria", false), ("35.3", false), ("", false),
    ])
    func looksLikeACoordinatePair(_ text: String, _ expected: Bool) {
        #expect(Coordinate.looksLikeCoordinatePair(text) == expected)
    }

    @Test func descriptionIsLatLonWithFiveDecimals() {
        #expect(Coordinate(latitude: 35.33588, longitude: 40.14084).description == "35.33588,40.14084")
        #expect(Coordinate(latitude: 35.5, longitude: 40).description == "35.5,40")
        #expect(Coordinate(latitude: -0.000001, longitude: -33.123456).description == "0,-33.12346")
    }

    @Test func isValidChecksRangesAndFiniteness() {
        #expect(Coordinate(latitude: 90, longitude: -180).isValid)
        #expect(!Coordinate(latitude: 90.0000001, longitude: 0).isValid)
        #expect(!Coordinate(latitude: 0, longitude: 180.0000001).isValid)
        #expect(!Coordinate(latitude: .nan, longitude: 0).isValid)
        #expect(!Coordinate(latitude: 0, longitude: .infinity).isValid)
    }
}
