import ErlangTerms
import Testing

/// Terms nested far deeper than the native stack allows recursion can be
/// built, compared, hashed and freed.
struct DeepTermTests {
    /// `[[[...[]...]]]`, `depth` levels of heads.
    static func nestedHeads(_ depth: Int) -> Term {
        var term = Term.nil
        for _ in 0..<depth { term = .cons(term, .nil) }
        return term
    }

    @Test func nestedListsCompareAndFree() {
        var a: Term? = DeepTermTests.nestedHeads(300_000)
        var b: Term? = DeepTermTests.nestedHeads(300_000)
        #expect(a == b)
        #expect(Term.compare(a ?? .nil, DeepTermTests.nestedHeads(299_999)) > 0)
        var set = Set<Term>()
        set.insert(a ?? .nil)
        #expect(set.contains(b ?? .nil))
        set = []
        // Freeing each chain runs Cons.deinit's loop, not a recursion per level.
        a = nil
        b = nil
        #expect(a == nil && b == nil)
    }

    @Test func mixedHeadsAndTailsFree() {
        var term = Term.nil
        for i in 0..<200_000 {
            term = i % 2 == 0 ? .cons(term, .list(.int(i))) : .cons(.int(i), term)
        }
        #expect(term.isList)
        term = .nil
        #expect(term == .nil)
    }

    @Test func sharedTailsSurviveFreeing() {
        let shared = Term.list((0..<1000).map { Term.int($0) })
        var first: Term? = .cons(.int(-1), shared)
        first = nil
        #expect(first == nil)
        #expect(shared.properListLength == 1000)
    }
}
