import ErlangTerms
import Testing

/// Expected texts recorded from erl (OTP 25).
struct PrintingTests {
    @Test(arguments: [
        (0.1, "0.1"), (2.0e10, "2.0e10"), (1.0e-5, "1.0e-5"), (1.0 / 3.0, "0.3333333333333333"),
        (1.5e3, "1.5e3"), (123456.789, "123456.789"), (1.0e100, "1.0e100"), (100.0, "100.0"),
        (0.0001, "0.0001"), (1.2345e-4, "1.2345e-4"), (-0.5, "-0.5"), (7.0, "7.0"),
    ])
    func shortestFloats(value: Double, expected: String) {
        #expect(FloatText.shortest(value) == expected)
    }

    @Test(arguments: [
        ("hello", "hello"), ("hello world", "'hello world'"), ("A", "'A'"), ("[]", "'[]'"),
        ("hello-world", "'hello-world'"), ("with'quote", "'with\\'quote'"), ("case", "'case'"),
    ])
    func atomQuoting(text: String, expected: String) {
        #expect(TermWriter.write(.atom(text)) == expected)
    }

    @Test func shellLayoutOfLongIntegerList() {
        let term = Term.list((1...30).map { Term.int($0) })
        #expect(PrettyPrinter.shell.print(term) == "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,\n 23,24,25,26,27,28,29|...]")
    }

    @Test func taggedTupleIndentsAfterTag() {
        let term = Term.tuple([.atom("a_rather_long_atom_name"), .atom("another_long_atom_name"),
                               .atom("yet_another_long_atom"), .atom("x")])
        #expect(PrettyPrinter.shell.print(term) == "{a_rather_long_atom_name,another_long_atom_name,\n                         yet_another_long_atom,x}")
    }

    @Test func printableListsAreStrings() {
        #expect(PrettyPrinter.shell.print(.string("tab\there")) == "\"tab\\there\"")
        #expect(PrettyPrinter.shell.print(.codes([104, 105, 0])) == "[104,105,0]")
    }

    @Test func binaries() {
        #expect(TermWriter.write(.binary(utf8: "abc")) == "<<\"abc\">>")
        #expect(TermWriter.write(.binary([1, 2, 3])) == "<<1,2,3>>")
        #expect(TermWriter.write(.binary(Bitstring(bytes: [0x10], bitCount: 4))) == "<<1:4>>")
    }

    @Test func nestedListWrites() {
        var term = Term.nil
        for _ in 0..<1_000 { term = .list([term]) }
        #expect(TermWriter.write(term).count == 2_002)
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
