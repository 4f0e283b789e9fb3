#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Places

/// A failure to write outputs, naming the file and what to do.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// Writes a set of output files into one folder so that a failed or interrupted run
/// leaves the previous files as they were: every file goes to a temporary name in the
/// same folder first (same file system, so the rename is atomic), is flushed to disk,
/// and only when all of them are written are they renamed over the old ones.
public enum OutputFolder {
    /// Writes `files` (name → contents) into `directory`, creating it if needed. Names
    /// are plain file names: a name with a `/` or starting with `.` is refused, so no
    /// output can land outside the folder.
    public static func write(_ files: [(name: String, contents: String)], to directory: String) throws(OutputError) {
        for f in files where f.name.isEmpty || f.name.contains("/") || f.name.hasPrefix(".") || f.name.contains("\0") {
            throw OutputError(path: f.name, message: "not a plain file name; outputs stay inside the output folder")
        }
        try makeDirectory(directory)
        var temporaries: [(temporary: String, final: String)] = []
        func cleanUp() { for t in temporaries { unlink(t.temporary) } }
        for f in files {
            let final = directory + "/" + f.name
            let temporary = directory + "/." + f.name + ".tmp-\(getpid())"
            temporaries.append((temporary, final))
            do { try writeFile(temporary, f.contents) } catch { cleanUp(); throw error }
        }
        for (i, t) in temporaries.enumerated() where rename(t.temporary, t.final) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in temporaries[i...] { unlink(rest.temporary) }
            throw OutputError(path: t.final, message: "cannot replace it (\(reason))")
        }
    }

    /// The names in `directory` (no error when it does not exist).
    public static func names(in directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Removes a file of an earlier run that this run no longer produces.
    public static func remove(_ name: String, in directory: String) {
        guard !name.contains("/"), !name.hasPrefix(".") else { return }
        unlink(directory + "/" + name)
    }

    static func makeDirectory(_ path: String) throws(OutputError) {
        var st = stat()
        if stat(path, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFDIR else { throw OutputError(path: path, message: "exists and is not a directory; give --out a folder") }
            return
        }
        let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !parent.isEmpty, parent != path { try makeDirectory(parent) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw OutputError(path: path, message: "cannot create the output folder (\(String(cString: strerror(errno))))")
        }
    }

    static func writeFile(_ path: String, _ contents: String) throws(OutputError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: path, message: "cannot create (\(String(cString: strerror(errno)))); check the folder is writable") }
        guard writeAllBytes(Array(contents.utf8), to: fd) else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw OutputError(path: path, message: "write failed (\(reason)); is the disk full?")
        }
        guard fsync(fd) == 0, close(fd) == 0 else { throw OutputError(path: path, message: "cannot flush to disk (\(String(cString: strerror(errno))))") }
    }
}
