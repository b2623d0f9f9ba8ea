import ErlangRuntime
import ErlangTerms

/// The `lists` module. Mirrors OTP 25's `lists.erl`, including its errors:
/// a misuse raises what erl raises (mostly `function_clause`), with the
/// frame erl shows on top (`no function clause matching lists:nth(4,[])
/// (lists.erl, line 198)`), since the shell prints it. Errors raised by a
/// user fun pass through with a `lists` frame added as their caller.
///
/// Every function walks its lists iteratively: long and deeply nested
/// lists never recurse natively.
///
/// Split: this file holds the table and element access (`nth`, `last`,
/// `member`, `reverse`, `seq`, `sum`, ...); `+Building` (`append`, `flatten`,
/// `zip`, `split`, `sublist`, ...); `+HigherOrder` (funs over lists);
/// `+Keys` (tuple lists); `+Sorting` (sorts and merges).
enum ListsModule {
    /// The exported functions.
    static let functions: FunctionTable = access + building + higherOrder + keys + sorting

    /// `function_clause` in `lists:function(args...)` at `line` of lists.erl.
    static func clause(_ function: String, _ args: [Term], _ line: Int) -> ErlangException {
        StdlibError.functionClause("lists", function, args, line: line)
    }

    /// An error `reason` raised by `erlang:error(Reason, Args)` in `lists:function`.
    static func errorWithArgs(_ reason: Term, _ function: String, _ args: [Term], _ line: Int) -> ErlangException {
        ErlangException(.error, reason, stacktrace: [StdlibError.sourceFrame("lists", function, .list(args), line: line)])
    }

    /// An error `reason` raised in the body of `lists:function/arity`.
    static func raised(_ reason: Term, _ function: String, _ arity: Int, _ line: Int) -> ErlangException {
        StdlibError.raised(reason, in: "lists", function, arity: arity, line: line)
    }

    /// The caller frame `{lists, Function, Arity, Location}` added to errors from user funs.
    static func frame(_ function: String, _ arity: Int, _ line: Int) -> Term {
        StdlibError.sourceFrame("lists", function, .int(arity), line: line)
    }

    /// Whether `term` is a fun taking `arity` arguments (`is_function(F, Arity)`).
    static func isFunction(_ term: Term, _ arity: Int) -> Bool {
        if case .fun(let f) = term { return f.arity == arity }
        return false
    }

    static let access: FunctionTable = [
        bif("nth", 2, { _, a in
            guard case .int(var n) = a[0] else {
                guard case .cons = a[1] else { throw clause("nth", a, 198) }
                throw raised(.atom(.badarith), "nth", 2, 200)
            }
            var rest = a[1]
            while true {
                guard case .cons(let cell) = rest, n >= 1 else { throw clause("nth", [.int(n), rest], 198) }
                if n == 1 { return cell.head }
                n -= 1
                rest = cell.tail
            }
        }),
        bif("nthtail", 2, { _, a in
            guard case .int(var n) = a[0] else { throw clause("nthtail", a, 208) }
            var rest = a[1]
            while n > 0 {
                guard case .cons(let cell) = rest else { throw clause("nthtail", [.int(n), rest], 208) }
                rest = cell.tail
                n -= 1
            }
            guard n == 0, rest.isList else { throw clause("nthtail", [.int(n), rest], 208) }
            return rest
        }),
        bif("last", 1, { _, a in
            guard case .cons(var cell) = a[0] else { throw clause("last", a, 256) }
            while true {
                switch cell.tail {
                case .cons(let next): cell = next
                case .nil: return cell.head
                case .int, .bigInt, .float, .atom, .tuple, .map, .binary, .pid, .ref, .fun:
                    throw clause("last", [cell.head, cell.tail], 258)
                }
            }
        }),
        bif("member", 2, { _, a in
            var rest = a[1]
            while case .cons(let cell) = rest {
                if cell.head == a[0] { return .true }
                rest = cell.tail
            }
            guard case .nil = rest else { throw ErlangException.badarg }
            return .false
        }),
        bif("reverse", 1, { _, a in
            let (items, tail) = a[0].listPrefixAndTail
            guard case .nil = tail else {
                if items.count >= 2 {
                    throw StdlibError.bif(.atom(.badarg), "lists", "reverse",
                                          [tail, .list([items[1], items[0]])])
                }
                throw clause("reverse", a, 175)
            }
            return .list(items.reversed())
        }),
        bif("reverse", 2, { _, a in
            let (items, tail) = a[0].listPrefixAndTail
            guard case .nil = tail else { throw ErlangException.badarg }
            return .list(items.reversed(), tail: a[1])
        }),
        bif("seq", 2, { _, a in try seq(a[0], a[1]) }),
        bif("seq", 3, { _, a in try seq(a[0], a[1], a[2]) }),
        bif("sum", 1, { _, a in
            var sum = Term.int(0)
            var rest = a[0]
            while case .cons(let cell) = rest {
                sum = try calledSync(from: frame("sum", 2, 319)) { try Arithmetic.add(sum, cell.head) }
                rest = cell.tail
            }
            guard case .nil = rest else { throw clause("sum", [rest, sum], 319) }
            return sum
        }),
        bif("max", 1, { _, a in try extreme(a[0], "max", 356) { Term.compare($0, $1) > 0 } }),
        bif("min", 1, { _, a in try extreme(a[0], "min", 343) { Term.compare($0, $1) < 0 } }),
        bif("duplicate", 2, { _, a in
            guard case .int(let n) = a[0], n >= 0 else { throw clause("duplicate", a, 331) }
            try ResourceLimits.checkElements(n)
            var out = Term.nil
            for _ in 0..<n { out = .cons(a[1], out) }
            return out
        }),
        bif("prefix", 2, { _, a in
            var (p, l) = (a[0], a[1])
            while case .cons(let pc) = p, case .cons(let lc) = l, pc.head == lc.head {
                (p, l) = (pc.tail, lc.tail)
            }
            switch p {
            case .nil where l.isList: return .true
            case .cons where l.isList: return .false
            default: throw clause("prefix", [p, l], 220)
            }
        }),
        bif("suffix", 2, { _, a in
            guard let n = a[1].properListLength else {
                throw StdlibError.bif(.atom(.badarg), "erlang", "length", [a[1]])
            }
            guard let m = a[0].properListLength else {
                throw StdlibError.bif(.atom(.badarg), "erlang", "length", [a[0]])
            }
            guard n >= m else { return .false }
            var rest = a[1]
            for _ in 0..<(n - m) { if case .cons(let cell) = rest { rest = cell.tail } }
            return .bool(rest == a[0])
        }),
        bif("droplast", 1, { _, a in
            let (items, tail) = a[0].listPrefixAndTail
            guard case .nil = tail, !items.isEmpty else {
                throw clause("droplast", [items.isEmpty ? a[0] : tail], 246)
            }
            return .list(items.dropLast())
        }),
        bif("enumerate", 1, { _, a in
            guard a[0].isList else { throw clause("enumerate", a, 993) }
            return try enumerate(.int(1), a[0])
        }),
        bif("enumerate", 2, { _, a in
            guard a[0].isInteger, a[1].isList else { throw clause("enumerate", a, 1001) }
            return try enumerate(a[0], a[1])
        }),
    ]

