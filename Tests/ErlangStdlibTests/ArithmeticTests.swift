import BigInt
import ErlangStdlib
import ErlangTerms
import Testing

/// `Arithmetic`, `Comparison`, `BooleanOperators` and `ListOperators` called
/// directly, as the evaluator calls them.
@Suite struct ArithmeticTests {
    /// The reason and top frame of an operator error.
    private func failure(_ body: () throws -> Term) -> (Term, Term?)? {
        do {
            _ = try body()
            return nil
        } catch let e as ErlangException {
            return (e.reason, e.stacktrace.first)
        } catch {
            return nil
        }
    }

    @Test func smallIntegersOverflowIntoBigIntegers() throws {
        #expect(try Arithmetic.add(.int(Int.max), .int(1)) == N("9223372036854775808"))
        #expect(try Arithmetic.subtract(.int(Int.min), .int(1)) == N("-9223372036854775809"))
        #expect(try Arithmetic.multiply(.int(1 << 40), .int(1 << 40)) == N("1208925819614629174706176"))
        #expect(try Arithmetic.negate(.int(Int.min)) == N("9223372036854775808"))
        // Results that fit again are small integers.
        #expect(try Arithmetic.subtract(N("9223372036854775808"), .int(1)) == .int(Int.max))
        #expect(try Arithmetic.intDiv(.int(Int.min), .int(-1)) == N("9223372036854775808"))
        #expect(try Arithmetic.rem(.int(Int.min), .int(-1)) == .int(0))
    }

    @Test func errorsCarryTheOperatorFrame() {
        let plus = failure { try Arithmetic.add(.int(1), A("a")) }
        #expect(plus?.0 == A("badarith"))
        #expect(plus?.1 == T(A("erlang"), A("+"), L(I(1), A("a")), L(T(A("error_info"), M((A("module"), A("erl_erts_errors")))))))
        let not = failure { try BooleanOperators.not(.int(1)) }
        #expect(not?.0 == A("badarg"))
        #expect(not?.1 == T(A("erlang"), A("not"), L(I(1)), L(T(A("error_info"), M((A("module"), A("erl_erts_errors")))))))
        let append = failure { try ListOperators.append(A("a"), L()) }
        #expect(append?.1 == T(A("erlang"), A("++"), L(A("a"), L()), L(T(A("error_info"), M((A("module"), A("erl_erts_errors")))))))
    }

    @Test func floatResultsMustBeFinite() {
        #expect(failure { try Arithmetic.multiply(D(1e308), D(10)) }?.0 == A("badarith"))
        #expect(failure { try Arithmetic.divide(I(1), D(0)) }?.0 == A("badarith"))
        #expect(failure { try Arithmetic.add(N("1" + String(repeating: "0", count: 400)), D(1)) }?.0 == A("badarith"))
    }

    @Test func shiftsStopAtBeamsLargestInteger() throws {
        let widest = try Arithmetic.bsl(.int(1), .int(33_554_367))
        #expect(widest.bigIntValue?.magnitude.bitWidth == 33_554_368)
        #expect(failure { try Arithmetic.bsl(.int(1), .int(33_554_368)) }?.0 == A("system_limit"))
        #expect(failure { try Arithmetic.bsl(.int(1), N("100000000000")) }?.0 == A("system_limit"))
        #expect(try Arithmetic.bsl(.int(0), N("100000000000")) == .int(0))
        #expect(try Arithmetic.bsr(.int(-1), N("100000000000")) == .int(-1))
        #expect(failure { try Arithmetic.multiply(widest, widest) }?.0 == A("system_limit"))
    }

    @Test(arguments: [(-5, 3), (5, -3), (-5, -3), (123_456, -789), (-1, 0), (0, -1)])
    func bitwiseOnBigIntegersMatchesTwosComplement(_ pair: (Int, Int)) throws {
        // Shifting both operands up by 70 bits makes them big; the low bits
        // of the result must match the small-integer result shifted the same way.
        let (x, y) = pair
        let shift = Term.int(70)
        let bx = try Arithmetic.bsl(.int(x), shift), by = try Arithmetic.bsl(.int(y), shift)
        #expect(try Arithmetic.band(bx, by) == Arithmetic.bsl(.int(x & y), shift))
        #expect(try Arithmetic.bor(bx, by) == Arithmetic.bsl(.int(x | y), shift))
        #expect(try Arithmetic.bxor(bx, by) == Arithmetic.bsl(.int(x ^ y), shift))
        #expect(try Arithmetic.bsr(bx, shift) == .int(x))
        #expect(try Arithmetic.bsr(try Arithmetic.bor(bx, .int(5)), shift) == .int(x))
    }

    @Test func comparisonsFollowTermOrder() {
        #expect(Comparison.equal(I(1), D(1.0)) == .true)
        #expect(Comparison.exactlyEqual(I(1), D(1.0)) == .false)
        #expect(Comparison.less(I(1), A("a")) == .true)
        #expect(Comparison.max(I(1), D(1.0)) == I(1))
        #expect(Comparison.min(D(1.0), I(1)) == D(1.0))
    }

    @Test func listSubtractionRemovesFirstExactMatches() throws {
        #expect(try ListOperators.subtract(L(I(1), I(2), I(1), D(1.0)), L(I(1), D(1.0))) == L(I(2), I(1)))
        let long = Term.list((0..<100_000).map { Term.int($0 % 7) })
        let result = try ListOperators.subtract(long, Term.list((0..<7).map { Term.int($0) }))
        #expect(result.properListLength == 99_993)
    }
}
