import Geography
import Testing

/// `JSONValue`: the RFC 8259 parser (errors with line and column) and the
/// deterministic writer ("type" first, other keys sorted; HTML-safe escapes) behind every GeoJSON file.
@Suite struct JSONTests {
    // MARK: Writing

    @Test func objectsAreWrittenWithSortedKeys() {
        let value: JSONValue = ["b": 1, "a": [true, false, nil], "c": "x"]
        #expect(value.serialized() == #"{"a":[true,false,null],"b":1,"c":"x"}"#)
        // Unicode scalar order, which is also UTF-8 byte order: digits, capitals, '_', lower case, then é.
        let mixed: JSONValue = ["é": 1, "e": 2, "b": 3, "a": 4, "_": 5, "B": 6, "1": 7]
        #expect(mixed.serialized() == #"{"1":7,"B":6,"_":5,"a":4,"b":3,"e":2,"é":1}"#)
    }

    @Test func outputDoesNotDependOnInsertionOrder() {
        // Dictionaries built in opposite orders (and so, often, laid out differently in
        // memory) serialise to the same bytes.
        let keys = (0..<200).map { "key\($0)" }
        let forward = JSONValue.object(Dictionary(uniqueKeysWithValues: keys.map { ($0, JSONValue.number(Double($0.count))) }))
        let backward = JSONValue.object(Dictionary(uniqueKeysWithValues: keys.reversed().map { ($0, JSONValue.number(Double($0.count))) }))
        #expect(forward.serialized() == backward.serialized())
        #expect(forward.serialized().hasPrefix(#"{"key0":4,"key1":4,"key10":5,"#))
    }

