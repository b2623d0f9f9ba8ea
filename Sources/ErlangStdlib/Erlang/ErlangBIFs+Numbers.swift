import BigInt
import ErlangRuntime
import ErlangTerms

/// Number BIFs: `abs/1`, `float/1`, rounding, and integers as text.
extension ErlangBIFs {
    static let numbers: FunctionTable = [
        bif("abs", 1, { _, a in
            switch a[0] {
            case .int(let i): return i == .min ? .integer(-BigInt(i)) : .int(abs(i))
            case .bigInt(let b): return .integer(abs(b.value))
            // erl negates only a negative float: abs(-0.0) is -0.0.
            case .float(let f): return .float(f < 0 ? -f : f)
            case .atom, .tuple, .nil, .cons, .map, .binary, .pid, .ref, .fun: throw ErlangException.badarg
            }
        }),
        bif("float", 1, { _, a in
            guard a[0].isNumber, let d = a[0].doubleValue else { throw ErlangException.badarg }
            return .float(d)
        }),
        bif("round", 1, { _, a in try rounding(a[0], .toNearestOrAwayFromZero) }),
        bif("trunc", 1, { _, a in try rounding(a[0], .towardZero) }),
        bif("floor", 1, { _, a in try rounding(a[0], .down) }),
        bif("ceil", 1, { _, a in try rounding(a[0], .up) }),
        bif("integer_to_list", 1, { _, a in
            guard let text = IntegerText.format(a[0], radix: 10) else { throw ErlangException.badarg }
            return .string(text)
        }),
        bif("integer_to_list", 2, { _, a in
            guard let radix = radix(a[1]), let text = IntegerText.format(a[0], radix: radix) else {
                throw ErlangException.badarg
            }
            return .string(text)
        }),
        bif("integer_to_binary", 1, { _, a in
            guard let text = IntegerText.format(a[0], radix: 10) else { throw ErlangException.badarg }
            return .binary(utf8: text)
        }),
        bif("integer_to_binary", 2, { _, a in
            guard let radix = radix(a[1]), let text = IntegerText.format(a[0], radix: radix) else {
                throw ErlangException.badarg
            }
            return .binary(utf8: text)
        }),
        bif("list_to_integer", 1, { _, a in
            guard let codes = a[0].flatCodes, let v = IntegerText.parse(codes) else { throw ErlangException.badarg }
            return v
        }),
        bif("list_to_integer", 2, { _, a in
            guard let codes = a[0].flatCodes, let radix = radix(a[1]),
                  let v = IntegerText.parse(codes, radix: radix) else { throw ErlangException.badarg }
            return v
        }),
        bif("binary_to_integer", 1, { _, a in
            guard case .binary(let b) = a[0], b.isBinary,
                  let v = IntegerText.parse(b.bytes.map(Int.init)) else { throw ErlangException.badarg }
            return v
        }),
        bif("binary_to_integer", 2, { _, a in
            guard case .binary(let b) = a[0], b.isBinary, let radix = radix(a[1]),
                  let v = IntegerText.parse(b.bytes.map(Int.init), radix: radix) else { throw ErlangException.badarg }
            return v
        }),
    ]

    /// A base from 2 to 36.
    static func radix(_ term: Term) -> Int? {
        guard case .int(let r) = term, (2...36).contains(r) else { return nil }
        return r
    }

    /// `round/1`, `trunc/1`, `floor/1`, `ceil/1`: integers are returned as they are.
    static func rounding(_ t: Term, _ rule: FloatingPointRoundingRule) throws -> Term {
        switch t {
        case .int, .bigInt: return t
        case .float(let f):
            let r = f.rounded(rule)
            if let small = Int(exactly: r) { return .int(small) }
            return .integer(BigInt(exactly: r) ?? 0)
        case .atom, .tuple, .nil, .cons, .map, .binary, .pid, .ref, .fun: throw ErlangException.badarg
        }
    }
}

extension Term {
    /// The codes of a proper list of integers (not checked as characters), or `nil`.
    var flatCodes: [Int]? {
        var out: [Int] = []
        var current = self
        while true {
            switch current {
            case .nil: return out
            case .cons(let cell):
                guard case .int(let c) = cell.head else { return nil }
                out.append(c)
                current = cell.tail
            case .int, .bigInt, .float, .atom, .tuple, .map, .binary, .pid, .ref, .fun: return nil
            }
        }
    }
}
