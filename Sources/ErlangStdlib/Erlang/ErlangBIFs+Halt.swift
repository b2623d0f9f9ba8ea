#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ErlangRuntime
import ErlangTerms

/// `erlang:halt/0,1,2`: stops the node at once with an exit status
/// (`-s erlang halt` on the command line, `erlang:halt(3)` in code). The
/// shell's own `halt()` command ends its session the same way. Buffered
/// standard output is flushed at exit (`BufferedOutput`'s `atexit`
/// handler), so everything printed before is out.
enum HaltBIFs {
    /// The exported functions.
    static let functions: FunctionTable = [
        bif("halt", 0, { _, _ in exit(0) }),
        bif("halt", 1, { _, a in exit(try status(a[0])) }),
        bif("halt", 2, { _, a in
            guard a[1].listElements != nil else { throw ErlangException.badarg }
            exit(try status(a[0]))
        }),
    ]

    /// The exit status `halt/1` takes: a non-negative integer, `abort`, or a
    /// string (a crash message: status 1).
    private static func status(_ term: Term) throws -> Int32 {
        switch term {
        case .int(let n) where n >= 0: return Int32(truncatingIfNeeded: n)
        case .atom(let a) where a.text == "abort": return 1
        case .nil, .cons:
            guard term.listElements != nil else { throw ErlangException.badarg }
            return 1
        case .int, .bigInt, .float, .atom, .tuple, .map, .binary, .pid, .ref, .fun:
            throw ErlangException.badarg
        }
    }
}
