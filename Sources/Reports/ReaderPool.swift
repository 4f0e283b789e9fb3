import Dispatch
import FoundationEssentials
import Places

/// Reads many reports on all cores: one `Reader` per task over a shared `NameTable`,
/// results in input order, identical to reading them one by one.
public enum ReaderPool {
    public static func read(_ reports: [Report], gazetteer: Gazetteer, table: NameTable? = nil) async -> [Extraction] {
        let table = table ?? NameTable(gazetteer)
        let workers = max(1, min(reports.count, ProcessInfo.processInfo.activeProcessorCount))
        if workers <= 1 {
            let reader = Reader(gazetteer: gazetteer, table: table)
            return reports.map(reader.read)
        }
        return await withTaskGroup(of: [(Int, Extraction)].self) { group in
            for w in 0..<workers {
                group.addTask {
                    let reader = Reader(gazetteer: gazetteer, table: table)
                    return stride(from: w, to: reports.count, by: workers).map { ($0, reader.read(reports[$0])) }
                }
            }
            var out = [Extraction?](repeating: nil, count: reports.count)
            for await part in group { for (i, x) in part { out[i] = x } }
            return out.map { $0! }
        }
    }

    /// The same, for synchronous callers (the command line, tests), on Dispatch threads:
    /// waiting on a Task from a thread of Swift's cooperative pool would deadlock once
    /// every pool thread waits, so this never enters the pool.
    /// `workers`: threads to use (default: one per core).
    public static func read(_ reports: [Report], gazetteer: Gazetteer, table: NameTable? = nil, workers: Int? = nil) -> [Extraction] {
        let table = table ?? NameTable(gazetteer)
        let workers = max(1, min(reports.count, workers ?? ProcessInfo.processInfo.activeProcessorCount))
        // One slot per report, each written by exactly one worker: no lock needed.
        let slots = UnsafeMutableBufferPointer<Extraction?>.allocate(capacity: reports.count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize(); slots.deallocate() }
        let shared = SlotsBox(slots)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let reader = Reader(gazetteer: gazetteer, table: table)
            for i in stride(from: w, to: reports.count, by: workers) { shared.slots[i] = reader.read(reports[i]) }
        }
        return slots.map { $0! }
    }

    private struct SlotsBox: @unchecked Sendable {
        let slots: UnsafeMutableBufferPointer<Extraction?>
        init(_ slots: UnsafeMutableBufferPointer<Extraction?>) { self.slots = slots }
    }
}
