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

    /// The same, for synchronous callers (the command line).
    public static func read(_ reports: [Report], gazetteer: Gazetteer, table: NameTable? = nil) -> [Extraction] {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await read(reports, gazetteer: gazetteer, table: table)
            done.signal()
        }
        done.wait()
        return box.value
    }

    private final class ResultBox: @unchecked Sendable { var value: [Extraction] = [] }
}
