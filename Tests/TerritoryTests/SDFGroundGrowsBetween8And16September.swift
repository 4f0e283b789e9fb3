import Territory
import Testing

/// The reports have the SDF advancing from 9 Sept (Jazeera Storm) and nobody taking
/// ground from it by the 16th: its area never shrinks over those days and grows overall.
@Suite("The SDF's ground grows between 8 and 16 September")
struct SDFGroundGrowsBetween8And16September {
    @Test("The SDF's area never shrinks and grows from the 8th to the 16th", arguments: ZoneRule.allCases)
    func sdfAreaGrows(_ rule: ZoneRule) throws {
        let days = [8, 9, 10, 16]
        let areas = try days.map { try ZoneMaps.map(september: $0, rule: rule).area(of: "sdf") }
        for k in 1..<days.count {
            #expect(areas[k] >= areas[k - 1], "SDF \(areas[k - 1]) km² on \(days[k - 1]) Sept, \(areas[k]) km² on \(days[k]) Sept")
        }
        // Abu Khashab's ground alone is several hundred km².
        #expect(areas.last! - areas.first! > 500, "\(areas)")
    }
}
