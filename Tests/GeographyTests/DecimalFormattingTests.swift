import Geography
import Testing

/// `formatDecimal`: the one number formatter behind every diffed output.
@Suite struct DecimalFormattingTests {
    @Test(arguments: [
        (35.5, 6, "35.5"),
        (40, 6, "40"),
        (-0.000001, 6, "-0.000001"),
        (0.000001, 6, "0.000001"),
        (123.4560, 3, "123.456"),
        (0.1 + 0.2, 6, "0.3"),  // 0.30000000000000004 rounds, not prints its binary tail
        (35.123456789, 6, "35.123457"),
        (40.987654321, 6, "40.987654"),
        (1.10, 2, "1.1"),  // no trailing zero
        (100, 0, "100"),
        (0.05, 6, "0.05"),  // zeros between the point and the digits are kept
        (-12.0001, 4, "-12.0001"),
        // Half away from zero, on exactly representable halves.
        (0.5, 0, "1"), (1.5, 0, "2"), (2.5, 0, "3"), (-2.5, 0, "-3"),
        (0.125, 2, "0.13"), (-0.125, 2, "-0.13"), (1.375, 2, "1.38"),
        (0.0000004, 6, "0"),
        // Negative zero, and negatives that round to zero, print "0" (not "-0").
        (-0.0, 3, "0"), (-0.0000004, 6, "0"), (-0.4, 0, "0"),
        (180, 6, "180"), (-179.9999999, 6, "-180"),
        (.nan, 6, "NaN"), (.infinity, 6, "Infinity"), (-.infinity, 6, "-Infinity"),
    ] as [(Double, Int, String)])
    func formatsFixedDecimalsWithoutTrailingZeros(_ value: Double, _ decimals: Int, _ expected: String) {
        #expect(formatDecimal(value, decimals: decimals) == expected)
        #expect(formatDegrees(value, decimals: decimals) == expected)
    }

    @Test func sameValueSameText() {
        // Deterministic: no locale, no state. Formatting many values twice gives the same text.
        let values = (0..<2_000).map { Double($0) * 0.017453292519943295 - 17.4 }
        let once = values.map { formatDecimal($0, decimals: 6) }
        let twice = values.map { formatDecimal($0, decimals: 6) }
        #expect(once == twice)
        // And every text reads back within half a unit of the last place.
        for (v, t) in zip(values, once) {
            #expect(abs((Double(t) ?? .nan) - v) <= 0.5e-6 + 1e-12, "\(v) → \(t)")
            #expect(!t.hasSuffix("0") || !t.contains("."), "trailing zero in \(t)")
        }
    }

    @Test(arguments: [(1e10, 6, "10000000000"), (12_345_678_901, 6, "12345678901"), (1e16, 0, "10000000000000000")] as [(Double, Int, String)])
    func largeValuesStayPlainDecimals(_ value: Double, _ decimals: Int, _ expected: String) {
        // Regression: past 9e15 scaled units the code fell back to Swift's description,
        // which adds ".0" ("10000000000.0") or an exponent ("1e+16"): both break the
        // promise of "no exponent or trailing zeros". Projected metres at 6 decimals
        // reached it at 9e9 m.
        #expect(formatDecimal(value, decimals: decimals) == expected)
    }

    @Test func manyDecimalsDoNotTrap() async {
        // Regression: 10^20 does not fit in UInt64, and `UInt64(scale)` trapped for
        // decimals >= 20 when the scaled value was small (0 here).
        await #expect(processExitsWith: .success) {
            _ = formatDecimal(0, decimals: 20)
        }
        #expect(formatDecimal(0, decimals: 20) == "0")
        #expect(formatDecimal(1.5, decimals: 40) == "1.5")
    }
}
