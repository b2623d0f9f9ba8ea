#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shell history on disk (`~/.swerl_history`), in libedit's format: a
/// `_HiStOrY_V2_` line, then one entry per line with spaces, newlines,
/// backslashes and non-ASCII bytes written as `\ooo` octal escapes, so a
/// multi-line expression stays one entry (libedit's `read_history` reads
/// the file too).
///
/// Swerl writes the file itself instead of calling libedit's
/// `append_history`, which in libedit 3.1-20221030 writes the previous
/// entry again on every call. Each entry is added with one `write(2)` on a
/// file opened `O_APPEND`, so it is on disk (in the page cache) before the
/// expression runs and a SIGKILL loses nothing. The file is created with
/// mode 0600: it may hold secrets typed at the prompt.
public struct HistoryFile: Sendable {
    /// The file's path.
    public let path: String

    /// The first line of the file.
    public static let header = "_HiStOrY_V2_"

    /// The history file at `path` (nothing is touched yet).
    public init(path: String) {
        self.path = path
    }

    /// Creates the file, empty and private (0600), unless it exists.
    public func create() throws(LineEditingError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotOpen(path: path, errno: errno) }
        close(fd)
    }

    /// The entries in the file, oldest first; empty if it cannot be read.
    public func entries() -> [String] {
        guard let bytes = Self.readAll(path) else { return [] }
        var result: [String] = []
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            if line.elementsEqual(Self.header.utf8) { continue }
            result.append(Self.decode(line))
        }
        return result
    }

    /// Appends `entry` with a single write, adding the header to a new file.
    public func append(_ entry: String) throws(LineEditingError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotOpen(path: path, errno: errno) }
        defer { close(fd) }
        var record: [UInt8] = []
        if lseek(fd, 0, SEEK_END) == 0 { record += Array((Self.header + "\n").utf8) }
        record += Self.encode(entry)
        record.append(UInt8(ascii: "\n"))
        guard Self.writeAll(fd, record) else { throw .cannotWrite(path: path, errno: errno) }
    }

    /// Rewrites the file with only its last `limit` entries, when it holds
    /// more. The new content replaces the old atomically (rename), with
    /// mode 0600.
    public func compact(keepingLast limit: Int) throws(LineEditingError) {
        let all = entries()
        guard all.count > limit else { return }
        var content = Array((Self.header + "\n").utf8)
        for entry in all.suffix(limit) {
            content += Self.encode(entry)
            content.append(UInt8(ascii: "\n"))
        }
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotOpen(path: temporary, errno: errno) }
        let written = Self.writeAll(fd, content)
        let code = errno
        close(fd)
        guard written, rename(temporary, path) == 0 else {
            let failure = written ? errno : code
            unlink(temporary)
            throw .cannotWrite(path: path, errno: failure)
        }
    }

    /// One entry as one line: printable ASCII but space and backslash is
    /// kept, every other byte becomes `\ooo`.
    static func encode(_ entry: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entry.utf8.count)
        for byte in entry.utf8 {
            if byte > 0x20 && byte < 0x7f && byte != UInt8(ascii: "\\") {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "0") + (byte >> 6))
                out.append(UInt8(ascii: "0") + ((byte >> 3) & 7))
                out.append(UInt8(ascii: "0") + (byte & 7))
            }
        }
        return out
    }

    /// Reverses `encode`; also reads `\\` (libedit's escape for a
    /// backslash). Anything else after a backslash is kept as it is.
    static func decode(_ line: some Collection<UInt8>) -> String {
        let bytes = Array(line)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        func isOctal(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "7") }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\\"), i + 3 < bytes.count,
               isOctal(bytes[i + 1]), isOctal(bytes[i + 2]), isOctal(bytes[i + 3]) {
                let value = (Int(bytes[i + 1] - 48) << 6) | (Int(bytes[i + 2] - 48) << 3) | Int(bytes[i + 3] - 48)
                out.append(UInt8(truncatingIfNeeded: value))
                i += 4
            } else if b == UInt8(ascii: "\\"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\\") {
                out.append(b)
                i += 2
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func readAll(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var data: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(fd, &block, block.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            data += block[0..<n]
        }
        return data
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(fd, base + offset, raw.count - offset)
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }
}
