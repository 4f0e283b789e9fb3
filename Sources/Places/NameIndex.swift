/// Name keys to places, as one sorted array of packed entries: the high 40 bits of the
/// key's FNV-1a hash and a 24-bit place number. A world gazetteer has over a million
/// names; this keeps them in 8 bytes each, builds with a radix sort in milliseconds and
/// answers with a binary search. Hash collisions are possible (about one in a million
/// lookups at world size), so callers confirm candidates by their names.
struct NameIndex: Sendable {
    static let placeBits: UInt64 = 24
    /// Place numbers stay below the two markers.
    static let maximumPlaces = (1 << 24) - 2
    static let placeMask: UInt64 = (1 << placeBits) - 1
    /// The place number of a prefix entry (never a real place: see `maximumPlaces`).
    static let prefixMarker = Int(placeMask)
    /// The place number of a continuation entry: the hash of a key word that is some name's
    /// second word or later ("zor" of "Deir ez-Zor").
    static let continuationMarker = Int(placeMask) - 1

    /// Whether an entry is a prefix's or a continuation's, not a place's.
    @inline(__always)
    static func isMarker(_ entry: UInt64) -> Bool { Int(entry & placeMask) >= continuationMarker }

    private(set) var entries: [UInt64] = []

    /// Accumulates entries before `finish()`.
    struct Builder {
        var entries: [UInt64] = []

        mutating func add(hash: UInt64, place: Int) {
            entries.append((hash & ~NameIndex.placeMask) | UInt64(place))
        }

        /// Records that some name's key starts with this hash's words.
        mutating func addPrefix(hash: UInt64) {
            entries.append(hash | NameIndex.placeMask)
        }

        /// Records that some name has a word after its first with this hash (the word's own).
        mutating func addContinuation(hash: UInt64) {
            entries.append((hash & ~NameIndex.placeMask) | UInt64(NameIndex.continuationMarker))
        }

        /// Sorts and removes duplicate (name, place) entries.
        func finish() -> NameIndex {
            var sorted = NameIndex.radixSorted(entries)
            var w = 0
            for r in sorted.indices where r == 0 || sorted[r] != sorted[w - 1] {
                sorted[w] = sorted[r]; w += 1
            }
            sorted.removeLast(sorted.count - w)
            return NameIndex(entries: sorted)
        }
    }

    /// The places whose names hash like this key, in place order.
    func places(forHash hash: UInt64) -> [Int] {
        let top = hash & ~NameIndex.placeMask
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid] & ~NameIndex.placeMask < top { lo = mid + 1 } else { hi = mid }
        }
        var out: [Int] = []
        while lo < entries.count, entries[lo] & ~NameIndex.placeMask == top {
            let place = Int(entries[lo] & NameIndex.placeMask)
            if place < NameIndex.continuationMarker { out.append(place) }
            lo += 1
        }
        return out
    }

    /// Calls `body` with each distinct hash (its high 40 bits) and whether it is a whole
    /// name's, whether it is a prefix of one, and whether it is a word that continues one.
    func forEachHash(_ body: (_ top: UInt64, _ isName: Bool, _ isPrefix: Bool, _ isContinuation: Bool) -> Void) {
        var i = 0
        while i < entries.count {
            let top = entries[i] & ~NameIndex.placeMask
            var name = false, prefix = false, continuation = false
            while i < entries.count, entries[i] & ~NameIndex.placeMask == top {
                switch Int(entries[i] & NameIndex.placeMask) {
                case NameIndex.prefixMarker: prefix = true
                case NameIndex.continuationMarker: continuation = true
                default: name = true
                }
                i += 1
            }
            body(top, name, prefix, continuation)
        }
    }

    /// LSD radix sort on the 40 hash bits, 8 bits a pass; stable, so places stay ordered.
    static func radixSorted(_ input: [UInt64]) -> [UInt64] {
        var a = input
        var b = [UInt64](repeating: 0, count: input.count)
        var counts = [Int](repeating: 0, count: 257)
        var shift: UInt64 = placeBits
        while shift < 64 {
            for i in counts.indices { counts[i] = 0 }
            for v in a { counts[Int((v >> shift) & 0xFF) + 1] += 1 }
            for i in 1..<257 { counts[i] += counts[i - 1] }
            for v in a {
                let d = Int((v >> shift) & 0xFF)
                b[counts[d]] = v
                counts[d] += 1
            }
            swap(&a, &b)
            shift += 8
        }
        return a
    }
}
