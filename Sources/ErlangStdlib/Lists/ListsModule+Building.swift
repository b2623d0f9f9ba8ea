import ErlangRuntime
import ErlangTerms

/// Building lists from lists: `append`, `flatten`, `zip`, `split`,
/// `sublist`, `delete`, `join`, `uniq/1`, `concat`. Where erl's recursion
/// evaluates the rest of a list before its head (`flatten/1`, `append/1`),
/// these walk right to left, so a bad tail is reported as erl reports it.
extension ListsModule {
    static let building: FunctionTable = [
        bif("append", 2, { _, a in try ListOperators.append(a[0], a[1]) }),
        bif("append", 1, { _, a in
            let (items, tail) = a[0].listPrefixAndTail
            guard case .nil = tail else { throw clause("append", [tail], 154) }
            guard var result = items.last else { return .nil }
            for item in items.dropLast().reversed() { result = try ListOperators.append(item, result) }
            return result
        }),
        bif("subtract", 2, { _, a in try ListOperators.subtract(a[0], a[1]) }),
        bif("flatten", 1, { _, a in
            guard a[0].isList else { throw clause("flatten", a, 648) }
            return try flatten(a[0], tail: .nil)
        }),
        bif("flatten", 2, { _, a in
            guard a[0].isList, a[1].isList else { throw clause("flatten", a, 656) }
            return try flatten(a[0], tail: a[1])
        }),
        bif("flatlength", 1, { _, a in try flatLength(a[0]) }),
        bif("concat", 1, { _, a in
            // flatmap(fun thing_to_list/1, List): each thing is made left to
            // right, then the pieces are joined with ++ right to left.
            var pieces: [Term] = []
            var rest = a[0]
            while case .cons(let cell) = rest {
                let item = cell.head
                switch item {
                case .int, .bigInt: pieces.append(.string(IntegerText.format(item, radix: 10) ?? ""))
                case .float: pieces.append(.string(FloatFormatting.format(item, options: .nil) ?? ""))
                case .atom(let atom): pieces.append(.string(atom.text))
                case .nil, .cons: pieces.append(item)
                case .tuple, .map, .binary, .pid, .ref, .fun: throw clause("thing_to_list", [item], 635)
                }
                rest = cell.tail
            }
            guard case .nil = rest else {
                throw clause("flatmap_1", [ExternalFun.make(Atom("lists"), Atom("thing_to_list"), arity: 1), rest], 1334)
            }
            var result = Term.nil
            for piece in pieces.reversed() { result = try ListOperators.append(piece, result) }
            return result
        }),
        bif("zip", 2, { _, a in
            var (xs, ys) = (a[0], a[1])
            var out: [Term] = []
            while case .cons(let x) = xs, case .cons(let y) = ys {
                out.append(.tuple([x.head, y.head]))
                (xs, ys) = (x.tail, y.tail)
            }
            guard case .nil = xs, case .nil = ys else { throw clause("zip", [xs, ys], 419) }
            return .list(out)
        }),
        bif("zip3", 3, { _, a in
            var (xs, ys, zs) = (a[0], a[1], a[2])
            var out: [Term] = []
            while case .cons(let x) = xs, case .cons(let y) = ys, case .cons(let z) = zs {
                out.append(.tuple([x.head, y.head, z.head]))
                (xs, ys, zs) = (x.tail, y.tail, z.tail)
            }
            guard case .nil = xs, case .nil = ys, case .nil = zs else { throw clause("zip3", [xs, ys, zs], 449) }
            return .list(out)
        }),
        bif("unzip", 1, { _, a in
            var columns: [[Term]] = [[], []]
            var rest = a[0]
            while case .cons(let cell) = rest, case .tuple(let e) = cell.head, e.count == 2 {
                columns[0].append(e[0])
                columns[1].append(e[1])
                rest = cell.tail
            }
            guard case .nil = rest else {
                throw clause("unzip", [rest] + columns.map { .list($0.reversed()) }, 434)
            }
            return .tuple(columns.map { .list($0) })
        }),
        bif("unzip3", 1, { _, a in
            var columns: [[Term]] = [[], [], []]
            var rest = a[0]
            while case .cons(let cell) = rest, case .tuple(let e) = cell.head, e.count == 3 {
                for i in 0..<3 { columns[i].append(e[i]) }
                rest = cell.tail
            }
            guard case .nil = rest else {
                throw clause("unzip3", [rest] + columns.map { .list($0.reversed()) }, 466)
            }
            return .tuple(columns.map { .list($0) })
        }),
        bif("split", 2, { _, a in
            guard case .int(let n) = a[0], n >= 0, a[1].isList else {
                throw errorWithArgs(.atom(.badarg), "split", a, 1571)
            }
            var taken: [Term] = []
            var rest = a[1]
            while taken.count < n {
                switch rest {
                case .cons(let cell):
                    taken.append(cell.head)
                    rest = cell.tail
                case .nil:
                    throw errorWithArgs(.atom(.badarg), "split", a, 1568)
                case .int, .bigInt, .float, .atom, .tuple, .map, .binary, .pid, .ref, .fun:
                    throw clause("split", [.int(n - taken.count), rest, .list(taken.reversed())], 1573)
                }
            }
            return .tuple([.list(taken), rest])
        }),
        bif("sublist", 2, { _, a in
            guard a[1].isInteger, a[0].isList else { throw clause("sublist", a, 385) }
            return try sublist(a[0], a[1])
        }),
        bif("sublist", 3, { _, a in
            var (list, start) = (a[0], a[1])
            while true {
                if start == .int(1), list.isList, a[2].isInteger, Term.compare(a[2], .int(0)) >= 0 {
                    return try sublist(list, a[2])
                }
                guard case .int(let s) = start, s >= 2 else { throw clause("sublist", [list, start, a[2]], 372) }
                switch list {
                case .nil: return .nil
                case .cons(let cell): (list, start) = (cell.tail, .int(s - 1))
                case .int, .bigInt, .float, .atom, .tuple, .map, .binary, .pid, .ref, .fun:
                    throw clause("sublist", [list, start, a[2]], 372)
                }
            }
        }),
        bif("delete", 2, { _, a in
            var before: [Term] = []
            var rest = a[1]
            while case .cons(let cell) = rest {
                if cell.head == a[0] { return .list(before, tail: cell.tail) }
                before.append(cell.head)
                rest = cell.tail
            }
            guard case .nil = rest else { throw clause("delete", [a[0], rest], 404) }
            return a[1]
        }),
        bif("join", 2, { _, a in
            guard case .cons(let first) = a[1] else {
                guard case .nil = a[1] else { throw clause("join", a, 1586) }
                return .nil
            }
            var out: [Term] = [first.head]
            var rest = first.tail
            while case .cons(let cell) = rest {
                out.append(a[0])
                out.append(cell.head)
                rest = cell.tail
            }
            guard case .nil = rest else { throw clause("join_prepend", [a[0], rest], 1589) }
            return .list(out)
        }),
        bif("uniq", 1, { _, a in
            var seen = Set<Term>()
            var out: [Term] = []
            var rest = a[0]
            while case .cons(let cell) = rest {
                if seen.insert(cell.head).inserted { out.append(cell.head) }
                rest = cell.tail
            }
            guard case .nil = rest else {
                throw clause("uniq_1", [rest, .map(out.map { ($0, Term.true) })], 2988)
            }
            return .list(out)
        }),
    ]

