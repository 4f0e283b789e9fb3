/// A rule of the name normaliser. Rules apply in this order; a match can be explained by
/// the rules that had to apply before the two names became equal.
public enum NameRule: String, CaseIterable, Sendable, Comparable {
    /// Upper and lower case are the same.
    case caseFolding = "case"
    /// Diacritics and apostrophe forms are dropped: ā→a, ḩ→h, ‘ ’ ` ʿ ʾ ' vanish.
    case diacritics = "diacritics"
    /// Hyphens, spaces and punctuation between words do not count.
    case separators = "separators"
    /// The Arabic article in all its forms (al-, el-, ad-, ar-, as-, az-, ash-, at-, ez-,
    /// e-, an-...) and joined, assimilated forms (Ezzor = ez-Zor, Assukhnah = as-Sukhnah).
    case article = "article"
    /// Abu / Abou / Albu / Al Bu (as in Albukamal = Abu Kamal).
    case abu = "abu/albu"
    /// q and k are one letter (Qamishli/Kamishli, Raqqa/Rakka).
    case qk = "q/k"
    /// Vowel spellings: Deir/Dayr/Dair (ei, ey, ay, ai, ie → i), ee → i, ou/o/aw/ow → u.
    case vowels = "vowels"
    /// Doubled letters are single: Hassakeh = Hasakeh, Raqqa = Raqa.
    case doubledLetters = "doubled letters"
    /// A final -h after a vowel is silent and a final -e is -a: Raqqah = Raqqa, Hasakeh = Hasaka.
    case finalVowel = "final -ah/-eh"

    public static func < (a: NameRule, b: NameRule) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Folds place names to comparison keys. Deterministic, allocation-light, and the same
/// for gazetteer names and for text being searched, so a key lookup is a match.
public enum NameNormalizer {
    /// The comparison key of a name: every rule applied, words joined without separators.
    /// "Deir ez-Zor", "Dayr Az Zawr" and "Deir Ezzor" all give "dirzur".
    public static func key(_ name: some StringProtocol) -> String {
        let builder = NameKeyBuilder()
        var utf8 = Array(name.utf8)
        return utf8.withUnsafeMutableBufferPointer { buf in
            String(decoding: builder.key(UnsafeBufferPointer(buf)), as: UTF8.self)
        }
    }

    /// The name after each rule in turn, for explaining matches: element i is the form
    /// once rules 0...i have applied.
    public static func stages(_ name: some StringProtocol) -> [(rule: NameRule, form: String)] {
        let trimmed = String(name).trimmingWhitespace
        var enabled: Set<NameRule> = []
        return NameRule.allCases.map { rule in
            enabled.insert(rule)
            return (rule, form(trimmed, enabled: enabled))
        }
    }

    /// Which rules make `a` and `b` the same name: a minimal set of rules under which the
    /// two are equal ("Raqqeh" = "Raqqa" by the final -eh rule alone; "Abou" = "Abu" by
    /// the vowel rule). Nil when they differ after all rules; empty when identical.
    public static func explain(_ a: String, matches b: String) -> [NameRule]? {
        let x = a.trimmingWhitespace, y = b.trimmingWhitespace
        if x == y { return [] }
        let all = NameRule.allCases
        var greedy = Set(all)
        guard form(x, enabled: greedy) == form(y, enabled: greedy) else { return nil }
        // A first answer cheaply: drop every rule the match can do without, in order.
        for rule in all {
            let without = greedy.subtracting([rule])
            if form(x, enabled: without) == form(y, enabled: without) { greedy = without }
        }
        // Rules can stand in for each other, so a smaller set may exist: search the sizes
        // up to the greedy answer's (matches need one to three rules, so this is short).
        // Ties go to the set whose rules come earliest.
        for size in 1...max(1, greedy.count) {
            var found: [NameRule]?
            forEachCombination(of: all, size: size) { rules in
                let enabled = Set(rules)
                if form(x, enabled: enabled) == form(y, enabled: enabled) { found = rules; return true }
                return false
            }
            if let found { return found }
        }
        return all.filter(greedy.contains)
    }

    /// Calls `body` with each `size`-element combination of `items`, in lexicographic
    /// order, until it returns true.
    static func forEachCombination<T>(of items: [T], size: Int, _ body: ([T]) -> Bool) {
        var indices = Array(0..<size)
        while true {
            if body(indices.map { items[$0] }) { return }
            var i = size - 1
            while i >= 0 && indices[i] == items.count - size + i { i -= 1 }
            if i < 0 { return }
            indices[i] += 1
            for j in (i + 1)..<size { indices[j] = indices[j - 1] + 1 }
        }
    }

    /// The name with only the `enabled` rules applied: for explaining which rules a match
    /// needs (the hot path is `NameKeyBuilder`, which applies all of them).
    /// The name up to case, diacritics and separators only: how it is spelled, for telling
    /// a name written as itself from one reached through the spelling rules.
    public static func spelling(_ name: String) -> String {
        form(name.trimmingWhitespace, enabled: spellingRules)
    }

