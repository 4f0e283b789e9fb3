// Shared by every fuzz target (compiled into each): the bundled gazetteer, loaded once per
// process so each input costs only the code under test.
import FoundationEssentials
import Glibc
@testable import Places

/// The repository's `Gazetteer/` directory: `scripts/fuzz` passes it in the environment,
/// since a fuzz binary runs from wherever libFuzzer was started.
let fuzzGazetteer: Gazetteer = {
    let dir = ProcessInfo.processInfo.environment["CONFLICTMAP_FUZZ_GAZETTEER"] ?? "Gazetteer"
    do { return try Gazetteer.load(directory: dir) } catch { fatalError("fuzz setup: cannot load the gazetteer at \(dir): \(error)") }
}()

/// Writes `bytes` to a scratch file in a per-process temporary directory and returns its path:
/// the scenario and gazetteer readers take paths, as the command line gives them.
func scratchFile(_ name: String, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let path = scratchDirectory + "/" + name
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(fd >= 0, "fuzz setup: cannot write \(path)")
    var offset = 0
    while offset < bytes.count {
        let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        precondition(n > 0, "fuzz setup: write failed")
        offset += n
    }
    close(fd)
    return path
}

let scratchDirectory: String = {
    let path = "/tmp/conflictmap-fuzz-\(getpid())"
    mkdir(path, 0o700)
    return path
}()