    /// `lists:sublist/2` once its arguments are checked: up to `length` elements.
    static func sublist(_ list: Term, _ length: Term) throws -> Term {
        var out: [Term] = []
        var rest = list
        guard case .int(var n) = length else {
            // A big length takes everything (or fails on a bad tail).
            guard Term.compare(length, .int(0)) > 0 else { throw clause("sublist_2", [list, length], 388) }
            let (items, tail) = list.listPrefixAndTail
            guard case .nil = tail else { throw clause("sublist_2", [tail, length], 388) }
            return .list(items)
        }
        while n > 0, case .cons(let cell) = rest {
            out.append(cell.head)
            rest = cell.tail
            n -= 1
        }
        guard n == 0 || (n > 0 && rest.isList) else { throw clause("sublist_2", [rest, .int(n)], 388) }
        return .list(out)
    }

    /// `do_flatten(List, Tail)`, right to left as erl evaluates it.
    static func flatten(_ list: Term, tail: Term) throws -> Term {
        var result = tail
        var stack: [(items: [Term], index: Int)] = []
        func open(_ list: Term) throws {
            let (items, rest) = list.listPrefixAndTail
            guard case .nil = rest else { throw clause("do_flatten", [rest, result], 659) }
            stack.append((items, items.count))
        }
        try open(list)
        while !stack.isEmpty {
            let top = stack.count - 1
            guard stack[top].index > 0 else {
                stack.removeLast()
                continue
            }
            stack[top].index -= 1
            let head = stack[top].items[stack[top].index]
            if head.isList {
                try open(head)
            } else {
                result = .cons(head, result)
            }
        }
        return result
    }

    /// `lists:flatlength/1`, right to left as erl evaluates it.
    static func flatLength(_ list: Term) throws -> Term {
        var count = 0
        var stack: [(items: [Term], index: Int)] = []
        func open(_ list: Term) throws {
            let (items, rest) = list.listPrefixAndTail
            guard case .nil = rest else { throw clause("flatlength", [rest, .int(count)], 672) }
            stack.append((items, items.count))
        }
        try open(list)
        while !stack.isEmpty {
            let top = stack.count - 1
            guard stack[top].index > 0 else {
                stack.removeLast()
                continue
            }
            stack[top].index -= 1
            let head = stack[top].items[stack[top].index]
            if head.isList {
                try open(head)
            } else {
                count += 1
            }
        }
        return .int(count)
    }
}
