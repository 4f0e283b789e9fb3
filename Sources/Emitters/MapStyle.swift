import Reports

/// The colours and words of the maps, shared by the SVG and the GeoJSON's simplestyle
/// properties so that QGIS and the printed map agree. Faction colours follow the
/// long-running public Syrian war maps: government red, SDF yellow, ISIS black/dark grey,
/// the US-led coalition and the US-backed rebels of al-Tanf blue, the opposition green.
public enum MapStyle {
    /// The order factions appear in legends.
    public static let legendOrder = ["government", "russia", "iran", "hezbollah", "sdf", "isis", "rebels", "us", "coalition", "iraq", "contested"]

    /// Zone fill and dot colour of a faction id (`contested`, `unknown` included).
    public static func colour(_ faction: String) -> String {
        switch faction {
        case "government": "#d7301f"
        case "russia", "iran", "hezbollah": "#99000d"  // fighting for the government: its red, darker
        case "sdf": "#f4cf2e"
        case "isis": "#3a3a3a"
        case "rebels", "us", "coalition": "#2b6cb0"
        case "iraq": "#7b3f98"
        case "contested": "#9a9a9a"
        default: "#ffffff"  // unknown: the land shows through
        }
    }

    /// A darker edge for zones and dots of the same faction.
    public static func stroke(_ faction: String) -> String {
        switch faction {
        case "government": "#9e1b10"
        case "russia", "iran", "hezbollah": "#5c0008"
        case "sdf": "#b38f0a"
        case "isis": "#000000"
        case "rebels", "us", "coalition": "#1a4478"
        case "iraq": "#4d2561"
        default: "#555555"
        }
    }

    /// Fill opacity of zones: the land, rivers and borders must show through.
    public static let zoneOpacity = 0.45

    public static let riverColour = "#3d85c6"
    public static let deconflictionColour = "#c2185b"
    public static let frontColour = "#b00020"
    public static let borderColour = "#333333"
    public static let provinceColour = "#8a8a8a"
    public static let landColour = "#f5f1e6"
    public static let neighbourColour = "#e6e3dc"
    public static let waterColour = "#d8e6f2"

    /// How a legend names a faction.
    public static func name(_ faction: String) -> String {
        switch faction {
        case "government": "Syrian government and allies"
        case "russia": "Russia"
        case "iran": "Iran"
        case "hezbollah": "Hezbollah"
        case "sdf": "Syrian Democratic Forces (SDF)"
        case "isis": "Islamic State (ISIS)"
        case "rebels": "US-backed rebels (al-Tanf)"
        case "us": "United States"
        case "coalition": "US-led coalition"
        case "iraq": "Iraqi forces"
        case "contested": "Contested"
        default: "Unknown"
        }
    }

    /// Short actor names for the event list.
    public static func shortName(_ actor: Actor) -> String {
        switch actor {
        case .government: "Government"
        case .sdf: "SDF"
        case .isis: "ISIS"
        case .russia: "Russia"
        case .iran: "Iran"
        case .hezbollah: "Hezbollah"
        case .coalition: "Coalition"
        case .us: "US"
        case .iraq: "Iraq"
        case .rebels: "Rebels"
        }
    }

    /// The event list's verb for an action.
    public static func verb(_ action: Action) -> String {
        switch action {
        case .capture: "captured"
        case .advance: "advanced on"
        case .enter: "entered"
        case .siegeBroken: "broke the siege of"
        case .offensive: "launched an offensive on"
        case .cross: "crossed at"
        case .strike: "struck"
        }
    }

    /// The event list's words for an action near a place rather than at it ("captured
    /// ground 30 km away from Deir ez-Zor").
    public static func verbNear(_ action: Action) -> String {
        switch action {
        case .capture: "captured ground"
        case .advance: "advanced"
        case .enter: "entered ground"
        case .siegeBroken: "broke a siege"
        case .offensive: "launched an offensive"
        case .cross: "crossed"
        case .strike: "struck"
        }
    }

    /// The legend's name for an action's symbol.
    public static func symbolName(_ action: Action) -> String {
        switch action {
        case .capture: "Capture"
        case .advance, .enter: "Advance, entry"
        case .siegeBroken: "Siege broken"
        case .offensive: "Offensive"
        case .cross: "River crossing"
        case .strike: "Air or artillery strike"
        }
    }

    /// The simplestyle `marker-symbol` (Maki icon names) of an action.
    public static func makiSymbol(_ action: Action) -> String {
        switch action {
        case .capture: "embassy"  // a flag
        case .advance, .enter: "triangle"
        case .siegeBroken: "roadblock"
        case .offensive: "arrow"
        case .cross: "ferry"
        case .strike: "fire-station"
        }
    }
}
