import ErlangTerms
import Testing

/// Printing beyond the recorded tables: floats, funs and refs, records
/// with a lookup, columns, and terms nested too deep for native recursion.
/// Expected texts are recorded from erl (OTP 25).
struct PrintingTests {
    @Test(arguments: floatCases)
    func shortestFloats(_ c: FloatCase) {
        #expect(TermWriter.write(.float(c.value)) == c.write)
    }

    @Test func localFunsAndRefs() {
        let fun = Term.fun(Fun(kind: .local(module: Atom("erl_eval"), index: 45, uniq: 97283095, body: FunCode()),
                               arity: 1, identity: 1))
        #expect(TermWriter.write(fun) == "#Fun<erl_eval.45.97283095>")
        let ref = TermWriter.write(.ref(Ref(id: 7)))
        #expect(ref.hasPrefix("#Ref<0.") && ref.hasSuffix(">"))
        #expect(ref.split(separator: ".").count == 4)
        #expect(TermWriter.write(.ref(Ref(id: 8))) != ref)
    }

    /// erl: `io_lib_pretty:print(lists:seq(1,40), [{column,30}])`.
    @Test func columnShiftsContinuationLines() {
        let term = Term.codes(1...40)
        let expected = "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,\n"
            + String(repeating: " ", count: 30) + "20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,\n"
            + String(repeating: " ", count: 30) + "36,37,38,39,40]"
        #expect(PrettyPrinter().print(term, column: 30) == expected)
    }

    @Test func shellDepthLimitOnDeepTerms() {
        var term = Term.nil
        for _ in 0..<40 { term = .list([term]) }
        let expected = String(repeating: "[", count: 29) + "[...]" + String(repeating: "]", count: 29)
        #expect(PrettyPrinter.shell.print(term) == expected)
    }
}

/// Terms nested 200,000 deep print without overflowing the stack. The
/// terms are never freed: releasing nested cells recurses in `deinit`.
struct DeepNestingTests {
    static let depth = 200_000
    static let keepAlive = Lock<[Term]>([])

    static func nestedLists() -> Term {
        var term = Term.nil
        for _ in 0..<depth { term = .list([term]) }
        keepAlive.withLock { $0.append(term) }
        return term
    }

    static func nestedTuples() -> Term {
        var term = Term.atom("x")
        for _ in 0..<depth { term = .tuple([term]) }
        keepAlive.withLock { $0.append(term) }
        return term
    }

    /// Compares without dumping megabytes of brackets into a failure.
    static func expectSame(_ text: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let a = Array(text.utf8), b = Array(expected.utf8)
        let firstDifference = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        #expect(a == b, "lengths \(a.count) and \(b.count), first difference at \(firstDifference)",
                sourceLocation: sourceLocation)
    }

    @Test func writeDeepList() {
        let text = TermWriter.write(Self.nestedLists())
        Self.expectSame(text, String(repeating: "[", count: Self.depth + 1) + String(repeating: "]", count: Self.depth + 1))
    }

    @Test func prettyDeepList() {
        // Every level is a one-element list, so erl breaks no line either.
        let text = PrettyPrinter().print(Self.nestedLists())
        Self.expectSame(text, String(repeating: "[", count: Self.depth + 1) + String(repeating: "]", count: Self.depth + 1))
    }

    @Test func prettyDeepTuple() {
        let text = PrettyPrinter().print(Self.nestedTuples())
        Self.expectSame(text, String(repeating: "{", count: Self.depth) + "x" + String(repeating: "}", count: Self.depth))
    }

    @Test func shellDeepTuple() {
        let text = PrettyPrinter.shell.print(Self.nestedTuples())
        Self.expectSame(text, String(repeating: "{", count: 29) + "{...}" + String(repeating: "}", count: 29))
    }
}

/// Term order and the two equalities, as laws.
struct OrderTests {
    static let ladder: [Term] = [.int(1), .atom("a"), .tuple([.int(1)]), .map([]), .nil, .list(.int(1)), .binary([1])]

    @Test func typeOrder() {
        for (i, a) in Self.ladder.enumerated() {
            for (j, b) in Self.ladder.enumerated() {
                #expect((Term.compare(a, b) < 0) == (i < j))
            }
        }
    }

    @Test func numbersCompareByValueButNotExactly() {
        #expect(Term.int(1).isEqual(to: .float(1.0)))
        #expect(!Term.int(1).isExactlyEqual(to: .float(1.0)))
        #expect(Term.compare(.int(2), .float(1.5)) > 0)
    }

    @Test func mapKeysUseExactEquality() {
        let map = Term.map([(.int(1), .atom("int")), (.float(1.0), .atom("float"))])
        guard case .map(let m) = map else { return }
        #expect(m.count == 2)
    }
}
