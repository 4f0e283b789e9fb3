import Foundation
import Places
import Reports

// The parallel section: extraction of many reports on one thread and on every core,
// the same reports and the same output (checked), as `extract` and `map` run it.

func runParallelBenchmark(gazetteer: Gazetteer, corpusBytes: Int) throws {
    let seedsDirectory = try GazetteerLocator.bundledSeedsDirectory()
    let seeds = ReportReader.read(paths: [seedsDirectory]).compactMap { try? $0.get() }
    var builder = CorpusBuilder(gazetteer: gazetteer, seeds: seeds)
    let corpus = builder.build(seeds: seeds, targetBytes: corpusBytes)
    let table = NameTable(gazetteer)
    let cores = ProcessInfo.processInfo.activeProcessorCount
    var serial: [Extraction] = [], parallel: [Extraction] = []
    let one = measure("extraction, \(corpus.reports.count) reports, 1 thread", runs: 3) {
        serial = ReaderPool.read(corpus.reports, gazetteer: gazetteer, table: table, workers: 1)
    }
    let all = measure("extraction, \(corpus.reports.count) reports, \(cores) threads", runs: 3) {
        parallel = ReaderPool.read(corpus.reports, gazetteer: gazetteer, table: table)
    }
    let same = serial.count == parallel.count && zip(serial, parallel).allSatisfy { dumpLines($0) == dumpLines($1) }
    print(String(format: "  %.1f MB: %.1f MB/s on 1 thread, %.1f MB/s on %d; speed-up %.2f× (output %@)",
                 mb(corpus.bytes), mb(corpus.bytes) / one, mb(corpus.bytes) / all, cores, one / all, same ? "identical" : "DIFFERS"))
}