    /// `lists:max/1` and `lists:min/1`: the first element that no later one beats.
    private static func extreme(_ list: Term, _ name: String, _ line: Int,
                                beats: (Term, Term) -> Bool) throws -> Term {
        guard case .cons(let first) = list else { throw clause(name, [list], line) }
        var best = first.head
        var rest = first.tail
        while case .cons(let cell) = rest {
            if beats(cell.head, best) { best = cell.head }
            rest = cell.tail
        }
        guard case .nil = rest else { throw clause(name, [rest, best], line + 2) }
        return best
    }

    private static func enumerate(_ start: Term, _ list: Term) throws -> Term {
        var index = start
        var out: [Term] = []
        var rest = list
        while case .cons(let cell) = rest {
            out.append(.tuple([index, cell.head]))
            index = try Arithmetic.add(index, .int(1))
            rest = cell.tail
        }
        guard case .nil = rest else { throw clause("enumerate_1", [index, rest], 1004) }
        return .list(out)
    }

    /// `lists:seq/2`.
    static func seq(_ first: Term, _ last: Term) throws -> Term {
        guard first.isInteger, last.isInteger,
              Term.compare(try Arithmetic.subtract(first, .int(1)), last) <= 0 else {
            throw clause("seq", [first, last], 271)
        }
        if case .int(let f) = first, case .int(let l) = last {
            let (span, overflow) = l.subtractingReportingOverflow(f)
            if overflow { throw ErlangException.systemLimit }
            try ResourceLimits.checkElements(span)
            var out = Term.nil
            var x = l
            while x >= f {
                out = .cons(.int(x), out)
                if x == .min { break }
                x -= 1
            }
            return out
        }
        guard case .int(let span) = try Arithmetic.subtract(last, first) else { throw ErlangException.systemLimit }
        try ResourceLimits.checkElements(span)
        var out = Term.nil
        var x = last
        while Term.compare(x, first) >= 0 {
            out = .cons(x, out)
            x = try Arithmetic.subtract(x, .int(1))
        }
        return out
    }

    /// `lists:seq/3`.
    static func seq(_ first: Term, _ last: Term, _ step: Term) throws -> Term {
        let badarg = errorWithArgs(.atom(.badarg), "seq", [first, last, step], 299)
        guard first.isInteger, last.isInteger, step.isInteger else { throw badarg }
        if step == .int(0) {
            guard first == last else { throw badarg }
            return .list([first])
        }
        let ascending = Term.compare(step, .int(0)) > 0
        let before = try Arithmetic.subtract(first, step)
        guard ascending ? Term.compare(before, last) <= 0 : Term.compare(before, last) >= 0 else { throw badarg }
        let count = try Arithmetic.intDiv(try Arithmetic.add(try Arithmetic.subtract(last, first), step), step)
        guard case .int(let n) = count else { throw ErlangException.systemLimit }
        try ResourceLimits.checkElements(n)
        var x = try Arithmetic.add(try Arithmetic.multiply(step, try Arithmetic.subtract(count, .int(1))), first)
        var out = Term.nil
        var remaining = count
        while Term.compare(remaining, .int(0)) > 0 {
            out = .cons(x, out)
            x = try Arithmetic.subtract(x, step)
            remaining = try Arithmetic.subtract(remaining, .int(1))
        }
        return out
    }
}
