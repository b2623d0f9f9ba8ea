import ErlangTerms
import Testing

/// A list cell keeps the next cell, not a tail term (`Cons`): proper
/// lists, improper tails and walks with `ListCursor` still give back
/// exactly the list that was made, and a cell fits malloc's 48-byte block.
struct ConsCellTests {
    @Test func tailsAreTheListsTheyWereMadeWith() {
        let proper = L(A("a"), A("b"))
        guard case .cons(let first) = proper else {
            Issue.record("\(proper) is not a cell")
            return
        }
        #expect(first.head == A("a"))
        #expect(first.tail == L(A("b")))
        #expect(Term.cons(A("x"), .nil).listPrefixAndTail.tail == .nil)
        #expect(Term.cons(A("x"), proper) == L(A("x"), A("a"), A("b")))
    }

    @Test(arguments: [A("b"), I(7), T(A("x"), L(I(1))), B([1])])
    func anImproperTailIsKept(_ end: Term) {
        let pair = Term.cons(A("a"), end)
        guard case .cons(let cell) = pair else {
            Issue.record("\(pair) is not a cell")
            return
        }
        #expect(cell.tail == end)
        let longer = LT([I(1), I(2)], end)
        #expect(longer.listPrefixAndTail.elements == [I(1), I(2)])
        #expect(longer.listPrefixAndTail.tail == end)
        #expect(longer.properListLength == nil)
        #expect(longer == .cons(I(1), .cons(I(2), end)))
    }

    @Test func aCursorEndsWithTheImproperTail() {
        // A cursor holds no reference: the lists are kept alive around it.
        let list = LT([I(1), I(2), I(3)], A("end"))
        let (seen, end) = withExtendedLifetime(list) {
            var cursor = ListCursor(list)
            var seen: [Term] = []
            while let element = cursor.next() { seen.append(element) }
            return (seen, cursor.tail)
        }
        #expect(seen == [I(1), I(2), I(3)])
        #expect(end == A("end"))
        let proper = L(I(1))
        let properEnd = withExtendedLifetime(proper) {
            var cursor = ListCursor(proper)
            while cursor.next() != nil {}
            return cursor.tail
        }
        #expect(properEnd == .nil)
    }

    @Test func aLongImproperListFreesWithoutRecursion() {
        var list: Term? = .list((0..<1_000_000).map { Term.int($0) }, tail: A("end"))
        #expect(list?.properListLength == nil)
        list = nil
        #expect(list == nil)
    }

    #if canImport(Glibc)
    @Test func aCellIsOneSmallMallocBlock() {
        let list = L(I(1), I(2))
        guard case .cons(let cell) = list else {
            Issue.record("\(list) is not a cell")
            return
        }
        // glibc's 48-byte chunk has 40 usable bytes: the header, the head
        // term (padded to 16) and the next cell's reference.
        let usable = withExtendedLifetime(cell) { mallocUsableSize(Unmanaged.passUnretained(cell).toOpaque()) }
        #expect(usable == 40)
    }
    #endif
}

#if canImport(Glibc)
/// glibc's `malloc_usable_size` (declared in `<malloc.h>`, which Glibc's
/// module does not export).
@_silgen_name("malloc_usable_size")
private func mallocUsableSize(_ block: UnsafeMutableRawPointer?) -> Int
#endif
