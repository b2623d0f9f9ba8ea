import Testing

/// Transcripts recorded from erl 25 (`erl < input`, banner dropped) for
/// erl_lint's record field checks: a field named twice in one record
/// expression or pattern is reported at its second mention.
enum RecordLintTranscripts {
    static let all: [Transcript] = [
        Transcript(name: "fields_named_twice", input: #"""
rd(pt, {x = 0, y = 0}).
#pt{x = 1, x = 2}.
#pt{y = 1, z = 3, y = 2}.
#pt{x = A, x = B} = #pt{}.
P = #pt{}, P#pt{y = 1, y = 2}.
#pt{x = 1, q = 2, q = 3}.
"""#, expected: #"""
1> pt
2> * 1:12: field x already defined in record pt
3> * 1:12: field z undefined in record pt
4> * 1:12: field x already defined in record pt
5> * 1:24: field y already defined in record pt
6> * 1:12: field q undefined in record pt
7> *** Terminating erlang (nonode@nohost)
"""#),
    ]
}

/// Record field errors read as erl's.
@Suite("Record lint transcripts")
struct RecordLintTranscriptTests {
    @Test(arguments: RecordLintTranscripts.all)
    func matchesErl(_ t: Transcript) async {
        let printed = await transcript(t.input + "\n")
        #expect(printed.trimmingTrailingNewlines == t.expected)
    }
}
