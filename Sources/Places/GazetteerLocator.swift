import Foundation

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
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: requested, isDirectory: &isDirectory) else {
            let origin = explicit != nil ? "--gazetteer" : environmentVariable
            throw GazetteerError(file: requested, message: "no such file or directory (given by \(origin))")
        }
        if isDirectory.boolValue { return try Gazetteer.load(directory: requested) }
        return try Gazetteer.load(directory: try bundledDirectory(), geonamesFile: requested)
    }

    /// The `Gazetteer/` directory shipped with the program: next to or above the
    /// executable (a SwiftPM build lives in `.build/<config>/`), in the working directory,
    /// or installed under `share/conflictmap`.
    public static func bundledDirectory() throws(GazetteerError) -> String {
        var candidates: [String] = []
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            var dir = exe.deletingLastPathComponent()
            for _ in 0..<6 {
                candidates.append(dir.appendingPathComponent("Gazetteer").path)
                candidates.append(dir.appendingPathComponent("share/conflictmap/Gazetteer").path)
                dir = dir.deletingLastPathComponent()
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
