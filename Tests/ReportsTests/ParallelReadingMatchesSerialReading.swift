import Emitters
import Places
import Reports
import Testing

/// `ReaderPool` reads on all cores with one `Reader` per task over a shared `NameTable`;
/// its output must be identical, and in input order, to one `Reader` reading the reports
/// one by one.
@Suite("Parallel reading matches serial reading")
struct ParallelReadingMatchesSerialReading {
    @Test("The five seeds repeated 20 times read in parallel equal a single reader's output")
    func poolEqualsSingleReader() async throws {
        let gazetteer = try repositoryGazetteer()
        let seeds = try Seeds.allReports()
        try #require(seeds.count == 5)
        // Each copy under its own document name, so an out-of-order result shows.
        var reports: [Report] = []
        for round in 0..<20 {
            for var r in seeds {
                r.document = "\(round)/" + r.document
                reports.append(r)
            }
        }
        let reader = Reader(gazetteer: gazetteer)
        let serial = reports.map(reader.read)
        let parallel = await ReaderPool.read(reports, gazetteer: gazetteer)

        #expect(parallel.map(\.report.document) == reports.map(\.document))
        let serialJSON = ExtractionEncoding.json(serial).serialized()
        let parallelJSON = ExtractionEncoding.json(parallel).serialized()
        #expect(serialJSON == parallelJSON)
        #expect(ExtractionEncoding.geoJSON(serial).serialized() == ExtractionEncoding.geoJSON(parallel).serialized())
        #expect(ExtractionEncoding.csv(serial) == ExtractionEncoding.csv(parallel))
        // Every round reads the same as the first.
        for k in 0..<reports.count {
            let a = parallel[k], b = parallel[k % 5]
            #expect(a.mentions.map(\.span) == b.mentions.map(\.span) && a.events.count == b.events.count && a.claims.count == b.claims.count,
                    "copy \(k) of \(reports[k % 5].document)")
        }
    }

    @Test("A reader whose caches are full of other names reads the seeds as a new one does")
    func warmCachesReadAlike() throws {
        let gazetteer = try repositoryGazetteer()
        let seeds = try Seeds.allReports()
        // Every name of every place, in three cases: past a thousand names as written,
        // so the reader's tables grow several times before the seeds come.
        var lines: [String] = []
        for place in gazetteer.allPlaces {
            for name in place.allNames { lines.append("Fighting in \(name), \(name.uppercased()) and \(name.lowercased()) went on.") }
        }
        let warm = Reader(gazetteer: gazetteer)
        _ = warm.read(Report(document: "names", text: lines.joined(separator: "\n")))
        let fresh = Reader(gazetteer: gazetteer)
        #expect(ExtractionEncoding.json(seeds.map(warm.read)).serialized() == ExtractionEncoding.json(seeds.map(fresh.read)).serialized())
    }

    @Test("A pool given a shared name table and one given none read alike")
    func sharedTable() async throws {
        let gazetteer = try repositoryGazetteer()
        let seeds = try Seeds.allReports()
        let table = NameTable(gazetteer)
        let withTable = await ReaderPool.read(seeds, gazetteer: gazetteer, table: table)
        let without = await ReaderPool.read(seeds, gazetteer: gazetteer)
        #expect(ExtractionEncoding.json(withTable).serialized() == ExtractionEncoding.json(without).serialized())
    }

    @Test("A pool of no reports and of one report")
    func edgeSizes() async throws {
        let gazetteer = try repositoryGazetteer()
        #expect(await ReaderPool.read([], gazetteer: gazetteer).isEmpty)
        let one = try Seeds.report(Seeds.names[0])
        let read = await ReaderPool.read([one], gazetteer: gazetteer)
        #expect(read.count == 1)
        #expect(ExtractionEncoding.json(read).serialized() == ExtractionEncoding.json([try Seeds.extraction(Seeds.names[0])]).serialized())
    }
}
