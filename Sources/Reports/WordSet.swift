/// Word hashes (`Lexicon.hash`) to values, in an open-addressing table: the reader asks
/// its word lists about every token, and `Dictionary`/`Set` hash a hash again with SipHash
/// on each question. FNV-1a hashes are spread well enough to index slots directly after
/// one multiply.
struct WordMap<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var mask: Int
    /// The key 0 marks an empty slot, so a value for it is kept aside.
    private var zeroValue: Value?
    private(set) var count = 0

    init(_ entries: some Sequence<(UInt64, Value)>) {
        let list = Array(entries)
        var size = 16
        while size < list.count * 3 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
        // As a dictionary built by assignment: a later entry replaces an earlier one.
        for (key, value) in list { self[key] = value }
    }

    init() { self.init([]) }

    /// An empty map with room for `capacity` keys before it first grows.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E3779B97F4A7C15) >> 32) & mask
    }

    /// Setting a value adds or replaces it (no removal: the reader's lists only grow).
    subscript(_ key: UInt64) -> Value? {
        @inline(__always) get {
            if key == 0 { return zeroValue }
            return keys.withUnsafeBufferPointer { keys in
                var s = WordMap.slot(key, mask)
                while true {
                    let k = keys[s]
                    if k == key { return values[s] }
                    if k == 0 { return nil }
                    s = (s + 1) & mask
                }
            }
        }
        set {
            guard let newValue else { preconditionFailure("WordMap does not remove keys") }
            if key == 0 {
                if zeroValue == nil { count += 1 }
                zeroValue = newValue
                return
            }
            var s = WordMap.slot(key, mask)
            while keys[s] != 0 && keys[s] != key { s = (s + 1) & mask }
            if keys[s] == 0 {
                count += 1
                keys[s] = key
            }
            values[s] = newValue
            if count * 2 > keys.count { grow() }
        }
    }

    /// Every key, in no particular order.
    var allKeys: [UInt64] { keys.filter { $0 != 0 } + (zeroValue == nil ? [] : [0]) }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Value?](repeating: nil, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (k, key) in oldKeys.enumerated() where key != 0 {
            var s = WordMap.slot(key, mask)
            while keys[s] != 0 { s = (s + 1) & mask }
            keys[s] = key
            values[s] = oldValues[k]
        }
    }
}

/// A set of word hashes, on `WordMap`.
struct WordSet: Sendable {
    private var map: WordMap<Bool>

    init(hashes: some Sequence<UInt64>) {
        map = WordMap(hashes.map { ($0, true) })
    }

    /// The set of the words' `Lexicon.hash`.
    init(_ words: [String]) {
        self.init(hashes: words.map(Lexicon.hash))
    }

    init() { map = WordMap() }

    /// An empty set with room for `capacity` words before it first grows.
    init(capacity: Int) { map = WordMap(capacity: capacity) }

    /// Adds a word (a lookup, and a store only when it is new).
    mutating func insert(_ hash: UInt64) { if map[hash] == nil { map[hash] = true } }

    @inline(__always)
    func contains(_ hash: UInt64) -> Bool { map[hash] != nil }

    var count: Int { map.count }

    /// Every word hash in the set, in no particular order.
    var hashes: [UInt64] { map.allKeys }
}
