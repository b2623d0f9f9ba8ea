import ErlangRuntime
import ErlangTerms

/// The type-test BIFs: `is_atom/1` ... `is_record/3`. They never fail,
/// except on a malformed second argument (`is_function(F, a)` is `badarg`).
extension ErlangBIFs {
    static let typeTests: FunctionTable = [
        bif("is_atom", 1, { _, a in .bool(a[0].atomValue != nil) }),
        bif("is_binary", 1, { _, a in
            if case .binary(let b) = a[0] { return .bool(b.isBinary) }
            return .false
        }),
        bif("is_bitstring", 1, { _, a in
            if case .binary = a[0] { return .true }
            return .false
        }),
        bif("is_boolean", 1, { _, a in .bool(a[0].boolValue != nil) }),
        bif("is_float", 1, { _, a in
            if case .float = a[0] { return .true }
            return .false
        }),
        bif("is_function", 1, { _, a in
            if case .fun = a[0] { return .true }
            return .false
        }),
        bif("is_function", 2, { _, a in
            guard let arity = a[1].bigIntValue, arity >= 0 else { throw ErlangException.badarg }
            if case .fun(let f) = a[0] { return .bool(arity == f.arity) }
            return .false
        }),
        bif("is_integer", 1, { _, a in .bool(a[0].isInteger) }),
        bif("is_list", 1, { _, a in .bool(a[0].isList) }),
        bif("is_map", 1, { _, a in
            if case .map = a[0] { return .true }
            return .false
        }),
        bif("is_number", 1, { _, a in .bool(a[0].isNumber) }),
        bif("is_tuple", 1, { _, a in .bool(a[0].tupleElements != nil) }),
        bif("is_pid", 1, { _, a in
            if case .pid = a[0] { return .true }
            return .false
        }),
        bif("is_reference", 1, { _, a in
            if case .ref = a[0] { return .true }
            return .false
        }),
        bif("is_port", 1, { _, _ in .false }),
        bif("is_record", 2, { _, a in
            guard case .atom(let tag) = a[1] else { throw ErlangException.badarg }
            return .bool(isRecord(a[0], tag, size: nil))
        }),
        bif("is_record", 3, { _, a in
            guard case .atom(let tag) = a[1], case .int(let size) = a[2] else { throw ErlangException.badarg }
            return .bool(isRecord(a[0], tag, size: size))
        }),
    ]

    /// Whether `term` is a tuple tagged `tag` (of `size` elements, when given).
    static func isRecord(_ term: Term, _ tag: Atom, size: Int?) -> Bool {
        guard case .tuple(let e) = term, let first = e.first, first == .atom(tag) else { return false }
        return size.map { $0 == e.count } ?? true
    }
}
