import ErlangRuntime
import ErlangTerms

/// Tuple lists: `keyfind`, `keymember`, `keysearch` (BIFs in erl: a bad
/// argument is `badarg`), and `keydelete`, `keyreplace`, `keytake`,
/// `keystore`, `keymap`. Keys compare with `==` (`1` matches `1.0`);
/// elements that are not tuples of at least `N` elements never match.
extension ListsModule {
    static let keys: FunctionTable = [
        bif("keyfind", 3, { _, a in try keyFind(a).map { $0.item } ?? .false }),
        bif("keymember", 3, { _, a in .bool(try keyFind(a) != nil) }),
        bif("keysearch", 3, { _, a in
            guard let found = try keyFind(a) else { return .false }
            return .tuple([.atom("value"), found.item])
        }),
        bif("keydelete", 3, { _, a in
            guard let n = position(a[1]) else { throw clause("keydelete", a, 719) }
            let (before, found, rest) = try keySplit(a[0], n, a[2]) { clause("keydelete3", [a[0], a[1], $0], 722) }
            return found == nil ? a[2] : .list(before, tail: rest)
        }),
        bif("keyreplace", 4, { _, a in
            guard let n = position(a[1]), case .tuple = a[3] else { throw clause("keyreplace", a, 735) }
            let (before, found, rest) = try keySplit(a[0], n, a[2]) { clause("keyreplace3", [a[0], a[1], $0, a[3]], 738) }
            return found == nil ? a[2] : .list(before + [a[3]], tail: rest)
        }),
        bif("keytake", 3, { _, a in
            guard let n = position(a[1]) else { throw clause("keytake", a, 751) }
            var before: [Term] = []
            var rest = a[2]
            while case .cons(let cell) = rest {
                if matches(cell.head, a[0], n) {
                    return .tuple([.atom("value"), cell.head, .list(before, tail: cell.tail)])
                }
                before.append(cell.head)
                rest = cell.tail
            }
            guard case .nil = rest else { throw clause("keytake", [a[0], a[1], rest, .list(before.reversed())], 754) }
            return .false
        }),
        bif("keystore", 4, { _, a in
            guard let n = position(a[1]), case .tuple = a[3] else { throw clause("keystore", a, 768) }
            let (before, found, rest) = try keySplit(a[0], n, a[2]) { clause("keystore2", [a[0], a[1], $0, a[3]], 771) }
            return found == nil ? .list(before + [a[3]]) : .list(before + [a[3]], tail: rest)
        }),
        bif("keymap", 3, { p, a in
            let (f, index) = (a[0], a[1])
            var out: [Term] = []
            var rest = a[2]
            while case .cons(let cell) = rest {
                guard case .int(let i) = index, case .tuple(var e) = cell.head, i >= 1, i <= e.count else {
                    throw StdlibError.bif(.atom(.badarg), "erlang", "element", [index, cell.head])
                }
                e[i - 1] = try await called(from: frame("keymap", 3, 984)) { try await p.apply(f, [e[i - 1]]) }
                out.append(.tuple(e))
                rest = cell.tail
            }
            guard case .nil = rest, position(index) != nil, isFunction(f, 1) else {
                throw clause("keymap", [f, index, rest], 983)
            }
            return .list(out)
        }),
    ]

    /// A tuple position `N >= 1`.
    static func position(_ term: Term) -> Int? {
        guard case .int(let n) = term, n >= 1 else { return nil }
        return n
    }

    /// Whether `item` is a tuple whose `n`th element equals (`==`) `key`.
    static func matches(_ item: Term, _ key: Term, _ n: Int) -> Bool {
        guard case .tuple(let e) = item, n <= e.count else { return false }
        return e[n - 1].isEqual(to: key)
    }

    /// The BIF search behind `keyfind`/`keymember`/`keysearch`: `badarg`
    /// for a bad position or a list that is not proper.
    private static func keyFind(_ a: [Term]) throws -> (item: Term, index: Int)? {
        guard let n = position(a[1]) else { throw ErlangException.badarg }
        var rest = a[2]
        var index = 0
        while case .cons(let cell) = rest {
            if matches(cell.head, a[0], n) { return (cell.head, index) }
            rest = cell.tail
            index += 1
        }
        guard case .nil = rest else { throw ErlangException.badarg }
        return nil
    }

    /// The elements before the first match, the match, and what follows it;
    /// `badTail` makes the error for an improper list.
    private static func keySplit(_ key: Term, _ n: Int, _ list: Term,
                                 badTail: (Term) -> ErlangException) throws -> ([Term], Term?, Term) {
        var before: [Term] = []
        var rest = list
        while case .cons(let cell) = rest {
            if matches(cell.head, key, n) { return (before, cell.head, cell.tail) }
            before.append(cell.head)
            rest = cell.tail
        }
        guard case .nil = rest else { throw badTail(rest) }
        return (before, nil, .nil)
    }
}
