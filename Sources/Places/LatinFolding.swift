import Foundation

/// Latin letters with diacritics folded to lowercase ASCII (ā→a, Ḩ→h, ß→ss), built once
/// from Unicode's canonical decompositions plus the letters that have none (ø, ł, ı, đ).
enum LatinFolding {
    static let table: [UInt32: [UInt8]] = {
        var table: [UInt32: [UInt8]] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x1E00...0x1EFF]
        for range in ranges {
            for v in range {
                guard let scalar = Unicode.Scalar(v) else { continue }
                let decomposed = String(scalar).lowercased().decomposedStringWithCanonicalMapping
                let ascii = decomposed.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic) }
                if !ascii.isEmpty { table[v] = ascii.map { UInt8($0.value) } }
            }
        }
        let special: [Character: String] = [
            "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d",
            "ı": "i", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ħ": "h", "Ħ": "h",
            "ŧ": "t", "Ŧ": "t", "ŀ": "l", "Ŀ": "l", "ƒ": "f",
        ]
        for (c, s) in special { table[c.unicodeScalars.first!.value] = Array(s.utf8) }
        return table
    }()
}
