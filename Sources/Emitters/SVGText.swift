/// Text for SVG: XML escaping and the width of a label before any renderer lays it out.
public enum SVGText {
    /// Escapes text for XML content and attribute values. Characters XML 1.0 forbids
    /// (C0 controls but tab and newline) become U+FFFD: a scraped quote with a stray
    /// control byte must not make the whole map unreadable.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out += " "
            case "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default:
                if scalar.value < 0x20 { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// The font the maps ask for. DejaVu Sans is what Debian's rsvg-convert and Chromium
    /// fall back to; Verdana has nearly the same widths.
    public static let fontFamily = "DejaVu Sans, Verdana, sans-serif"

    /// Advance widths of DejaVu Sans for ASCII 32–126, in thousandths of an em (read from
    /// DejaVuSans.ttf's hmtx table): labels are placed with the widths the renderer uses.
    static let regular: [UInt16] = [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636,
        636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
        634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ]
    /// The same for DejaVu Sans Bold.
    static let bold: [UInt16] = [
        348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696,
        696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
        733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716,
        712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
    ]

    /// The width of `text` in pixels at `size`. Letters outside ASCII count as a wide
    /// letter (0.8 em), so a label never comes out longer than the room kept for it.
    public static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        let table = bold ? SVGText.bold : SVGText.regular
        var units = 0
        for scalar in text.unicodeScalars {
            let v = Int(scalar.value)
            units += (32...126).contains(v) ? Int(table[v - 32]) : 800
        }
        return Double(units) / 1000 * size
    }

    /// Splits text into lines no wider than `maxWidth` pixels, at spaces.
    public static func wrap(_ text: String, size: Double, maxWidth: Double, bold: Bool = false) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if width(candidate, size: size, bold: bold) <= maxWidth || line.isEmpty {
                line = candidate
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

/// An axis-aligned box in SVG pixels (y down).
public struct PixelBox: Equatable, Sendable {
    public var x: Double, y: Double, width: Double, height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    public func intersects(_ o: PixelBox) -> Bool {
        x < o.maxX && o.x < maxX && y < o.maxY && o.y < maxY
    }

    public func contains(_ o: PixelBox) -> Bool {
        o.x >= x && o.y >= y && o.maxX <= maxX && o.maxY <= maxY
    }

    public func inset(by d: Double) -> PixelBox { PixelBox(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }
}
