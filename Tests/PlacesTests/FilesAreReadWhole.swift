import Foundation
import Places
import Testing

/// `readFileBytes` sizes its buffer from fstat, then reads on until the end: a file whose
/// size fstat gets right must come back byte for byte (without the buffer doubling that
/// made a 50 MB report cost 150 MB), and one it reports as empty (/proc) must still be read.
@Suite("Files are read whole")
struct FilesAreReadWhole {
    @Test("A file comes back byte for byte, at and around the buffer sizes", arguments: [0, 1, 4095, 4096, 65_536, 65_537, 300_001])
    func fileComesBackWhole(size: Int) throws {
        try withTemporaryDirectory { dir in
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / 251) }
            try dir.write(bytes: bytes, to: "data.bin")
            #expect(try readFileBytes(dir.appendingPathComponent("data.bin").path) == bytes)
        }
    }

    @Test("A file whose size the system gives as 0 (/proc) is read to its end",
          .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status"), "Linux"))
    func procFileIsRead() throws {
        let text = String(decoding: try readFileBytes("/proc/self/status"), as: UTF8.self)
        #expect(text.hasPrefix("Name:"))
        #expect(text.contains("\nPid:"))
    }
}
