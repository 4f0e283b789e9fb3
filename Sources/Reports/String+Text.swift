extension StringProtocol {
    /// Without leading and trailing punctuation.
    var trimmingPunctuation: String {
        var s = Substring(self)
        while let f = s.first, f.isPunctuation { s = s.dropFirst() }
        while let l = s.last, l.isPunctuation { s = s.dropLast() }
        return String(s)
    }
}
