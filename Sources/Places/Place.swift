import Geography

/// What kind of place a gazetteer entry is.
public enum PlaceKind: String, CaseIterable, Sendable, Codable {
    case country, province, city, town, village, district, river, valley, region
    case oilField = "oil_field", gasField = "gas_field", base, airport
    case borderCrossing = "border_crossing", dam, confluence
    case industrialZone = "industrial_zone", hill, road, locality

    /// How prominent a kind is when a name is ambiguous (a country outranks a village of
    /// the same name).
    var prominence: Double {
        switch self {
        case .country: 6
        case .province: 4.5
        case .city: 4
        case .river: 4
        case .region, .valley: 3
        case .town: 3
        case .airport, .base, .oilField, .gasField, .borderCrossing, .dam: 2.5
        case .district, .industrialZone, .confluence, .hill, .road: 2
        case .village: 1.5
        case .locality: 1
        }
    }

    /// Settlements: what "X city" or "the town of X" can mean.
    public var isSettlement: Bool { self == .city || self == .town || self == .village }
}

/// How well a place's point is known.
public enum LocationPrecision: String, Sendable, Codable {
    /// A sourced point for a place that is a point at map scale.
    case exact
    /// A representative point of a larger area (a province, an oil field, a river).
    case centroid
    /// No source locates the place; the point is read from descriptions (see the note).
    case approximate
}

/// The bank of the Euphrates, looking downstream: east is the left bank (the Jazira),
/// west the right bank (the Shamiya).
public enum RiverBank: String, Sendable, Codable {
    case east, west
}

/// One gazetteer entry.
public struct Place: Hashable, Sendable, Identifiable {
    /// Stable id: `geonames:<geonameid>` or a curated slug such as `taym_oil_field`.
    public var id: String
    public var name: String
    public var kind: PlaceKind
    public var coordinate: Coordinate
    public var precision: LocationPrecision
    /// The province (GeoNames admin1 name), when known.
    public var province: String?
    /// ISO 3166-1 alpha-2.
    public var country: String?
    public var population: Int?
    /// Other names (curated aliases and GeoNames alternate names).
    public var aliases: [String]
    /// The Euphrates bank, where a source records it.
    public var bank: RiverBank?
    /// Where the place's line or polygon lives: `rivers.geojson#Euphrates`.
    public var geometryReference: String?
    public var source: String
    public var note: String

    public init(id: String, name: String, kind: PlaceKind, coordinate: Coordinate, precision: LocationPrecision,
                province: String? = nil, country: String? = nil, population: Int? = nil, aliases: [String] = [],
                bank: RiverBank? = nil, geometryReference: String? = nil, source: String = "", note: String = "") {
        self.id = id; self.name = name; self.kind = kind; self.coordinate = coordinate; self.precision = precision
        self.province = province; self.country = country; self.population = population; self.aliases = aliases
        self.bank = bank; self.geometryReference = geometryReference; self.source = source; self.note = note
    }

    /// The canonical name and every alias.
    public var allNames: [String] { [name] + aliases }
}
