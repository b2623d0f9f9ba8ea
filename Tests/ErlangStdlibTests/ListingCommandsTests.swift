@testable import ErlangStdlib
import Testing

/// `ls/0,1`'s layout, as erl 25 printed these listings (names padded to
/// the longest name plus five, at most 40 plus five; a line ends once the
/// next column would reach column 80, and the listing with a newline).
struct ListingCommandsTests {
    @Test func shortNamesShareOneLine() {
        let names = (0..<7).map { "f\($0)" }
        #expect(ListingCommands.columns(names) == names.map { $0 + "     " }.joined() + "\n")
    }

    @Test func aFullLineEndsBeforeTheListingEnds() {
        // Width 10: the seventh name reaches column 70, the next would reach 80.
        let names = (0..<7).map { "f\($0)xxx" }
        #expect(ListingCommands.columns(names) == names.map { $0 + "     " }.joined() + "\n\n")
    }

    @Test func columnsAreCappedAtFortyFiveAndLongerNamesCut() {
        let long = String(repeating: "d", count: 42)
        let longer = String(repeating: "e", count: 50)
        let expected = long + "   \n" + String(repeating: "e", count: 45) + "\n" + "a" + String(repeating: " ", count: 44) + "\n\n"
        #expect(ListingCommands.columns([long, longer, "a"]) == expected)
    }

    @Test func aMissingNameIsReported() {
        #expect(ListingCommands.listing(of: "/no/such/swerl/path") == "no such file or directory\n")
        #expect(ListingCommands.columns([]) == "")
    }
}
