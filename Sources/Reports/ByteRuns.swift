import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Places

/// Runs of bytes, numbered in the order first met: how the reader knows a name as written
/// (a report names the same places over and over) without hashing or comparing every byte.
/// A run is looked up by a hash of its first 16 bytes and its length (two multiplications;
/// the bytes past the 16th go into the hash one by one), then confirmed by those 16 bytes
/// and, past them, the rest: a hash collision costs a probe, never a wrong number.
struct ByteRuns {
    private struct Slot {
        var hash: UInt64 = 0
        /// The run's first 16 bytes (`NameScanner.head`); all its bytes are in `bytes`.
        var head0: UInt64 = 0, head1: UInt64 = 0
        var start: UInt32 = 0, count: UInt32 = 0
        /// The run's number + 1; 0 marks an empty slot.
        var number: Int32 = 0
    }

    /// An open-addressing table, at most half full.
    private var slots = [Slot](repeating: Slot(), count: 1024)
    /// Every run's bytes, back to back: the ones past the 16th confirm a long run.
    private var bytes: [UInt8] = []
    /// Runs numbered so far.
    private(set) var count = 0

    /// The number of the run `r` of `text`, and whether it was numbered just now.
    mutating func number(_ text: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> (number: Int, isNew: Bool) {
        let run = UnsafeBufferPointer(rebasing: text[r])
        let head = NameScanner.head(text, r.lowerBound, r.count)
        var h = (head.0 &* 0x9E37_79B9_7F4A_7C15) ^ ((head.1 ^ UInt64(truncatingIfNeeded: r.count)) &* 0xC2B2_AE3D_27D4_EB4F)
        if r.count > 16 {
            for b in run[16...] { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        }
        h ^= h >> 29
        let mask = slots.count - 1
        var s = ByteRuns.slot(h, mask)
        while slots[s].number != 0 {
            let slot = slots[s]
            if slot.hash == h, Int(slot.count) == r.count, slot.head0 == head.0, slot.head1 == head.1, r.count <= 16 || bytes.withUnsafeBufferPointer({ stored in
                memcmp(stored.baseAddress! + Int(slot.start) + 16, run.baseAddress! + 16, r.count - 16) == 0
            }) {
                return (Int(slot.number) - 1, false)
            }
            s = (s + 1) & mask
        }
        slots[s] = Slot(hash: h, head0: head.0, head1: head.1, start: UInt32(bytes.count), count: UInt32(r.count), number: Int32(count + 1))
        bytes.append(contentsOf: run)
        count += 1
        if count * 2 > slots.count { grow() }
        return (count - 1, true)
    }

    /// Forgets every run: numbering starts again from 0.
    mutating func removeAll() {
        for s in slots.indices { slots[s] = Slot() }
        bytes.removeAll(keepingCapacity: true)
        count = 0
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.number != 0 {
            var t = ByteRuns.slot(slot.hash, mask)
            while slots[t].number != 0 { t = (t + 1) & mask }
            slots[t] = slot
        }
    }

    @inline(__always)
    private static func slot(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E3779B97F4A7C15) >> 32) & mask
    }
}
