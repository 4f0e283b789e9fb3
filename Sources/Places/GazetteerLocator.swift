import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the gazetteer to load: an explicit path (`--gazetteer`, then the
/// `CONFLICTMAP_GAZETTEER` environment variable), else the `Gazetteer/` directory that
/// ships with the program.
public enum GazetteerLocator {
    public static let environmentVariable = "CONFLICTMAP_GAZETTEER"

    /// Loads the gazetteer the user asked for. `path` may be a gazetteer directory (with
    /// `geonames.tsv` and `places.tsv`) or a GeoNames file, which then replaces
    /// `geonames.tsv` while the curated `places.tsv` stays on top.
    public static func load(path explicit: String? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(GazetteerError) -> Gazetteer {
        let requested = explicit ?? environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        guard let requested else {
            return try Gazetteer.load(directory: try bundledDirectory())
        }
        switch FileKind(requested) {
        case .missing:
            let origin = explicit != nil ? "--gazetteer" : environmentVariable
            throw GazetteerError(file: requested, message: "no such file or directory (given by \(origin))")
        case .directory: return try Gazetteer.load(directory: requested)
        case .file: break
        }
        return try Gazetteer.load(directory: try bundledDirectory(), geonamesFile: requested)
    }

    /// The `Gazetteer/` directory shipped with the program: next to or above the
    /// executable (a SwiftPM build lives in `.build/<config>/`), in the working directory,
    /// or installed under `share/conflictmap`.
    public static func bundledDirectory() throws(GazetteerError) -> String {
        var candidates: [String] = []
        if let exe = executablePath() {
            var dir = parent(of: exe)
            for _ in 0..<6 {
                candidates.append(dir + "/Gazetteer")
                candidates.append(dir + "/share/conflictmap/Gazetteer")
                dir = parent(of: dir)
            }
        }
        candidates.append(FileManager.default.currentDirectoryPath + "/Gazetteer")
        candidates.append("/usr/local/share/conflictmap/Gazetteer")
        for c in candidates where FileManager.default.fileExists(atPath: c + "/geonames.tsv") {
            return c
        }
        throw GazetteerError(file: "Gazetteer/", message: "cannot find the gazetteer next to the program or in the working directory; pass --gazetteer DIR or set \(environmentVariable)")
    }
}

/// The running program's path, links resolved (/proc/self/exe on Linux).
private func executablePath() -> String? {
    #if os(Linux)
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    if n > 0 { return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
    #endif
    guard let first = CommandLine.arguments.first, first.contains("/") else { return nil }
    return first.hasPrefix("/") ? first : FileManager.default.currentDirectoryPath + "/" + first
}

private func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
    return String(path[..<slash])
}

extension GazetteerLocator {
    /// The `seeds/` directory of reports shipped next to the bundled gazetteer: what `map`
    /// and `extract` read when given no paths.
    public static func bundledSeedsDirectory() throws(GazetteerError) -> String {
        let gazetteer = try bundledDirectory()
        let seeds = parent(of: gazetteer) + "/seeds"
        guard FileKind(seeds) == .directory else {
            throw GazetteerError(file: seeds, message: "no seeds/ directory next to the gazetteer; give report files or directories")
        }
        return seeds
    }

    /// The `maps/` directory next to the bundled seeds: where `map` writes by default.
    public static func bundledMapsDirectory() throws(GazetteerError) -> String {
        parent(of: try bundledSeedsDirectory()) + "/maps"
    }
}
