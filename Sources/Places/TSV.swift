import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tab-separated text read straight from bytes: one pass, fields as byte ranges, no
/// per-line String until a field is needed. GeoNames dumps are 1.5 GB; this is why.
struct TSVFile {
    let path: String
    let bytes: [UInt8]

    init(path: String) throws(GazetteerError) {
        self.path = path
        do { self.bytes = try readFileBytes(path) } catch { throw GazetteerError(file: path, message: error.message) }
    }

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Calls `body` for every line that is not empty and not a `#` comment, with its
    /// 1-based line number and the byte ranges of its fields.
    func forEachLine(in range: Range<Int>? = nil, firstLine: Int = 1, stopAfterFirst: Bool = false,
                     _ body: (Int, [Range<Int>], UnsafeBufferPointer<UInt8>) throws(GazetteerError) -> Void) throws(GazetteerError) {
        try bytes.withUnsafeBufferPointer { (buf) throws(GazetteerError) in
            var lineNumber = firstLine - 1
            var start = range?.lowerBound ?? 0
            var fields: [Range<Int>] = []
            fields.reserveCapacity(20)
            let n = range?.upperBound ?? buf.count
            if start == 0, n >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF { start = 3 }
            while start < n {
                lineNumber += 1
                var end = start
                fields.removeAll(keepingCapacity: true)
                var fieldStart = start
                while end < n, buf[end] != 0x0A {
                    if buf[end] == 0x09 { fields.append(fieldStart..<end); fieldStart = end + 1 }
                    else if buf[end] == 0 { throw GazetteerError(file: path, line: lineNumber, message: "contains a NUL byte: not a text file") }
                    end += 1
                }
                var lineEnd = end
                if lineEnd > start, buf[lineEnd - 1] == 0x0D { lineEnd -= 1 }  // CRLF
                fields.append(fieldStart..<max(fieldStart, lineEnd))
                if lineEnd > start, buf[start] != UInt8(ascii: "#") {
                    try body(lineNumber, fields, buf)
                    if stopAfterFirst { return }
                }
                start = end + 1
            }
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The field as a String, or nil when it is not valid UTF-8.
    func string(_ range: Range<Int>) -> String? {
        String(validating: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self)
    }

    /// A plain decimal number ("-12.5", "35", "3e2"), or nil. Rejects nan and inf.
    func double(_ range: Range<Int>) -> Double? {
        guard !range.isEmpty, range.count < 40 else { return nil }
        // Fast path for what GeoNames writes: optional sign, digits, optional fraction.
        var i = range.lowerBound
        var negative = false
        if self[i] == UInt8(ascii: "-") { negative = true; i += 1 } else if self[i] == UInt8(ascii: "+") { i += 1 }
        var intPart: Int64 = 0, fracPart: Int64 = 0, fracDigits = 0, digits = 0
        while i < range.upperBound, self[i] >= 0x30, self[i] <= 0x39, digits < 15 {
            intPart = intPart * 10 + Int64(self[i] - 0x30); i += 1; digits += 1
        }
        if i < range.upperBound, self[i] == UInt8(ascii: ".") {
            i += 1
            while i < range.upperBound, self[i] >= 0x30, self[i] <= 0x39, fracDigits < 15 {
                fracPart = fracPart * 10 + Int64(self[i] - 0x30); i += 1; fracDigits += 1; digits += 1
            }
        }
        if i == range.upperBound, digits > 0, fracDigits < 10 {
            let value = Double(intPart) + Double(fracPart) / pow10[fracDigits]
            return negative ? -value : value
        }
        // Anything else (exponents, long fractions): the standard parser, still no nan/inf.
        guard let s = string(range), s.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let d = Double(s), d.isFinite else { return nil }
        return d
    }

    func int(_ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count < 19 else { return nil }
        var v = 0
        for i in range {
            guard self[i] >= 0x30, self[i] <= 0x39 else { return nil }
            v = v * 10 + Int(self[i] - 0x30)
        }
        return v
    }

    func equals(_ range: Range<Int>, _ text: StaticString) -> Bool {
        guard range.count == text.utf8CodeUnitCount else { return false }
        let t = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        for (k, i) in range.enumerated() where self[i] != t[k] { return false }
        return true
    }
}

private let pow10: [Double] = (0...16).map { (0..<$0).reduce(1.0) { a, _ in a * 10 } }

extension TSVFile {
    /// Splits the bytes from `start` into about `parts` ranges that end at line ends.
    func chunks(from start: Int, parts: Int) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { buf in
            var out: [Range<Int>] = []
            var lo = start
            for part in 1...parts {
                var hi = part == parts ? buf.count : max(lo, start + (buf.count - start) * part / parts)
                while hi < buf.count, hi > 0, buf[hi - 1] != 0x0A { hi += 1 }
                if hi > lo { out.append(lo..<hi) }
                lo = hi
            }
            return out
        }
    }

    /// The 1-based line number at byte `offset` (for messages about a chunk's lines).
    func lineNumber(at offset: Int) -> Int {
        bytes.withUnsafeBufferPointer { buf in
            var line = 1
            for i in 0..<min(offset, buf.count) where buf[i] == 0x0A { line += 1 }
            return line
        }
    }
}

public struct FileReadError: Error, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
}

/// Writes all of `bytes` to a file descriptor, retrying short and interrupted writes.
/// Returns false when the descriptor stops taking bytes (a closed pipe, a full disk);
/// `errno` says why.
public func writeAllBytes(_ bytes: [UInt8], to fd: Int32) -> Bool {
    var done = 0
    while done < bytes.count {
        let n = bytes.withUnsafeBytes { buf in
            #if canImport(Glibc)
            Glibc.write(fd, buf.baseAddress! + done, buf.count - done)
            #else
            Darwin.write(fd, buf.baseAddress! + done, buf.count - done)
            #endif
        }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return false }
        done += n
    }
    return true
}

/// Reads a whole file into one array with POSIX calls: no intermediate Data copy (a world
/// gazetteer is 34 MB).
public func readFileBytes(_ path: String) throws(FileReadError) -> [UInt8] {
    switch FileKind(path) {
    case .missing: throw FileReadError(message: "no such file")
    case .directory: throw FileReadError(message: "is a directory, expected a file")
    case .file: break
    }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw FileReadError(message: "cannot be read: \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw FileReadError(message: "cannot be read: \(String(cString: strerror(errno)))") }
    var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0))
    var filled = 0
    while true {
        if filled == bytes.count {
            // Full at the size fstat gave (pipes and /proc files say 0): read on into a small
            // buffer. Doubling the array here just to see the end of the file copied a 50 MB
            // report twice over.
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileReadError(message: "cannot be read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            bytes += chunk[..<n]
            filled += n
            continue
        }
        let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
        if n < 0 {
            if errno == EINTR { continue }
            throw FileReadError(message: "cannot be read: \(String(cString: strerror(errno)))")
        }
        if n == 0 { break }
        filled += n
    }
    bytes.removeLast(bytes.count - filled)
    return bytes
}

/// Result slots that concurrent workers fill, one slot per worker: each index is written
/// by exactly one iteration of `concurrentPerform` and read after it returns.
final class ParallelSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    subscript(i: Int) -> T? {
        get { slots.withUnsafeBufferPointer { $0[i] } }
        set { slots.withUnsafeMutableBufferPointer { $0[i] = newValue } }
    }
}

/// What is at a path (stat, following links).
public enum FileKind: Sendable {
    case missing, file, directory

    public init(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { self = .missing; return }
        self = (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }
}
