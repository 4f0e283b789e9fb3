import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Places

/// One news report: its text and where and when it was published.
public struct Report: Sendable {
    /// The document name outputs cite: the file name (`-` for standard input).
    public var document: String
    public var outlet: String?
    /// The publication date, and how precisely it is known (a weekly digest: a week).
    public var published: ReportedDate?
    /// Where the date came from: `index`, `text`, `option`.
    public var dateSource: String?
    public var text: String

    public init(document: String, outlet: String? = nil, published: ReportedDate? = nil, dateSource: String? = nil, text: String) {
        self.document = document; self.outlet = outlet; self.published = published; self.dateSource = dateSource; self.text = text
    }
}

/// A report that could not be read, with a message for stderr.
public struct ReportError: Error, Sendable, CustomStringConvertible, Equatable {
    public var path: String
    public var message: String

    public init(path: String, message: String) { self.path = path; self.message = message }
    public var description: String { "\(path): \(message)" }
}

/// Reads reports from files, directories (their `.txt` files, in name order) and
/// standard input (`-`), and dates them: from the directory's `index.tsv` when the file is
/// listed there, else from a `date YYYY-MM-DD` line in the text, else from the date given
/// on the command line.
public enum ReportReader {
    /// The paths expanded and read, in order; each either a report or why not. A bad file
    /// does not stop the others.
    public static func read(paths: [String], date: Day? = nil, standardInput: () -> [UInt8] = readStandardInput) -> [Result<Report, ReportError>] {
        var out: [Result<Report, ReportError>] = []
        var indexes: [String: [String: IndexEntry]] = [:]
        for path in paths {
            if path == "-" {
                out.append(report(bytes: standardInput(), path: "-", document: "-", index: nil, date: date))
                continue
            }
            switch FileKind(path) {
            case .missing:
                out.append(.failure(ReportError(path: path, message: "no such file or directory")))
            case .file:
                let dir = directory(of: path)
                if indexes[dir] == nil { indexes[dir] = loadIndex(dir) }
                out.append(readFile(path, index: indexes[dir]!, date: date))
            case .directory:
                let files: [String]
                do { files = try listTextFiles(path) } catch { out.append(.failure(ReportError(path: path, message: error.message))); continue }
                if files.isEmpty { out.append(.failure(ReportError(path: path, message: "has no .txt reports"))); continue }
                let index = loadIndex(path)
                for f in files { out.append(readFile(path + "/" + f, index: index, date: date)) }
            }
        }
        return out
    }

    struct IndexEntry { var outlet: String?; var date: ReportedDate? }

    static func readFile(_ path: String, index: [String: IndexEntry], date: Day?) -> Result<Report, ReportError> {
        let bytes: [UInt8]
        do { bytes = try readFileBytes(path) } catch { return .failure(ReportError(path: path, message: error.message)) }
        let name = String(path.split(separator: "/").last ?? Substring(path))
        return report(bytes: bytes, path: path, document: name, index: index[name], date: date)
    }

    /// The most bytes a report may have, plus one: `Reader.read` takes texts under 4 GB.
    public static let maximumBytes = Int(UInt32.max)

    /// Checks the bytes are text (UTF-8, no NUL, not empty) and dates the report.
    static func report(bytes: [UInt8], path: String, document: String, index: IndexEntry?, date: Day?) -> Result<Report, ReportError> {
        // The reader counts a report's bytes in 32 bits (`NameScanner.Token`).
        guard bytes.count < ReportReader.maximumBytes else {
            return .failure(ReportError(path: path, message: "is \(bytes.count / 1_000_000_000) GB: a report must be under 4 GB (split it into reports)"))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure(ReportError(path: path, message: "is empty: no report text"))
        }
        if let nul = body.firstIndex(of: 0) {
            return .failure(ReportError(path: path, message: "contains a NUL byte at byte \(nul): a binary file, not a text report"))
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            let bad = TextLayout.firstInvalidUTF8(Array(body)) ?? 0
            let line = 1 + body.prefix(bad).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            return .failure(ReportError(path: path, message: "line \(line), byte \(bad): not valid UTF-8 text (convert it with iconv -f <encoding> -t UTF-8)"))
        }
        var report = Report(document: document, outlet: index?.outlet, text: text)
        if let d = index?.date {
            report.published = d; report.dateSource = "index"
        } else if let d = dateLine(in: text) {
            report.published = ReportedDate(day: d, precision: .day); report.dateSource = "text"
        } else if let date {
            report.published = ReportedDate(day: date, precision: .day); report.dateSource = "option"
        }
        return .success(report)
    }

    /// A `date YYYY-MM-DD` token near the start of the text (within its first 400 characters).
    static func dateLine(in text: String) -> Day? {
        let head = text.prefix(400)
        var rest = head[...]
        while let r = rest.firstRange(of: "date ") {
            let after = rest[r.upperBound...].prefix(10)
            let before = r.lowerBound == head.startIndex ? " " : head[head.index(before: r.lowerBound)]
            if (before == " " || before == "\n" || before == "\t"), let d = Day(iso: after) { return d }
            rest = rest[r.upperBound...]
        }
        return nil
    }

    /// `index.tsv` next to the reports: file, outlet, published, date_precision (a header line).
    static func loadIndex(_ directory: String) -> [String: IndexEntry] {
        guard let bytes = try? readFileBytes(directory + "/index.tsv"), let text = String(validating: bytes, as: UTF8.self) else { return [:] }
        var out: [String: IndexEntry] = [:]
        var columns: [String: Int] = [:]
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingWhitespace }
            if n == 0 {
                for (i, f) in fields.enumerated() { columns[f.lowercased()] = i }
                continue
            }
            func field(_ name: String) -> String? {
                guard let i = columns[name], i < fields.count, !fields[i].isEmpty else { return nil }
                return fields[i]
            }
            guard let file = field("file") else { continue }
            var entry = IndexEntry(outlet: field("outlet"))
            if let p = field("published"), let day = Day(iso: p) {
                let precision = field("date_precision").flatMap(DatePrecision.init(rawValue:)) ?? .day
                entry.date = ReportedDate(day: day, precision: precision)
            }
            out[file] = entry
        }
        return out
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func listTextFiles(_ directory: String) throws(FileReadError) -> [String] {
        guard let dir = opendir(directory) else { throw FileReadError(message: "cannot be read: \(String(cString: strerror(errno)))") }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
            if name.hasSuffix(".txt"), !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }

    public static func readStandardInput() -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR { continue } else { break } }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return out
    }
}
