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
///
/// A value with its fields in one shared, copy-on-write box: mentions, events and map
/// features hold places by the hundred thousand, and a copy is then one reference count,
/// not one per name and alias.
public struct Place: Hashable, Sendable, Identifiable {
    /// The fields, as a plain value.
    struct Fields: Hashable {
        var id: String
        var name: String
        var kind: PlaceKind
        var coordinate: Coordinate
        var precision: LocationPrecision
        var province: String?
        var country: String?
        var population: Int?
        var aliases: [String]
        var bank: RiverBank?
        var geometryReference: String?
        var source: String
        var note: String
    }

    /// Mutated only while uniquely referenced (`update`), so sharing it between threads is safe.
    final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    @inline(__always)
    private mutating func update(_ body: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        body(&box.fields)
    }

    /// Stable id: `geonames:<geonameid>` or a curated slug such as `taym_oil_field`.
    public var id: String { get { box.fields.id } set { update { $0.id = newValue } } }
    public var name: String { get { box.fields.name } set { update { $0.name = newValue } } }
    public var kind: PlaceKind { get { box.fields.kind } set { update { $0.kind = newValue } } }
    public var coordinate: Coordinate { get { box.fields.coordinate } set { update { $0.coordinate = newValue } } }
    public var precision: LocationPrecision { get { box.fields.precision } set { update { $0.precision = newValue } } }
    /// The province (GeoNames admin1 name), when known.
    public var province: String? { get { box.fields.province } set { update { $0.province = newValue } } }
    /// ISO 3166-1 alpha-2.
    public var country: String? { get { box.fields.country } set { update { $0.country = newValue } } }
    public var population: Int? { get { box.fields.population } set { update { $0.population = newValue } } }
    /// Other names (curated aliases and GeoNames alternate names).
    public var aliases: [String] { get { box.fields.aliases } set { update { $0.aliases = newValue } } }
    /// The Euphrates bank, where a source records it.
    public var bank: RiverBank? { get { box.fields.bank } set { update { $0.bank = newValue } } }
    /// Where the place's line or polygon lives: `rivers.geojson#Euphrates`.
    public var geometryReference: String? { get { box.fields.geometryReference } set { update { $0.geometryReference = newValue } } }
    public var source: String { get { box.fields.source } set { update { $0.source = newValue } } }
    public var note: String { get { box.fields.note } set { update { $0.note = newValue } } }

    public init(id: String, name: String, kind: PlaceKind, coordinate: Coordinate, precision: LocationPrecision,
                province: String? = nil, country: String? = nil, population: Int? = nil, aliases: [String] = [],
                bank: RiverBank? = nil, geometryReference: String? = nil, source: String = "", note: String = "") {
        box = Box(Fields(id: id, name: name, kind: kind, coordinate: coordinate, precision: precision, province: province,
                         country: country, population: population, aliases: aliases, bank: bank,
                         geometryReference: geometryReference, source: source, note: note))
    }

    public static func == (a: Place, b: Place) -> Bool { a.box === b.box || a.box.fields == b.box.fields }
    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

    /// The canonical name and every alias.
    public var allNames: [String] { [name] + aliases }
}
