import ErlangTerms

/// Reading Erlang strings and iolists from terms.
enum Text {
    /// A flat list of code points as a Swift string, or `nil`.
    static func string(_ term: Term) -> String? {
        guard let items = term.listElements else { return nil }
        var scalars = String.UnicodeScalarView()
        for item in items {
            guard case .int(let c) = item, c >= 0, let s = Unicode.Scalar(UInt32(clamping: c)) else { return nil }
            scalars.append(s)
        }
        return String(scalars)
    }

    /// The bytes of an iolist (bytes, binaries and nested iolists, with a
    /// binary or `[]` in any tail), or `nil`. A binary alone is accepted
    /// too (`iolist_to_binary/1` takes one); `list_to_binary/1` checks for a
    /// list first. Walks with an explicit stack, so nesting depth is unbounded.
    static func iolistBytes(_ term: Term) -> [UInt8]? {
        var out: [UInt8] = []
        // `true` marks a tail position, where a byte is not allowed.
        var stack: [(Term, Bool)] = [(term, true)]
        while let (t, isTail) = stack.popLast() {
            switch t {
            case .nil: continue
            case .binary(let b):
                guard b.isBinary else { return nil }
                out.append(contentsOf: b.bytes)
            case .int(let c):
                guard !isTail, (0...255).contains(c) else { return nil }
                out.append(UInt8(c))
            case .cons(let cell):
                stack.append((cell.tail, true))
                stack.append((cell.head, false))
            case .bigInt, .float, .atom, .tuple, .map, .pid, .ref, .fun:
                return nil
            }
        }
        return out
    }
}