    private static let spellingRules: Set<NameRule> = [.caseFolding, .diacritics, .separators]

    static func form(_ name: String, enabled: Set<NameRule>) -> String {
        var words: [[UInt8]] = []
        var separators: [[UInt8]] = []
        var current: [UInt8] = []
        var pendingSeparator: [UInt8] = []
        func endWord() {
            if !current.isEmpty {
                if !words.isEmpty { separators.append(pendingSeparator) }
                words.append(current); current = []; pendingSeparator = []
            }
        }
        for scalar in name.unicodeScalars {
            // Without the diacritics rule, letters keep their marks and apostrophes stay;
            // a non-ASCII dash or space is still a separator.
            let keepRaw = !enabled.contains(.diacritics) && (scalar == "'" || scalar == "`" || (scalar.value >= 0x80 && !isSeparator(scalar)))
            if keepRaw {
                let text = enabled.contains(.caseFolding) ? String(scalar).lowercased() : String(scalar)
                if scalar.properties.isWhitespace { endWord(); pendingSeparator += Array(text.utf8) } else { current += Array(text.utf8) }
                continue
            }
            switch fold(scalar) {
            case .letter(let l):
                let upper = scalar.value >= 0x41 && scalar.value <= 0x5A
                current.append(upper && !enabled.contains(.caseFolding) ? UInt8(scalar.value) : l)
            case .letters(let ls):
                if enabled.contains(.caseFolding) || !scalar.properties.isUppercase { current += ls }
                else { current += Array(String(decoding: ls, as: UTF8.self).uppercased().utf8) }
            case .ignore: continue
            case .separator:
                endWord()
                pendingSeparator += Array(String(scalar).utf8)
            }
        }
        endWord()
        if enabled.contains(.article) && words.count > 1 {
            var keptWords: [[UInt8]] = [], keptSeparators: [[UInt8]] = []
            for (i, w) in words.enumerated() where !isArticle(Array(String(decoding: w, as: UTF8.self).lowercased().utf8)[...]) {
                if !keptWords.isEmpty { keptSeparators.append(i > 0 ? separators[i - 1] : []) }
                keptWords.append(w)
            }
            words = keptWords; separators = keptSeparators
        }
        for i in words.indices {
            if enabled.contains(.article) { stripJoinedArticle(&words[i]) }
            for rule in NameRule.allCases where rule > .article && enabled.contains(rule) { applyLetterRules(&words[i], only: rule) }
        }
        var out: [UInt8] = []
        for (i, w) in words.enumerated() {
            if i > 0 && !enabled.contains(.separators) { out += separators[i - 1] }
            out += w
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Word rules

    /// The rules after `article`, on one word, in place.
    static func applyLetterRules(_ t: inout [UInt8], only: NameRule? = nil) {
        guard !t.isEmpty else { return }
        let n = t.withUnsafeMutableBufferPointer { WordRules.apply($0.baseAddress!, $0.count, only: only) }
        t.removeLast(t.count - n)
    }

    static func isArticle(_ t: ArraySlice<UInt8>) -> Bool {
        t.withUnsafeBufferPointer { $0.isEmpty ? false : WordRules.isArticle($0.baseAddress!, $0.count) }
    }

    static func stripJoinedArticle(_ t: inout [UInt8]) {
        guard !t.isEmpty else { return }
        let n = t.withUnsafeMutableBufferPointer { WordRules.stripJoinedArticle($0.baseAddress!, $0.count) }
        t.removeLast(t.count - n)
    }

    // MARK: - Scalars

    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        if case .separator = fold(s) { return true }
        return false
    }

    enum Folded {
        case letter(UInt8)
        case letters([UInt8])
        case ignore
        case separator
    }

    /// Case and diacritic folding of one scalar. ASCII takes the fast path.
    static func fold(_ s: Unicode.Scalar) -> Folded {
        let v = s.value
        if v < 0x80 {
            switch v {
            case 0x41...0x5A: return .letter(UInt8(v + 0x20))
            case 0x61...0x7A, 0x30...0x39: return .letter(UInt8(v))
            case 0x27, 0x60: return .ignore  // ' `
            default: return .separator
            }
        }
        switch v {
        // Apostrophe forms and Arabic transliteration marks: ‘ ’ ʿ ʾ ʻ ʼ ′ ´ and the Arabic tatweel.
        case 0x2018, 0x2019, 0x02BF, 0x02BE, 0x02BB, 0x02BC, 0x2032, 0x00B4, 0x02B9, 0x0640: return .ignore
        case 0x0300...0x036F: return .ignore  // combining marks
        default: break
        }
        if let mapped = LatinFolding.table[v] { return .letters(mapped) }
        let props = s.properties
        if props.isAlphabetic || props.numericType != nil {
            return .letters(Array(props.lowercaseMapping.utf8))
        }
        if props.isDiacritic || props.generalCategory == .nonspacingMark { return .ignore }
        return .separator
    }
}

extension StringProtocol {
    /// Without leading and trailing white space.
    public var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
