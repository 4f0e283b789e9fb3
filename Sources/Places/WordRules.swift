/// The word rules of the name normaliser on raw bytes: each takes a word of folded ASCII
/// in place and returns its new length (never longer). One implementation serves the
/// explained, step-by-step path (`NameNormalizer.stages`) and the hot path
/// (`NameKeyBuilder`), so the two cannot disagree.
enum WordRules {
    typealias Word = UnsafeMutablePointer<UInt8>

    static let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i"), o = UInt8(ascii: "o")
    static let u = UInt8(ascii: "u"), w = UInt8(ascii: "w"), y = UInt8(ascii: "y"), h = UInt8(ascii: "h")
    static let l = UInt8(ascii: "l"), b = UInt8(ascii: "b"), q = UInt8(ascii: "q"), k = UInt8(ascii: "k")

    @inline(__always) static func isVowel(_ c: UInt8) -> Bool { c == a || c == e || c == i || c == o || c == u }

    /// The rules after `article`, in order; with `only`, just that one.
    @inline(__always)
    static func apply(_ t: Word, _ count: Int, only: NameRule? = nil) -> Int {
        var n = count
        if only == nil || only == .abu { n = abu(t, n) }
        if only == nil || only == .qk { for j in 0..<n where t[j] == q { t[j] = k } }
        if only == nil || only == .vowels { n = vowels(t, n) }
        if only == nil || only == .doubledLetters { n = undouble(t, n) }
        if only == nil || only == .finalVowel { n = finalVowel(t, n) }
        return n
    }

    /// Articles as separate words: al el il ul ad ar as az at an (and e- forms), ash ath
    /// adh esh, and "e" (the elided form in "Deir e-Zor") and "l".
    static func isArticle(_ t: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        switch n {
        case 1: return t[0] == e || t[0] == l
        case 2:
            if t[0] == a || t[0] == e {
                switch t[1] {
                case l, UInt8(ascii: "d"), UInt8(ascii: "r"), UInt8(ascii: "s"), UInt8(ascii: "z"), UInt8(ascii: "t"), UInt8(ascii: "n"): return true
                default: return false
                }
            }
            return (t[0] == i || t[0] == u) && t[1] == l
        case 3:
            guard t[2] == h else { return false }
            return (t[0] == a && (t[1] == UInt8(ascii: "s") || t[1] == UInt8(ascii: "t") || t[1] == UInt8(ascii: "d"))) || (t[0] == e && t[1] == UInt8(ascii: "s"))
        default: return false
        }
    }

    /// Letters that assimilate the article's l ("sun letters"), as in az-Zor → Ezzor.
    @inline(__always) static func isSunLetter(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "t"), UInt8(ascii: "d"), UInt8(ascii: "r"), UInt8(ascii: "z"), UInt8(ascii: "s"), UInt8(ascii: "n"), l: true
        default: false
        }
    }

    /// "ezzor" → "zor", "assukhnah" → "sukhnah": a or e, a doubled sun letter, and at
    /// least two more letters. "alhasakah" is left alone: only the assimilated form is
    /// unambiguous inside a word.
    static func stripJoinedArticle(_ t: Word, _ n: Int) -> Int {
        guard n >= 5, t[0] == a || t[0] == e, t[1] == t[2], isSunLetter(t[1]) else { return n }
        return remove(t, n, at: 0, count: 2)
    }

    /// abu, abou, albu as a word or a prefix all become "bu".
    static func abu(_ t: Word, _ n: Int) -> Int {
        guard n >= 3, t[0] == a else { return n }
        if n >= 4, t[1] == l, t[2] == b, t[3] == u { return remove(t, n, at: 0, count: 2) }        // albu → bu
        if n >= 4, t[1] == b, t[2] == o, t[3] == u {                                              // abou → bu
            t[2] = b; t[3] = u
            return remove(t, n, at: 0, count: 2)
        }
        if t[1] == b, t[2] == u { return remove(t, n, at: 0, count: 1) }                          // abu → bu
        return n
    }

    /// ei ey ay ai ie ee → i (Deir/Dayr/Dair, Mayadeen); ou oo → u; aw ow → u unless a
    /// vowel follows; o → u. "ay" before a vowel is a consonant y and stays (Mayadin).
    static func vowels(_ t: Word, _ n: Int) -> Int {
        var r = 0, wr = 0
        while r < n {
            let c = t[r]
            let next: UInt8 = r + 1 < n ? t[r + 1] : 0
            let after: UInt8 = r + 2 < n ? t[r + 2] : 0
            if ((c == e || c == a) && (next == i || (next == y && !isVowel(after)))) || (c == i && next == e) || (c == e && next == e) {
                t[wr] = i; wr += 1; r += 2; continue
            }
            if (c == o && (next == u || next == o)) || ((c == a || c == o) && next == w && !isVowel(after)) {
                t[wr] = u; wr += 1; r += 2; continue
            }
            t[wr] = c == o ? u : c
            wr += 1; r += 1
        }
        return wr
    }

    /// Doubled letters are single (digits keep their doubles: "17th").
    static func undouble(_ t: Word, _ n: Int) -> Int {
        guard n > 1 else { return n }
        var wr = 1
        for r in 1..<n {
            let c = t[r]
            if c == t[wr - 1] && c >= a && c <= UInt8(ascii: "z") { continue }
            t[wr] = c; wr += 1
        }
        return wr
    }

    /// A final -ah/-eh loses its h, and a final -e is -a (Raqqah = Raqqa, Hasakeh = Hasaka).
    static func finalVowel(_ t: Word, _ n: Int) -> Int {
        guard n > 2 else { return n }
        var m = n
        if t[m - 1] == h, t[m - 2] == a || t[m - 2] == e { m -= 1 }
        if t[m - 1] == e { t[m - 1] = a }
        return m
    }

    @inline(__always)
    static func remove(_ t: Word, _ n: Int, at start: Int, count: Int) -> Int {
        var r = start + count
        var wr = start
        while r < n { t[wr] = t[r]; wr += 1; r += 1 }
        return n - count
    }
}
