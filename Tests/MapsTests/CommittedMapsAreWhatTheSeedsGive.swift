import Foundation
import Testing

/// `maps/` in the repository is the golden output: what `conflictmap map` writes from
/// `seeds/`. After an intended change, run `scripts/map` and review the diff.
@Suite("Committed maps are what the seeds give")
struct CommittedMapsAreWhatTheSeedsGive {
    static func committed(_ name: String) throws -> String {
        let url = SeedMaps.repository.appendingPathComponent("maps/" + name)
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test("Each day's GeoJSON and SVG equal the committed files", arguments: SeedMaps.days)
    func goldenDay(day: String) throws {
        #expect(try SeedMaps.geoJSON(day) == Self.committed("control-\(day).geojson"), "maps/control-\(day).geojson is stale: run scripts/map")
        #expect(try SeedMaps.svg(day) == Self.committed("control-\(day).svg"), "maps/control-\(day).svg is stale: run scripts/map")
    }

    @Test("latest is the last day's map")
    func latest() throws {
        #expect(try Self.committed("latest.svg") == Self.committed("control-2017-09-16.svg"))
        #expect(try Self.committed("latest.geojson") == Self.committed("control-2017-09-16.geojson"))
    }

    @Test("The maps are drawn on the days the reports change control")
    func changeDays() {
        #expect(SeedMaps.run.model.changeDays.map(\.description) == SeedMaps.days)
    }
}
