import ErlangTerms

/// Reading Erlang strings and iolists from terms.
enum Text {
    /// A flat list of code points as a Swift string, or `nil`.
    static func string(_ term: Term) -> String? {
        guard let items = term.listElements else { return nil }
        var scalars = String.UnicodeScalarView()
        for item in items {
            guard case .int(let c) = item, let s = Unicode.Scalar(UInt32(clamping: c)), c >= 0 else { return nil }
            scalars.append(s)
        }
        return String(scalars)
    }

    /// The bytes of an iolist (bytes, binaries and nested iolists), or `nil`.
    static func iolistBytes(_ term: Term) -> [UInt8]? {
        var out: [UInt8] = []
        var stack: [Term] = [term]
        while let t = stack.popLast() {
            switch t {
            case .nil: continue
            case .binary(let b):
                guard b.isBinary else { return nil }
                out.append(contentsOf: b.bytes)
            case .int(let c) where (0...255).contains(c):
                out.append(UInt8(c))
            case .cons(let cell):
                stack.append(cell.tail)
                stack.append(cell.head)
            default:
                return nil
            }
        }
        return out
    }
}
