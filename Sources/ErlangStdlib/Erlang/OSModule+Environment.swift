import ErlangRuntime
import ErlangTerms
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `os` module's process environment: `getenv/0,1,2`, `putenv/2`,
/// `unsetenv/1`, `type/0`, `getpid/0`. Mirrors kernel's os.erl on Linux:
/// names and values are strings (flat character lists); a name that is not
/// one is `badarg` with erl's `not a list` explanation.
extension OSModule {
    /// The exported environment functions.
    static let environment: FunctionTable = [
        bif("getenv", 0, { _, _ in
            .list(ProcessInfo.environmentPairs().map { .string($0) })
        }),
        bif("getenv", 1, { _, a in
            let name = try text(a, "getenv", 0)
            return getenv(name).map { .string(String(cString: $0)) } ?? .false
        }),
        bif("getenv", 2, { _, a in
            let name = try text(a, "getenv", 0, location: [.tuple([.atom("file"), .string("os.erl")]),
                                                           .tuple([.atom("line"), .int(202)])])
            return getenv(name).map { .string(String(cString: $0)) } ?? a[1]
        }),
        bif("putenv", 2, { _, a in
            let name = try text(a, "putenv", 0), value = try text(a, "putenv", 1)
            guard !name.isEmpty, !name.contains("="), setenv(name, value, 1) == 0 else {
                throw badarg("putenv", a, location: [])
            }
            return .true
        }),
        bif("unsetenv", 1, { _, a in
            let name = try text(a, "unsetenv", 0)
            _ = unsetenv(name)
            return .true
        }),
        bif("type", 0, { _, _ in .tuple([.atom("unix"), .atom("linux")]) }),
        bif("getpid", 0, { _, _ in .string(String(getpid())) }),
    ]

    /// Argument `index` as text; anything but a flat string of characters is `badarg`.
    static func text(_ a: [Term], _ function: String, _ index: Int, location: [Term] = []) throws -> String {
        guard let codes = a[index].listElements else { throw badarg(function, a, location: location) }
        var scalars = String.UnicodeScalarView()
        for code in codes {
            guard case .int(let c) = code, c != 0, let scalar = Unicode.Scalar(UInt32(clamping: c)) else {
                throw badarg(function, a, location: location)
            }
            scalars.append(scalar)
        }
        return String(scalars)
    }
}

/// The process environment as `NAME=value` strings, in the C library's order.
enum ProcessInfo {
    /// Every `NAME=value` entry of `environ`.
    static func environmentPairs() -> [String] {
        var out: [String] = []
        var cursor = environ
        while let entry = cursor.pointee {
            out.append(String(cString: entry))
            cursor += 1
        }
        return out
    }
}
