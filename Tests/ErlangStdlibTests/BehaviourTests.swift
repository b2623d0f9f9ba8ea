import ErlangRuntime
import ErlangStdlib
import ErlangTerms
import Testing

/// Terms a test must never free (see `deepListsFlattenWithoutNativeRecursion`).
enum Immortal {
    private static let kept = Lock<[Term]>([])
    static func keep(_ term: Term) { kept.withLock { $0.append(term) } }
}

/// What a fun saw, in call order.
final class CallLog: Sendable {
    private let items = Lock<[Term]>([])
    func append(_ t: Term) { items.withLock { $0.append(t) } }
    var all: [Term] { items.withLock { $0 } }
}

/// Behaviour that recorded values cannot show: the order funs are called
/// in, the frames added to errors raised inside funs, and inputs too big or
/// too deep for native recursion.
@Suite struct BehaviourTests {
    /// Calls `module:function(args)` and returns the value, or records the exception.
    private func value(_ module: String, _ function: String, _ args: [Term],
                       sourceLocation: SourceLocation = #_sourceLocation) async -> Term? {
        switch await StdlibHarness.call(module, function, args) {
        case .success(let v): return v
        case .failure(let e):
            Issue.record("\(module):\(function) raised \(e.kind):\(TermWriter.write(e.reason))", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// A fun that records its argument and returns it.
    private func recorder(_ log: CallLog) -> Term {
        closure(arity: 1) { _, args in
            log.append(args[0])
            return args[0]
        }
    }

    @Test func funsAreCalledInErlsOrder() async {
        let list = L(I(1), I(2), I(3))
        for (module, function, expected) in [("lists", "map", [1, 2, 3]), ("lists", "foreach", [1, 2, 3]),
                                             ("lists", "filter", [1, 2, 3]), ("lists", "flatmap", [1, 2, 3])] {
            let log = CallLog()
            let fun = function == "filter"
                ? closure(arity: 1) { _, a in log.append(a[0]); return .true }
                : function == "flatmap" ? closure(arity: 1) { _, a in log.append(a[0]); return .list([a[0]]) }
                : recorder(log)
            _ = await value(module, function, [fun, list])
            #expect(log.all == expected.map { .int($0) }, "\(module):\(function)")
        }
        let log = CallLog()
        let folder = closure(arity: 2) { _, a in log.append(a[0]); return a[1] }
        _ = await value("lists", "foldr", [folder, .nil, list])
        #expect(log.all == [I(3), I(2), I(1)])
        // maps:groups_from_list walks the list from its end.
        let keys = CallLog()
        _ = await value("maps", "groups_from_list", [recorder(keys), list])
        #expect(keys.all == [I(3), I(2), I(1)])
    }

    @Test func errorsInFunsGetTheListsFrameAsCaller() async {
        let failing = closure(arity: 1) { _, a in try Arithmetic.add(a[0], A("x")) }
        let result = await StdlibHarness.call("lists", "map", [failing, L(I(1))])
        guard case .failure(let e) = result else {
            Issue.record("lists:map did not fail")
            return
        }
        #expect(e.reason == A("badarith"))
        #expect(e.stacktrace.first == T(A("erlang"), A("+"), L(I(1), A("x")), L(T(A("error_info"), M((A("module"), A("erl_erts_errors")))))))
        #expect(e.stacktrace.dropFirst().first.map(StdlibHarness.reducedFrame)
                == T(A("lists"), A("map"), I(2), L(T(A("file"), S("lists.erl")), T(A("line"), I(1315)))))
    }

    @Test func sumReportsTheOperatorThenTheListsFrame() async {
        guard case .failure(let e) = await StdlibHarness.call("lists", "sum", [L(I(1), A("a"))]) else {
            Issue.record("lists:sum did not fail")
            return
        }
        #expect(e.stacktrace.count == 2)
        #expect(e.stacktrace.last.map(StdlibHarness.reducedFrame)
                == T(A("lists"), A("sum"), I(2), L(T(A("file"), S("lists.erl")), T(A("line"), I(319)))))
    }

    @Test func deepListsFlattenWithoutNativeRecursion() async {
        let depth = 200_000
        var nested = L(I(1))
        for _ in 0..<depth { nested = .list([nested, I(2)]) }
        // Freeing a list nested this deep through its heads recurses in
        // `Cons.deinit` (ErlangTerms), so the deep terms are kept alive.
        Immortal.keep(nested)
        let flat = await value("lists", "flatten", [nested])
        #expect(flat?.properListLength == depth + 1)
        let length = await value("lists", "flatlength", [nested])
        #expect(length == I(depth + 1))
        let size = await value("erlang", "iolist_size", [nested])
        #expect(size == I(depth + 1))
        if let encoded = await value("erlang", "term_to_binary", [nested]) {
            let decoded = await value("erlang", "binary_to_term", [encoded]) ?? .nil
            Immortal.keep(decoded)
            let same = decoded == nested
            #expect(same)
        }
    }

    @Test func longListsStayFast() async {
        let n = 200_000
        let list = Term.list((0..<n).map { Term.int($0) })
        #expect(await value("lists", "sum", [list]) == I(n * (n - 1) / 2))
        #expect(await value("lists", "reverse", [list])?.properListLength == n)
        let sorted = await value("lists", "sort", [await value("lists", "reverse", [list]) ?? .nil])
        #expect(sorted == list)
        #expect(await value("lists", "seq", [I(1), I(n)])?.properListLength == n)
    }

    @Test func bigMapsIterateInChunks() async {
        let m = Term.map((0..<100).map { (Term.int($0), Term.int($0 * 2)) })
        guard let iterator = await value("maps", "iterator", [m]) else { return }
        var current = await value("maps", "next", [iterator])
        var seen: [Term] = []
        while case .tuple(let e)? = current, e.count == 3 {
            seen.append(e[0])
            current = await value("maps", "next", [e[2]])
        }
        #expect(current == A("none"))
        #expect(seen == (0..<100).map { Term.int($0) })
        #expect(await value("maps", "fold", [closure(arity: 3) { _, a in try Arithmetic.add(a[1], a[2]) }, I(0), m])
                == I(9900))
    }

    @Test func externalFunsWithTheSameNameAreEqual() {
        #expect(X("lists", "map", 2) == ExternalFun.make(Atom("lists"), Atom("map"), arity: 2))
        #expect(X("lists", "map", 2) != X("lists", "map", 3))
    }

    @Test func theHarnessNoticesAWrongAnswer() async {
        await withKnownIssue {
            await StdlibHarness.check(c("lists:reverse([1])", "lists", "reverse", [L(I(1))], .value(I(2))))
        }
        await withKnownIssue {
            await StdlibHarness.check(c("lists:nth(5, [a])", "lists", "nth", [I(5), L(A("a"))],
                                        .raised(.error, A("function_clause"), frame: T(A("lists"), A("nth"), L(), L()))))
        }
    }
}