    @Test func prettyOutputIndentsByTwoSpaces() {
        let value: JSONValue = ["b": [:], "a": [1, 2], "c": []]
        #expect(value.serialized(pretty: true) == """
            {
              "a": [
                1,
                2
              ],
              "b": {},
              "c": []
            }
            """)
    }

    @Test func stringsEscapeHTMLSensitiveAndControlCharacters() throws {
        let text = "<b>&\u{2028}\u{2029}\"\\/\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F}é😀"
        let written = JSONValue.string(text).serialized()
        #expect(written == #""\u003cb\u003e\u0026\u2028\u2029\"\\/\n\r\t\u0008\u000c\u0001\u001f"# + "\u{7F}é😀\"")
        // Nothing dangerous survives raw: no '<', '>', '&', U+2028/9 or C0 control.
        #expect(!written.unicodeScalars.contains { "<>&\u{2028}\u{2029}".unicodeScalars.contains($0) || $0.value < 0x20 })
        #expect(try JSONValue.parse(written) == .string(text))
        // Keys are escaped the same way.
        #expect(JSONValue.object(["</script>": 1]).serialized() == #"{"\u003c/script\u003e":1}"#)
    }

    @Test(arguments: [
        (JSONValue.number(1), "1"), (.number(-0.0), "0"), (.number(1.5), "1.5"), (.number(0.1), "0.1"),
        (.number(-42), "-42"), (.number(123456.789), "123456.789"),
        // Non-integers are written in Swift's shortest round-trip form, which is valid
        // JSON (RFC 8259 §6 allows an exponent): "-1e-09", not a rounded "-0.000000001".
        (.number(-0.000000001), "-1e-09"), (.number(1e-10), "1e-10"),
        (.number(.nan), "null"), (.number(.infinity), "null"), (.number(-.infinity), "null"),
        (.fixed(35.1234567, decimals: 6), "35.123457"), (.fixed(40, decimals: 6), "40"),
        (.fixed(-0.0000001, decimals: 6), "0"), (.fixed(.nan, decimals: 6), "null"),
        (.bool(true), "true"), (.null, "null"), (.array([]), "[]"), (.object([:]), "{}"),
    ])
    func scalarsAreWrittenAsValidJSON(_ value: JSONValue, _ expected: String) {
        #expect(value.serialized() == expected)
    }

    @Test(arguments: [1e20, 1e15, 9_007_199_254_740_992, -123456.789, 0.001, 35.123456789, 1e-9])
    func numbersReadBackToTheSameValue(_ x: Double) throws {
        let text = JSONValue.number(x).serialized()
        #expect(try JSONValue.parse(text).doubleValue == x, "\(x) written as \(text)")
    }

    @Test(arguments: [1e-10, 1.5e-9, 0.1234567891234, 6.02214076e-24, 40.14084123456789])
    func unfixedNumbersKeepTheirPrecision(_ x: Double) throws {
        // Regression: `.number` was written through formatDecimal(_, decimals: 9), so
        // 1e-10 came out as 0. `.fixed` is the way to ask for few decimals; `.number`
        // round-trips.
        let text = JSONValue.number(x).serialized()
        let back = try JSONValue.parse(text)
        #expect(back.doubleValue == x, "\(x) written as \(text)")
    }

    // MARK: Reading

    @Test func parsingThenWritingGivesCanonicalText() throws {
        let text = " \t\r\n{ \"z\" : [ 1 , -2.5 , 1e3 , true , null ] , \"a\" : { \"y\" : \"\\u00e9\\n\" , \"x\" : [ ] } }\n"
        let value = try JSONValue.parse(text)
        let canonical = #"{"a":{"x":[],"y":"é\n"},"z":[1,-2.5,1000,true,null]}"#
        #expect(value.serialized() == canonical)
        #expect(try JSONValue.parse(canonical) == value)
        #expect(try JSONValue.parse(value.serialized(pretty: true)) == value)
    }

    @Test func accessorsAndLiterals() throws {
        let value = try JSONValue.parse(#"{"name":"Raqqa","pop":531952,"alt":[245.5],"ok":true,"none":null}"#)
        #expect(value == ["name": "Raqqa", "pop": 531952, "alt": [245.5], "ok": true, "none": nil])
        #expect(value["name"]?.stringValue == "Raqqa")
        #expect(value["pop"]?.doubleValue == 531952)
        #expect(value["alt"]?.arrayValue == [.number(245.5)])
        #expect(value["missing"] == nil)
        #expect(value["name"]?["x"] == nil)
        #expect(value.objectValue?.count == 5)
        #expect(JSONValue.string("1").doubleValue == nil)
    }

    @Test(arguments: [
        ("0", 0.0), ("-0", -0.0), ("7", 7), ("-1.25", -1.25), ("1.5e3", 1500), ("1E-2", 0.01), ("2e+2", 200),
        ("123456789012", 123456789012), ("35.33588", 35.33588),
    ])
    func parsesNumbers(_ text: String, _ expected: Double) throws {
        let value = try JSONValue.parse(text)
        #expect(value == .number(expected))
        #expect(value.doubleValue?.sign == expected.sign)
    }

    @Test(arguments: [
        (#""\ud83d\ude00""#, "😀"), (#""\u00e9\u00E9""#, "éé"), (#""\/\b\f""#, "/\u{08}\u{0C}"),
        (#""\u0000""#, "\u{0}"), (#""a\"b\\c""#, "a\"b\\c"), ("\"\u{2028}\"", "\u{2028}"),
    ])
    func parsesEscapes(_ text: String, _ expected: String) throws {
        #expect(try JSONValue.parse(text) == .string(expected))
    }

    @Test func aByteOrderMarkIsTolerated() throws {
        #expect(try JSONValue.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8)) == ["a": 1])
        #expect(try JSONValue.parse("\u{FEFF}[1]") == [1])
        // Only one, and only at the start.
        #expect(throws: JSONParseError.self) { try JSONValue.parse("\u{FEFF}\u{FEFF}[1]") }
        #expect(throws: JSONParseError.self) { try JSONValue.parse("[1,\u{FEFF}2]") }
        let empty = #expect(throws: JSONParseError.self) { try JSONValue.parse("\u{FEFF}") }
        #expect(empty?.message == "empty document")
    }

    struct BadJSON: Sendable, CustomTestStringConvertible {
        var text: String
        /// The whole message, or (with `exact: false`) the key phrase it must contain.
        var message: String
        var line: Int
        var column: Int
        var exact = true
        var testDescription: String { text.count > 40 ? String(text.prefix(40)) + "…" : text }
    }

    @Test(arguments: [
        BadJSON(text: #"{"a": [1, 2"#, message: "unexpected end of input inside an array (truncated JSON?)", line: 1, column: 12),
        BadJSON(text: #"{"a": 1"#, message: "unexpected end of input inside an object (truncated JSON?)", line: 1, column: 8),
        BadJSON(text: "[\n1,\n2,\n", message: "unexpected end of input (truncated JSON?)", line: 4, column: 1),
        BadJSON(text: "{\n  \"a\": tru\n}", message: "invalid literal", line: 2, column: 8),
        BadJSON(text: "tru", message: "unexpected end of input", line: 1, column: 1),
        BadJSON(text: #""abc"#, message: "unterminated string (truncated JSON?)", line: 1, column: 5),
        BadJSON(text: #"["a\"#, message: "unterminated string (truncated JSON?)", line: 1, column: 5),
        BadJSON(text: "", message: "empty document", line: 1, column: 1),
        BadJSON(text: "  \n ", message: "empty document", line: 2, column: 2),
        BadJSON(text: "[1,]", message: "unexpected character ']'", line: 1, column: 4),
        BadJSON(text: #"{"a" 1}"#, message: "expected ':' after a key", line: 1, column: 6),
        BadJSON(text: #"{"a":1,}"#, message: "expected a quoted key", line: 1, column: 8),
        BadJSON(text: "{1:2}", message: "expected a quoted key", line: 1, column: 2),
        BadJSON(text: "[1 2]", message: "expected ',' or ']' in an array", line: 1, column: 4),
        BadJSON(text: #"{"a":1 "b":2}"#, message: "expected ',' or '}' in an object", line: 1, column: 8),
        BadJSON(text: #"{"a":1}x"#, message: "unexpected text after the JSON value", line: 1, column: 8),
        BadJSON(text: "[\"é\", x]", message: "unexpected character 'x'", line: 1, column: 7),  // columns count characters, not bytes
        BadJSON(text: "\"a\u{01}b\"", message: "control character inside a string", line: 1, column: 3),
        BadJSON(text: "\"a\\n\u{0A}\"", message: "control character inside a string", line: 1, column: 5),
        // Escapes.
        BadJSON(text: #"["a\x"]"#, message: #"invalid escape '\x'"#, line: 1, column: 6),
        BadJSON(text: #""\u12""#, message: #"truncated \u escape"#, line: 1, column: 4),
        BadJSON(text: #""\u12G4""#, message: #"invalid \u escape"#, line: 1, column: 6),
        BadJSON(text: #""\ud800""#, message: #"lone surrogate in \u escape"#, line: 1, column: 8),
        BadJSON(text: #""\udc00""#, message: #"lone surrogate in \u escape"#, line: 1, column: 8),
        BadJSON(text: #""x\ud800y""#, message: #"lone surrogate in \u escape"#, line: 1, column: 9),
        BadJSON(text: #""\ud800\u0041""#, message: "invalid surrogate pair", line: 1, column: 14),
        // Numbers.
        // The column is where scanning stopped: the character that broke the grammar, or
        // one past the end when the input ran out.
        BadJSON(text: "-", message: "invalid number: a digit must follow '-'", line: 1, column: 2, exact: false),
        BadJSON(text: "--1", message: "invalid number: a digit must follow '-'", line: 1, column: 2, exact: false),
        BadJSON(text: "1e", message: "invalid number: a digit must follow the exponent", line: 1, column: 3, exact: false),
        BadJSON(text: "[1e+]", message: "invalid number: a digit must follow the exponent", line: 1, column: 5, exact: false),
        BadJSON(text: "[1.]", message: "invalid number: a digit must follow '.'", line: 1, column: 4, exact: false),
        BadJSON(text: "[01]", message: "invalid number: no leading zeros", line: 1, column: 3, exact: false),
        // "1.2" is a whole number; the second '.' is then out of place in the array.
        BadJSON(text: "[1.2.3]", message: "expected ',' or ']' in an array", line: 1, column: 5),
        BadJSON(text: "+1", message: "unexpected character '+'", line: 1, column: 1),
        BadJSON(text: ".5", message: "unexpected character '.'", line: 1, column: 1),
        BadJSON(text: "NaN", message: "unexpected character 'N'", line: 1, column: 1),
        BadJSON(text: "nul", message: "unexpected end of input", line: 1, column: 1),
    ])
    func errorsSayWhatAndWhere(_ bad: BadJSON) {
        let error = #expect(throws: JSONParseError.self) { try JSONValue.parse(bad.text) }
        if bad.exact {
            #expect(error?.message == bad.message)
            #expect(error?.description == "line \(bad.line), column \(bad.column): \(bad.message)")
        } else {
            #expect(error?.message.contains(bad.message) == true, "\(error?.message ?? "no error")")
            #expect(error?.description.hasPrefix("line \(bad.line), column \(bad.column): ") == true)
        }
        #expect(error?.line == bad.line)
        #expect(error?.column == bad.column)
    }

    @Test(arguments: [[0x22, 0xFF, 0x22], [0x22, 0x5C, 0x6E, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22]] as [[UInt8]])
    func invalidUTF8InAStringIsAnError(_ bytes: [UInt8]) {
        // A lone 0xFF; a truncated two-byte sequence after an escape; an encoded surrogate.
        let error = #expect(throws: JSONParseError.self) { try JSONValue.parse(bytes) }
        #expect(error?.message == "invalid UTF-8 in a string")
    }

    @Test(arguments: [
        ("01", "no leading zeros"), ("-01", "no leading zeros"), ("00", "no leading zeros"),
        ("1.", "a digit must follow '.'"), ("1.e5", "a digit must follow '.'"), ("-.5", "a digit must follow '-'"),
    ])
    func numbersOutsideTheRFCGrammarAreRefused(_ text: String, _ reason: String) {
        // Regression: the parser handed the span to Double(_:), which is more lenient, and
        // accepted all of these. RFC 8259 §6: no leading zeros, digits on both sides of '.'.
        let error = #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
        #expect(error?.message.hasPrefix("invalid number") == true, "\(error?.message ?? "no error")")
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "no error")")
    }

    // MARK: Depth

    @Test func nestingUpToTheLimitParses() throws {
        let depth = JSONValue.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try JSONValue.parse(text)
        var levels = 1
        while case .array(let items) = value, let inner = items.first { value = inner; levels += 1 }
        #expect(levels == depth)
    }

    @Test func nestingPastTheLimitThrows() {
        let depth = JSONValue.maximumDepth + 1
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
        #expect(error?.message == "nesting deeper than \(JSONValue.maximumDepth) levels")
        #expect(error?.column == depth)  // at the bracket that went one too deep
    }

    @Test(arguments: [("[", ""), (#"{"a":"#, ""), ("[", "]"), (#"{"a":["#, "]}")])
    func hostileNestingThrowsInsteadOfCrashing(_ open: String, _ close: String) {
        // 100,000 levels would overflow the stack of a naive recursive parser.
        let n = 100_000
        let text = String(repeating: open, count: n) + String(repeating: close, count: n)
        let error = #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
        #expect(error?.message.hasPrefix("nesting deeper than") == true)
    }
}
