import ErlangTerms
import Testing

/// The atom table interns by exact text: one atom per distinct sequence of
/// code points, found again after the table has grown many times.
struct AtomTableTests {
    @Test func internIsIdempotentAndTextRoundTrips() {
        let a = Atom("atom_table_round_trip")
        #expect(Atom("atom_table_round_trip") == a)
        #expect(a.text == "atom_table_round_trip")
        #expect(Atom.existing("atom_table_round_trip") == a)
    }

    @Test func constantAtomsAreTheAtomsOfTheirTexts() {
        for (index, text) in Atom.constantTexts.enumerated() {
            let constant = Atom(constant: UInt32(index))
            #expect(constant.text == text)
            #expect(Atom(text) == constant)
        }
        #expect(Atom.true.text == "true" && Atom.false.text == "false" && Atom.nonode.text == "nonode@nohost")
        #expect(Term.ok == .atom(Atom("ok")) && Term.bool(true) == .atom(Atom("true")))
    }

    @Test func atomsSurviveTheTableGrowing() {
        // Far more atoms than the table's first size, so it doubles
        // several times while earlier atoms must stay where lookups find them.
        let texts = (0..<20_000).map { "atom_table_growth_\($0)" }
        let atoms = texts.map { Atom($0) }
        #expect(Set(atoms.map(\.index)).count == texts.count)
        for (text, atom) in zip(texts, atoms) {
            #expect(Atom.existing(text) == atom)
            #expect(atom.text == text)
        }
    }

    @Test func neverInternedTextIsNotAnExistingAtom() {
        #expect(Atom.existing("atom_table_never_interned_\(UInt64.max)") == nil)
        #expect(Atom.existing("ok") != nil, "preloaded")
    }

    @Test func canonicallyEquivalentTextsAreDifferentAtoms() {
        // "é" precomposed (U+00E9) and decomposed (e + U+0301) are `==` as
        // Swift strings, but BEAM compares atoms' code points.
        let precomposed = Atom("caf\u{E9}")
        let decomposed = Atom("cafe\u{301}")
        #expect(precomposed != decomposed)
        #expect(Array(decomposed.text.unicodeScalars) == Array("cafe\u{301}".unicodeScalars))
    }
}
