import Testing

/// Transcripts recorded from erl 25 (`erl < input`, banner dropped) for
/// `erlang:system_info/1` items and the errors of BIFs that are not
/// auto-imported (`erlang:insert_element/3` is written qualified, with
/// erl's argument explanation).
enum SystemInfoTranscripts {
    static let all: [Transcript] = [
        Transcript(name: "system_info_and_tuple_bifs", input: #"""
erlang:system_info(otp_release).
erlang:system_info(version).
erlang:system_info(wordsize).
erlang:system_info(machine).
erlang:system_info(nope).
erlang:system_info({wordsize, external}).
erlang:system_info(port_limit).
erlang:system_info(threads).
erlang:insert_element(5, {a}, x).
erlang:delete_element(0, {a}).
erlang:insert_element(a, {a}, x).
erlang:delete_element(1, [a]).
"""#, expected: #"""
1> "25"
2> "13.1.5"
3> 8
4> "BEAM"
5> ** exception error: bad argument
     in function  erlang:system_info/1
        called as erlang:system_info(nope)
        *** argument 1: invalid system info item
6> 8
7> 65536
8> true
9> ** exception error: bad argument
     in function  erlang:insert_element/3
        called as erlang:insert_element(5,{a},x)
        *** argument 1: out of range
10> ** exception error: bad argument
     in function  erlang:delete_element/2
        called as erlang:delete_element(0,{a})
        *** argument 1: out of range
11> ** exception error: bad argument
     in function  erlang:insert_element/3
        called as erlang:insert_element(a,{a},x)
        *** argument 1: not an integer
12> ** exception error: bad argument
     in function  erlang:delete_element/2
        called as erlang:delete_element(1,[a])
        *** argument 2: not a tuple
13> *** Terminating erlang (nonode@nohost)
"""#),
    ]
}

/// `erlang:system_info/1` and tuple BIF errors read as erl's.
@Suite("System info transcripts")
struct SystemInfoTranscriptTests {
    @Test(arguments: SystemInfoTranscripts.all)
    func matchesErl(_ t: Transcript) async {
        let printed = await transcript(t.input + "\n")
        #expect(printed.trimmingTrailingNewlines == t.expected)
    }
}
