import Foundation
import Testing
import Places

/// A GeoNames file over 4 MB is checked and indexed in chunks, one per core. The chunks
/// must not change what is read or where an error is reported.
@Suite("Large GeoNames files are read in parallel chunks")
struct LargeGeoNamesFilesAreReadInParallel {
    /// About 6 MB of dump rows: enough for several chunks.
    static func dump(rows: Int, replacing: [Int: String] = [:]) -> String {
        var text = ""
        text.reserveCapacity(rows * 120)
        for i in 0..<rows {
            if let line = replacing[i] { text += line + "\n"; continue }
            let id = 90_000_000 + i
            let fields = ["\(id)", "Qaryat Test \(i)", "Qaryat Test \(i)", "Test Village \(i),Tast \(i)",
                          "35.\(i % 1000)", "40.\(i % 997)", "P", "PPL", "SY", "", "07", "", "", "", "\(i)", "", "200",
                          "Asia/Damascus", "2024-01-01"]
            text += fields.joined(separator: "\t") + "\n"
        }
        return text
    }

    static let rows = 60_000

    @Test("Every row of a multi-chunk file is found by its names")
    func everyRowIsIndexed() throws {
        try withTemporaryDirectory { dir in
            try dir.write(Self.dump(rows: Self.rows), to: "big.txt")
            let gazetteer = try Gazetteer.load(directory: Repository.gazetteerDirectory, geonamesFile: dir.path + "/big.txt")
            for i in [0, 1, Self.rows / 2, Self.rows - 1] {
                let place = try gazetteer.resolve("Test Village \(i)", explain: false).best.place
                #expect(place.id == "geonames:\(90_000_000 + i)")
            }
        }
    }

    @Test("A bad row in a late chunk is reported at its true line")
    func errorLineIsAbsolute() throws {
        let bad = Self.rows - 10
        let line = ["\(80_000_001)", "Broken", "Broken", "", "95.0", "40.0", "P", "PPL", "SY", "", "07", "", "", "", "0", "", "0", "Asia/Damascus", "2024-01-01"].joined(separator: "\t")
        try withTemporaryDirectory { dir in
            try dir.write(Self.dump(rows: Self.rows, replacing: [bad: line]), to: "big.txt")
            let error = loadFailure { () throws(GazetteerError) in
                try Gazetteer.load(directory: Repository.gazetteerDirectory, geonamesFile: dir.path + "/big.txt")
            }
            #expect(error?.line == bad + 1)
            #expect(error?.message.contains("95") == true)
        }
    }

    @Test("A geonameid repeated across chunks is refused at the second line")
    func duplicateAcrossChunks() throws {
        let line = ["\(90_000_000)", "Again", "Again", "", "35.0", "40.0", "P", "PPL", "SY", "", "07", "", "", "", "0", "", "0", "Asia/Damascus", "2024-01-01"].joined(separator: "\t")
        try withTemporaryDirectory { dir in
            try dir.write(Self.dump(rows: Self.rows, replacing: [Self.rows - 1: line]), to: "big.txt")
            let error = loadFailure { () throws(GazetteerError) in
                try Gazetteer.load(directory: Repository.gazetteerDirectory, geonamesFile: dir.path + "/big.txt")
            }
            #expect(error?.line == Self.rows)
            #expect(error?.message.contains("duplicate geonameid 90000000") == true)
        }
    }
}
