import ErlangTerms
import Testing

/// `SpellingSet` answers exactly as a `Set<String>` of the same spellings.
struct SpellingSetTests {
    static let spellings = ["=:=", "<", "andalso", "receive", "a", "é", "longer_than_8"]

    @Test func membersAreFoundAndOthersAreNot() {
        let set = SpellingSet(Self.spellings)
        for spelling in Self.spellings { #expect(set.contains(spelling), "\(spelling)") }
        for other in ["", "=", "=:", "=:==", "<<", "andals", "andalsoo", "b", "e", "longer_than_9", "longer_than_"] {
            #expect(!set.contains(other), "\(other)")
        }
    }

    @Test func reservedWordsQuoteAndOthersDoNot() {
        #expect(AtomText.needsQuotes("receive"))
        #expect(AtomText.needsQuotes("andalso"))
        #expect(!AtomText.needsQuotes("receiver"))
        #expect(!AtomText.needsQuotes("maybe"))
    }
}
