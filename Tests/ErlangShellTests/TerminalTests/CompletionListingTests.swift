import LineEditing
import Testing

/// `CompletionListing`: candidates in columns, as erl 25 prints them after
/// Tab. The expected texts were captured from `erl` in tmux (trailing
/// spaces, which erl pads with too, are not compared).
@Suite("CompletionListing")
struct CompletionListingTests {
    private func trimmed(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            while line.last == " " { line.removeLast() }
            return String(line)
        }
    }

    @Test func greeterExportsAsErlListsThem() {
        let candidates = ["start_link/0", "greet/1", "get_count/0", "init/1", "handle_call/3",
                          "handle_cast/2", "handle_info/2", "terminate/2", "code_change/3",
                          "module_info/0", "module_info/1"]
        #expect(trimmed(CompletionListing.format(candidates)) == [
            "code_change/3  get_count/0    greet/1        handle_call/3  handle_cast/2",
            "handle_info/2  init/1         module_info/0  module_info/1  start_link/0",
            "terminate/2",
            "",
        ])
    }

    @Test func listsFunctionsStartingWithM() {
        let candidates = ["member/2", "merge/1", "merge/2", "merge/3", "merge3/3", "min/1",
                          "module_info/0", "module_info/1", "map/2", "mapfoldl/3", "mapfoldr/3", "max/1"]
        #expect(trimmed(CompletionListing.format(candidates)) == [
            "map/2          mapfoldl/3     mapfoldr/3     max/1          member/2",
            "merge/1        merge/2        merge/3        merge3/3       min/1",
            "module_info/0  module_info/1",
            "",
        ])
    }

    @Test func columnsAreTheLongestNamePlusFour() {
        #expect(CompletionListing.format(["ab", "a"]) == "a     ab    \n")
    }

    @Test func noCandidatesNoText() {
        #expect(CompletionListing.format([]) == "")
    }
}
