import ErlangRuntime
import ErlangTerms
import Testing

/// The argument list a process's calls reuse (`ErlangProcess+ScratchLists`).
@Suite struct ArgumentListTests {
    @Test func aListGivenBackComesBackEmptyWithItsRoom() async throws {
        let runtime = makeRuntime()
        let (capacity, nextCount, nextCapacity) = try await runtime.run { me in
            var list = me.takeArgumentList()
            list.append(contentsOf: [atom("a"), atom("b")])
            let capacity = list.capacity
            me.recycleArguments(&list)
            let next = me.takeArgumentList()
            return (capacity, next.count, next.capacity)
        }
        #expect(nextCount == 0)
        #expect(nextCapacity == capacity)
    }

    @Test func aCalleeThatKeepsTheListKeepsItsValues() async throws {
        let runtime = makeRuntime()
        let (kept, next) = try await runtime.run { me in
            var list = me.takeArgumentList()
            list.append(contentsOf: [atom("a"), .int(1)])
            let kept = list                     // as a callee that keeps it would
            me.recycleArguments(&list)
            var next = me.takeArgumentList()
            next.append(atom("z"))
            return (kept, next)
        }
        #expect(kept == [atom("a"), .int(1)])
        #expect(next == [atom("z")])
    }

    @Test func aCallMadeMeanwhileGetsAListOfItsOwn() async throws {
        let runtime = makeRuntime()
        let (outer, inner) = try await runtime.run { me in
            var outer = me.takeArgumentList()
            outer.append(atom("outer"))
            var inner = me.takeArgumentList()   // the callee's own call
            inner.append(atom("inner"))
            me.recycleArguments(&inner)
            let outerValues = outer
            me.recycleArguments(&outer)
            return (outerValues, inner)
        }
        #expect(outer == [atom("outer")])
        #expect(inner.isEmpty)
    }
}
