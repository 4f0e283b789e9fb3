import Geography

extension Gazetteer {
    /// The line or polygon of a place that is one (a river, a province, a country), read
    /// from the GeoJSON file its `geometryReference` names (`rivers.geojson#Euphrates`).
    /// Nil for places that are points. Reads the file on each call: callers that need
    /// several shapes use `shapes(of:)`, which reads each file once.
    ///
    /// Keys: `rivers.geojson` by `name` (the whole GSHHG/WDBII line, `country` "ALL": the
    /// more detailed of the two Euphrates sources); `admin1.geojson` by `adm1_pcode`;
    /// `borders.geojson` by `ADM0_A3`; any other file by `id` or `name`.
    public func shape(of place: Place) throws(GazetteerError) -> Shape? {
        try shapes(of: [place])[place.id]
    }

    /// The shapes of several places by place id, each GeoJSON file read once (the
    /// provinces' file is a megabyte). Places that are points are left out.
    public func shapes(of places: [Place]) throws(GazetteerError) -> [String: Shape] {
        var byFile: [String: [(place: Place, key: String)]] = [:]
        var files: [String] = []
        for place in places {
            guard let reference = place.geometryReference else { continue }
            let parts = reference.split(separator: "#", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].contains("/"), !parts[0].hasPrefix(".") else {
                throw GazetteerError(file: "places.tsv", message: "\(place.id): geometry '\(reference)' must be FILE#KEY with a file in the gazetteer directory")
            }
            if byFile[parts[0]] == nil { files.append(parts[0]) }
            byFile[parts[0], default: []].append((place, parts[1]))
        }
        var out: [String: Shape] = [:]
        for file in files {
            let wanted = byFile[file]!
            guard let directory = dataDirectory else {
                throw GazetteerError(file: file, message: "\(wanted[0].place.id): this gazetteer has no data directory to read \(file) from")
            }
            let path = directory + "/" + file
            let bytes: [UInt8]
            do { bytes = try readFileBytes(path) } catch { throw GazetteerError(file: path, message: error.message) }
            let features: [Feature]
            do { features = try GeoJSON.features(from: bytes) } catch { throw GazetteerError(file: path, message: error.message) }
            for (place, key) in wanted {
                let matching = features.filter { feature in
                    ["name", "adm1_pcode", "ADM0_A3", "id"].contains { feature.properties[$0]?.stringValue == key } || feature.id == key
                }
                // Rivers come whole and cut per country, from two sources: take the whole
                // line of the first (GSHHG) source.
                let chosen = matching.first { $0.properties["country"]?.stringValue == "ALL" } ?? matching.first
                guard let shape = chosen?.shape else {
                    throw GazetteerError(file: path, message: "\(place.id): no feature '\(key)' (by name, adm1_pcode, ADM0_A3 or id)")
                }
                out[place.id] = shape
            }
        }
        return out
    }
}
