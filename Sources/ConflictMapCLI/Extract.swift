import ArgumentParser
import Emitters
import Geography
import Places
import Reports

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read reports: the places they name (with offsets), the actors, the events (who did what where and when) and the claims.",
        discussion: """
        Dates come from the reports' index.tsv (file, outlet, published, date_precision), \
        else a 'date YYYY-MM-DD' line in the text, else --date. Relative dates ("on \
        Saturday", "last Tuesday", "this week", "in June") resolve against that date. \
        Offsets count Unicode code points, so text[start:end] in Python is the mention.

        A report that is not UTF-8 text, is empty or binary is reported on stderr and \
        skipped; the others are still read, and the exit code is 1. When none could be \
        read, nothing is printed.

        Examples:
          conflictmap extract seeds/ --format csv
          cat report.txt | conflictmap extract - --date 2017-09-12 --format json
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case geojson, json, csv }

    @OptionGroup var reports: ReportOptions

    @Option(help: "geojson (RFC 7946 FeatureCollection of places and events), json (grouped by document) or csv (one row per event, ACLED-like).")
    var format: Format = .geojson

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func run() throws {
        let (input, failures) = try reports.read()
        // Every file was bad: each has its line on stderr; an empty result on stdout would read
        // as "the reports name nothing".
        if input.isEmpty, failures > 0 { throw CLIFailure.quiet(1) }
        let gazetteer = try gazetteerOptions.load()
        let extractions = ReaderPool.read(input, gazetteer: gazetteer)
        switch format {
        case .geojson: Console.output(ExtractionEncoding.geoJSON(extractions).serialized())
        case .json: Console.output(ExtractionEncoding.json(extractions).serialized())
        case .csv: Console.output(ExtractionEncoding.csv(extractions))
        }
        if failures > 0 { throw CLIFailure.quiet(1) }
    }
}
