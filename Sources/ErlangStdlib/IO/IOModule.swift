import ErlangRuntime
import ErlangTerms

/// The `io` module: formatted and plain output to an I/O device. Every
/// device Swerl knows (`standard_io`, `standard_error`, `user`, a pid or a
/// registered name) writes to the runtime's output sink. Mirrors OTP's `io`.
///
/// A bad format or argument raises `badarg` with no stacktrace, so the
/// caller's frame `{io, format, Args, []}` is added; the shell explains it
/// (`*** argument 1: wrong number of arguments`).
enum IOModule {
    /// The exported functions.
    static let functions: FunctionTable = [
        bif("format", 1, { p, a in try write(p, .atom(.standardIO), try ErlangFormat.format(a[0], .nil)) }),
        bif("format", 2, { p, a in try write(p, .atom(.standardIO), try ErlangFormat.format(a[0], a[1])) }),
        bif("format", 3, { p, a in
            try checkDevice(p, a[0])
            return try write(p, a[0], try ErlangFormat.format(a[1], a[2]))
        }),
        bif("fwrite", 1, { p, a in try write(p, .atom(.standardIO), try ErlangFormat.format(a[0], .nil)) }),
        bif("fwrite", 2, { p, a in try write(p, .atom(.standardIO), try ErlangFormat.format(a[0], a[1])) }),
        bif("fwrite", 3, { p, a in
            try checkDevice(p, a[0])
            return try write(p, a[0], try ErlangFormat.format(a[1], a[2]))
        }),
        bif("put_chars", 1, { p, a in try write(p, .atom(.standardIO), try characters(a[0])) }),
        bif("put_chars", 2, { p, a in
            try checkDevice(p, a[0])
            return try write(p, a[0], try characters(a[1]))
        }),
        bif("nl", 0, { p, _ in try write(p, .atom(.standardIO), "\n") }),
        bif("nl", 1, { p, a in
            try checkDevice(p, a[0])
            return try write(p, a[0], "\n")
        }),
        bif("write", 1, { p, a in try write(p, .atom(.standardIO), TermWriter.write(a[0])) }),
        bif("write", 2, { p, a in
            try checkDevice(p, a[0])
            return try write(p, a[0], TermWriter.write(a[1]))
        }),
        bif("columns", 0, { _, _ in notSupported }),
        bif("columns", 1, { _, _ in notSupported }),
        bif("rows", 0, { _, _ in notSupported }),
        bif("rows", 1, { _, _ in notSupported }),
        bif("printable_range", 0, { _, _ in .atom("latin1") }),
    ]

    /// `{error, enotsup}`: piped output has no terminal size.
    static let notSupported = Term.tuple([.atom("error"), .atom("enotsup")])

    /// Writes `text` to `device` and answers `ok`. In latin1 mode (erl's
    /// standard_io when it reads a pipe) a character above 255 is written
    /// as `\x{3E8}`.
    static func write(_ process: ErlangProcess, _ device: Term, _ text: String) throws -> Term {
        guard encoding(process) == .latin1, text.unicodeScalars.contains(where: { $0.value > 255 }) else {
            process.runtime.output.write(text)
            return .ok
        }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value > 255 {
                out += IOEncoding.latin1Escape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        process.runtime.output.write(out)
        return .ok
    }

    /// Raises `badarg` unless `device` names an I/O device.
    static func checkDevice(_ process: ErlangProcess, _ device: Term) throws {
        switch device {
        case .pid: return
        case .atom(let name):
            if name == .standardIO || name == .standardError || name == .user { return }
            if process.runtime.whereis(name) != nil { return }
            throw ErlangException.badarg
        case .int, .bigInt, .float, .tuple, .nil, .cons, .map, .binary, .ref, .fun:
            throw ErlangException.badarg
        }
    }

    /// The text of `unicode:chardata()` (code points and UTF-8 binaries), or `badarg`.
    static func characters(_ term: Term) throws -> String {
        guard let data = CharData(term) else { throw ErlangException.badarg }
        var scalars = String.UnicodeScalarView()
        for code in data.codes {
            guard let s = Unicode.Scalar(UInt32(clamping: code)) else { throw ErlangException.badarg }
            scalars.append(s)
        }
        return String(scalars)
    }
}

extension Atom {
    /// `standard_io`, the default I/O device.
    static let standardIO = Atom("standard_io")
    /// `standard_error`.
    static let standardError = Atom("standard_error")
    /// `user`, the console device.
    static let user = Atom("user")
}
