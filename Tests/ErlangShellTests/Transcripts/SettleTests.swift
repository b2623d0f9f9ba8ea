import ErlangRuntime
import Testing

/// The output contract for piped input: what a command sets off in other
/// processes prints before the next prompt (the evaluator lets the
/// processes it woke have their turn, prints the value, then waits until
/// it is the only runnable process).
@Suite("Output settles before the next prompt")
struct SettleTests {
    /// Long enough for a loaded test run: the test is about order, not time.
    static let limit = 120_000
    /// A scheduler with one thread, for tests about the run queue's order.
    static let oneThread = ProcessScheduler(workerCount: 1)

    /// The line of `output` that contains `text`, by index.
    private func line(_ text: String, in lines: [Substring]) -> Int? {
        lines.firstIndex { $0.contains(text) }
    }

    @Test(arguments: [1, 3, 20])
    func outputOfAChainOfProcessesComesBeforeTheNextPrompt(hops: Int) async {
        // Each process forwards `go` to the next; the last one prints.
        let input = """
        Last = spawn(fun() -> receive go -> io:format("chain done~n") end end).
        First = lists:foldl(fun(_, Next) -> spawn(fun() -> receive go -> Next ! go end end) end, Last, lists:seq(1, \(hops))).
        First ! go.
        after_go.

        """
        let lines = await transcript(input, settleLimitMilliseconds: Self.limit).split(separator: "\n")
        guard let done = line("chain done", in: lines), let sent = line("3> ", in: lines),
              let next = line("4> after_go", in: lines) else {
            Issue.record("unexpected transcript: \(lines)")
            return
        }
        #expect(sent <= done)
        #expect(done < next)
    }

    /// As erl's run queue orders them (recorded from erl 25): a process
    /// the command's send woke prints before the value; a process that
    /// one wakes in turn prints after it.
    @Test func aWokenProcessPrintsBeforeTheValueAndTheNextHopAfterIt() async {
        let input = """
        P = spawn(fun() -> receive X -> io:format("got ~p~n", [X]) end end).
        P ! hi.
        Last = spawn(fun() -> receive X -> io:format("got ~p~n", [X]) end end).
        First = lists:foldl(fun(_, Next) -> spawn(fun() -> receive M -> Next ! M end end) end, Last, lists:seq(1, 3)).
        First ! hello.

        """
        // One thread of its own: the order is a run queue's, and the test
        // run's other busy threads would take jobs from it.
        let output = await transcript(input, settleLimitMilliseconds: Self.limit, scheduler: Self.oneThread)
        #expect(output.contains("2> got hi\nhi\n3> "), "\(output)")
        #expect(output.contains("5> hello\ngot hello\n6> "), "\(output)")
    }

    @Test func eachOfManyCommandsSettlesInTurn() async {
        // 200 commands, each making a process print once: every line is
        // printed after its command's prompt and before the next one.
        let input = (1...200).map { "spawn(fun() -> io:format(\"from ~p~n\", [\($0)]) end), \($0)." }.joined(separator: "\n") + "\n"
        let lines = await transcript(input, settleLimitMilliseconds: Self.limit).split(separator: "\n")
        for n in 1...200 {
            guard let from = lines.firstIndex(where: { $0.hasSuffix("from \(n)") }),
                  let prompt = lines.firstIndex(where: { $0.hasPrefix("\(n)> ") }) else {
                Issue.record("line \(n) missing in \(lines)")
                return
            }
            #expect(prompt <= from)
            if let next = lines.firstIndex(where: { $0.hasPrefix("\(n + 1)> ") }) { #expect(from < next) }
        }
    }
}
