import Foundation
import Testing

/// The report erl's emulator logs when a plain process (spawn, spawn_link,
/// spawn_monitor, spawn_opt) dies of an uncaught error or throw:
/// `=ERROR REPORT====`, `Error in process <0.83.0> with exit value:`, the
/// exit reason with `~p`, a blank line. None for `exit/1`, an exit signal
/// or a link; none on top of a gen_server's own reports; none for the
/// shell's own evaluator. Each case is a transcript recorded from erl 25
/// (`erl < input`, banner dropped).
///
/// erl's logger is asynchronous, so the recorded sessions follow a crash
/// that leaves the shell alive with `timer:sleep(N)`, to let the report
/// land in the command's block. Swerl prints the report from the dying
/// process and waits for quiet before the next prompt, so the test runs
/// the input with every `timer:sleep(N)` replaced by `ok` (the same
/// value): the report must be in the right block with no waiting. Inside
/// a block, the report may then come before or after the command's value
/// (erl's order depends on timing too), so, as in the conformance corpus,
/// each block is compared as a multiset of its lines and reports (a
/// report's lines stay in order). A crash that kills the shell's evaluator
/// waits in `receive never -> ok end`, in erl and Swerl alike.
enum ProcessErrorTranscripts {
    /// Compared block by block; only the report timestamps and the pid
    /// numbers (which differ between runtimes) are normalized.
    static let exact = Transcript(name: "plain_process_reports", input: #"""
spawn(lists, nosuch, []), timer:sleep(100).
spawn(fun(X) -> X end), timer:sleep(100).
spawn(fun() -> [] = lists:seq(1, 30) end), timer:sleep(100).
{_, Ref} = spawn_monitor(fun() -> a = b end), receive {'DOWN', Ref, process, _, R} -> R end.
spawn(fun() -> exit(bye) end), timer:sleep(100).
spawn(fun() -> exit(normal) end), timer:sleep(100).
P = spawn(fun() -> receive _ -> ok end end), exit(P, kill), timer:sleep(100).
Q = spawn(fun() -> receive _ -> ok end end), exit(Q, bad), timer:sleep(100).
L = spawn(fun() -> receive _ -> ok end end), spawn(fun() -> link(L), a = c end), timer:sleep(100).
is_process_alive(L).
_ = spawn_opt(lists, nosuch, [1], [monitor]), receive {'DOWN', _, process, _, {Why, _}} -> Why end.
spawn_opt(fun() -> [] = [x] end, [link]), receive never -> ok end.
timer:sleep(300), is_pid(self()).
spawn(node(), lists, nosuch, [2]), timer:sleep(100).
1/0.
throw(x).
spawn_link(fun() -> a = b end), receive never -> ok end.
timer:sleep(300), is_pid(self()).
"""#, expected: #"""
1> =ERROR REPORT==== 4-Dec-2026::03:58:33.472413 ===
Error in process <0.83.0> with exit value:
{undef,[{lists,nosuch,[],[]}]}

ok
2> =ERROR REPORT==== 4-Dec-2026::03:58:33.574753 ===
Error in process <0.85.0> with exit value:
{{badarity,{#Fun<erl_eval.42.3316493>,[]}},[{erlang,apply,2,[]}]}

ok
3> =ERROR REPORT==== 4-Dec-2026::03:58:33.675787 ===
Error in process <0.87.0> with exit value:
{{badmatch,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,
            26,27,28,29,30]},
 [{erl_eval,expr,6,[{file,"erl_eval.erl"},{line,496}]}]}

ok
4> =ERROR REPORT==== 4-Dec-2026::03:58:33.776910 ===
Error in process <0.89.0> with exit value:
{{badmatch,b},[{erl_eval,expr,6,[{file,"erl_eval.erl"},{line,496}]}]}

{{badmatch,b},
 [{erl_eval,expr,6,[{file,"erl_eval.erl"},{line,496}]}]}
5> ok
6> ok
7> ok
8> ok
9> =ERROR REPORT==== 4-Dec-2026::03:58:34.182022 ===
Error in process <0.100.0> with exit value:
{{badmatch,c},[{erl_eval,expr,6,[{file,"erl_eval.erl"},{line,496}]}]}

ok
10> false
11> =ERROR REPORT==== 4-Dec-2026::03:58:34.283062 ===
Error in process <0.103.0> with exit value:
{undef,[{lists,nosuch,[1],[]}]}

undef
12> =ERROR REPORT==== 4-Dec-2026::03:58:34.283706 ===
Error in process <0.105.0> with exit value:
{{badmatch,[x]},[{erl_eval,expr,6,[{file,"erl_eval.erl"},{line,496}]}]}

** exception exit: {badmatch,[x]}
13> true
14> =ERROR REPORT==== 4-Dec-2026::03:58:34.586840 ===
Error in process <0.109.0> with exit value:
{undef,[{lists,nosuch,[2],[]}]}

ok
15> ** exception error: an error occurred when evaluating an arithmetic expression
     in operator  '/'/2
        called as 1 / 0
16> ** exception throw: x
17> =ERROR REPORT==== 4-Dec-2026::03:58:34.690871 ===
Error in process <0.115.0> with exit value:
{{badmatch,b},[{erl_eval,expr,6,[{file,"erl_eval.erl"},{line,496}]}]}

** exception exit: {badmatch,b}
18> true
19> *** Terminating erlang (nonode@nohost)
"""#)

    /// Compared with the stacks taken out of the reports and the bodies of
    /// CRASH REPORTs dropped, as the conformance corpus grades them: erl's
    /// stacks show erl_eval and shell.erl frames Swerl does not have, and
    /// its crash reports memory figures Swerl does not measure. `$DIR` is
    /// the directory holding `boom.erl`.
    static let stripped = Transcript(name: "reports_with_stacks", input: #"""
spawn(fun() -> erlang:error(foo) end), timer:sleep(100).
spawn(fun() -> throw(ball) end), timer:sleep(100).
spawn_link(fun() -> throw(up) end), receive never -> ok end.
timer:sleep(300), is_pid(self()).
proc_lib:spawn_link(fun() -> a = b end), receive never -> ok end.
timer:sleep(300), is_pid(self()).
c("$DIR/boom").
boom:start().
gen_server:cast(boom, crash), timer:sleep(100).
whereis(boom).
boom:start().
catch gen_server:call(boom, crash), timer:sleep(100).
whereis(boom).
"""#, expected: #"""
1> =ERROR REPORT==== 4-Dec-2026::04:05:21.881160 ===
Error in process <0.83.0> with exit value:
{foo,[{shell,apply_fun,3,[{file,"shell.erl"},{line,912}]}]}

ok
2> =ERROR REPORT==== 4-Dec-2026::04:05:21.983207 ===
Error in process <0.85.0> with exit value:
{{nocatch,ball},[{shell,apply_fun,3,[{file,"shell.erl"},{line,912}]}]}

ok
3> =ERROR REPORT==== 4-Dec-2026::04:05:22.084258 ===
Error in process <0.87.0> with exit value:
{{nocatch,up},[{shell,apply_fun,3,[{file,"shell.erl"},{line,912}]}]}

** exception exit: {nocatch,up}
4> true
5> =CRASH REPORT==== 4-Dec-2026::04:05:22.387441 ===
  crasher:
    initial call: erl_eval:'-expr/6-fun-2-'/0
    pid: <0.91.0>
    registered_name: []
    exception error: no match of right hand side value b
    ancestors: [<0.88.0>]
    message_queue_len: 0
    messages: []
    links: [<0.88.0>]
    dictionary: []
    trap_exit: false
    status: running
    heap_size: 233
    stack_size: 28
    reductions: 151
  neighbours:
    neighbour:
      pid: <0.88.0>
      registered_name: []
      initial_call: {erlang,apply,2}
      current_function: {prim_eval,'receive',2}
      ancestors: []
      message_queue_len: 0
      links: [<0.67.0>,<0.91.0>]
      trap_exit: false
      status: waiting
      heap_size: 987
      stack_size: 30
      reductions: 6337
      current_stacktrace: [{prim_eval,'receive',2,[]},
                  {erl_eval,receive_clauses,8,
                            [{file,"erl_eval.erl"},{line,1055}]},
                  {shell,exprs,7,[{file,"shell.erl"},{line,691}]},
                  {shell,eval_exprs,7,[{file,"shell.erl"},{line,647}]},
                  {shell,eval_loop,3,[{file,"shell.erl"},{line,632}]}]
** exception exit: {badmatch,b}
     in function  erl_eval:expr/6 (erl_eval.erl, line 496)
     in call from proc_lib:init_p/3 (proc_lib.erl, line 225)
6> true
7> {ok,boom}
8> {ok,<0.100.0>}
9> =ERROR REPORT==== 4-Dec-2026::04:05:22.785134 ===
** Generic server boom terminating 
** Last message in was {'$gen_cast',crash}
** When Server state == 0
** Reason for termination ==
** {badarith,[{erlang,'div',[1,0],[{error_info,#{module => erl_erts_errors}}]},
              {boom,handle_cast,2,[{file,"$DIR/boom.erl"},{line,11}]},
              {gen_server,try_dispatch,4,
                          [{file,"gen_server.erl"},{line,1123}]},
              {gen_server,handle_msg,6,[{file,"gen_server.erl"},{line,1200}]},
              {proc_lib,init_p_do_apply,3,
                        [{file,"proc_lib.erl"},{line,240}]}]}

=CRASH REPORT==== 4-Dec-2026::04:05:22.785304 ===
  crasher:
    initial call: boom:init/1
    pid: <0.100.0>
    registered_name: boom
    exception error: an error occurred when evaluating an arithmetic expression
      in operator  div/2
         called as 1 div 0
      in call from boom:handle_cast/2 ($DIR/boom.erl, line 11)
      in call from gen_server:try_dispatch/4 (gen_server.erl, line 1123)
      in call from gen_server:handle_msg/6 (gen_server.erl, line 1200)
    ancestors: [<0.92.0>]
    message_queue_len: 0
    messages: []
    links: []
    dictionary: []
    trap_exit: false
    status: running
    heap_size: 376
    stack_size: 28
    reductions: 5692
  neighbours:

ok
10> undefined
11> {ok,<0.104.0>}
12> =ERROR REPORT==== 4-Dec-2026::04:05:22.884442 ===
** Generic server boom terminating 
** Last message in was crash
** When Server state == 0
** Reason for termination ==
** {badarith,[{erlang,'div',[1,0],[{error_info,#{module => erl_erts_errors}}]},
              {boom,handle_call,3,[{file,"$DIR/boom.erl"},{line,9}]},
              {gen_server,try_handle_call,4,
                          [{file,"gen_server.erl"},{line,1149}]},
              {gen_server,handle_msg,6,[{file,"gen_server.erl"},{line,1178}]},
              {proc_lib,init_p_do_apply,3,
                        [{file,"proc_lib.erl"},{line,240}]}]}
** Client <0.92.0> stacktrace
** [{gen,do_call,4,[{file,"gen.erl"},{line,256}]},
    {gen_server,call,2,[{file,"gen_server.erl"},{line,366}]},
    {erl_eval,do_apply,7,[{file,"erl_eval.erl"},{line,748}]},
    {erl_eval,expr,6,[{file,"erl_eval.erl"},{line,480}]},
    {shell,exprs,7,[{file,"shell.erl"},{line,691}]},
    {shell,eval_exprs,7,[{file,"shell.erl"},{line,647}]},
    {shell,eval_loop,3,[{file,"shell.erl"},{line,632}]}]

=CRASH REPORT==== 4-Dec-2026::04:05:22.884663 ===
  crasher:
    initial call: boom:init/1
    pid: <0.104.0>
    registered_name: boom
    exception error: an error occurred when evaluating an arithmetic expression
      in operator  div/2
         called as 1 div 0
      in call from boom:handle_call/3 ($DIR/boom.erl, line 9)
      in call from gen_server:try_handle_call/4 (gen_server.erl, line 1149)
      in call from gen_server:handle_msg/6 (gen_server.erl, line 1178)
    ancestors: [<0.92.0>]
    message_queue_len: 0
    messages: []
    links: []
    dictionary: []
    trap_exit: false
    status: running
    heap_size: 6772
    stack_size: 28
    reductions: 10228
  neighbours:

ok
13> undefined
14> *** Terminating erlang (nonode@nohost)
"""#)

    /// A gen_server whose callbacks divide by zero.
    static let boomModule = #"""
-module(boom).
-behaviour(gen_server).
-export([start/0, init/1, handle_call/3, handle_cast/2]).

start() -> gen_server:start({local, boom}, boom, [], []).

init([]) -> {ok, 0}.

handle_call(crash, _From, N) -> {reply, 1 div N, N}.

handle_cast(crash, N) -> {noreply, 1 div N}.
"""#
}

@Suite("Process error reports")
struct ProcessErrorReportTests {
    @Test func plainProcessesAreReportedAsErlReportsThem() async {
        let t = ProcessErrorTranscripts.exact
        let printed = await transcript(ReportText.withoutSleeps(t.input) + "\n")
        #expect(ReportText.blocks(printed.trimmingTrailingNewlines) == ReportText.blocks(t.expected))
    }

    @Test func stacksAndServerCrashesAreReportedOnce() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("swerl-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try ProcessErrorTranscripts.boomModule.write(to: dir.appendingPathComponent("boom.erl"), atomically: false,
                                                     encoding: .utf8)
        let t = ProcessErrorTranscripts.stripped
        let input = t.input.replacingOccurrences(of: "$DIR", with: dir.path)
        let printed = await transcript(ReportText.withoutSleeps(input) + "\n")
        let expected = t.expected.replacingOccurrences(of: "$DIR", with: dir.path)
        #expect(ReportText.blocks(printed.trimmingTrailingNewlines, stripStacks: true)
                == ReportText.blocks(expected, stripStacks: true))
        // The three plain processes are reported; the proc_lib process and
        // the server's two crashes give their own reports, and no emulator
        // report.
        #expect(printed.components(separatedBy: "Error in process").count - 1 == 3, "\(printed)")
        #expect(printed.components(separatedBy: "=CRASH REPORT====").count - 1 == 3, "\(printed)")
    }

    @Test(arguments: [
        ("{badarith,[{erlang,'/',[1,0],[]}]}", "badarith"),
        ("{{nocatch,x},[{m,f,0,[{file,\"m.erl\"},{line,3}]}]}", "{nocatch,x}"),
        ("{foo,[]}", "{foo,[]}"),
        ("{\"a,}\",[{m,f,0,[]}]}", "\"a,}\""),
        ("{'a,{',[{m,f,0,[]}]}", "'a,{'"),
        ("{a,b,[{m,f,0,[]}]}", "{a,b,[{m,f,0,[]}]}"),
        ("[{m,f,0,[]}]", "[{m,f,0,[]}]"),
    ])
    func stackStripping(term: String, expected: String) {
        #expect(ReportText.withoutStack(term) == expected)
    }
}

/// The normalization the report transcripts are compared under (a small
/// part of the conformance corpus's rules).
enum ReportText {
    /// `input` with every `timer:sleep(N)` replaced by `ok`.
    static func withoutSleeps(_ input: String) -> String {
        var out = ""
        var rest = Substring(input)
        while let range = rest.range(of: "timer:sleep(") {
            guard let close = rest[range.upperBound...].firstIndex(of: ")"),
                  rest[range.upperBound..<close].allSatisfy(\.isNumber) else {
                out += rest[..<range.upperBound]
                rest = rest[range.upperBound...]
                continue
            }
            out += rest[..<range.lowerBound] + "ok"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// One prompt's output: the prompt, and its lines and reports (each
    /// report one entry, its lines joined), sorted.
    struct Block: Equatable, CustomStringConvertible {
        let prompt: String
        let entries: [String]
        var description: String { "\(prompt) \(entries)" }
    }

    /// `text` split into blocks at the prompts (`N> `; the rest of a
    /// prompt's line is the block's first line), normalized as
    /// `normalized(_:stripStacks:)` says.
    static func blocks(_ text: String, stripStacks: Bool = false) -> [Block] {
        var blocks: [(prompt: String, entries: [String])] = [("", [])]
        var report: [String]?
        for line in normalized(text, stripStacks: stripStacks) {
            if var lines = report {
                lines.append(line)
                report = line.isEmpty ? nil : lines
                if line.isEmpty { blocks[blocks.count - 1].entries.append(lines.joined(separator: "\n")) }
                continue
            }
            var rest = Substring(line)
            if let space = line.firstIndex(of: " "), space > line.startIndex, line[..<space].hasSuffix(">"),
               line[..<line.index(before: space)].allSatisfy(\.isNumber) {
                blocks.append((String(line[...space]), []))
                rest = line[line.index(after: space)...]
                if rest.isEmpty { continue }
            }
            if rest.hasPrefix("="), rest.hasSuffix(" REPORT====") {
                report = [String(rest)]
            } else {
                blocks[blocks.count - 1].entries.append(String(rest))
            }
        }
        if let report { blocks[blocks.count - 1].entries.append(report.joined(separator: "\n")) }
        return blocks.map { Block(prompt: $0.prompt, entries: $0.entries.sorted()) }
    }

    /// `text`'s lines with trailing whitespace dropped, report headers
    /// without their timestamps and pids numbered by first appearance
    /// (`<PID1>`, ...). With `stripStacks`, the bodies of CRASH REPORTs
    /// and the location lines of shell exceptions are dropped, and in
    /// other reports each line with its indented continuation lines is
    /// joined into one, a `{Reason, Stack}` becomes `Reason` and a `** `
    /// entry that is only a stack is dropped.
    static func normalized(_ text: String, stripStacks: Bool = false) -> [String] {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(line.reversed().drop(while: { $0 == " " }).reversed())
            if let start = line.range(of: "=")?.lowerBound, let end = line.range(of: " REPORT====") {
                line = String(line[..<end.upperBound])
                // A header after a prompt (`3> =ERROR REPORT====`) starts a line of its own.
                if start > line.startIndex {
                    lines.append(String(line[..<start]))
                    line = String(line[start...])
                }
            }
            lines.append(line)
        }
        if stripStacks { lines = strippingStacks(lines) }
        return numberingPids(lines)
    }

    private static func strippingStacks(_ lines: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            i += 1
            if isLocation(line) { continue }
            out.append(line)
            guard line.hasPrefix("="), line.hasSuffix(" REPORT====") else { continue }
            if line == "=CRASH REPORT====" {
                // Its indented lines, and a closing blank line (none after
                // a neighbour).
                while i < lines.count, lines[i].first == " " { i += 1 }
                if i < lines.count, lines[i].isEmpty { i += 1 }
                out.append("")
                continue
            }
            var body: [String] = []
            while i < lines.count, !lines[i].isEmpty {
                body.append(lines[i])
                i += 1
            }
            for group in groups(body) {
                let entry = group.hasPrefix("** ") ? String(group.dropFirst(3)) : group
                if group.hasPrefix("** "), isStack(entry) { continue }
                out.append((group.hasPrefix("** ") ? "** " : "") + withoutStack(entry))
            }
            if i < lines.count { out.append(lines[i]) }  // the closing blank line
            i += 1
        }
        return out
    }

    /// A line of where a shell exception happened (`in function  ...`,
    /// `called as ...`): erl's stacks are not Swerl's.
    private static func isLocation(_ line: String) -> Bool {
        let text = line.drop(while: { $0 == " " })
        guard text.startIndex != line.startIndex else { return false }
        return ["in function", "in call from", "in operator", "called as", "*** argument"].contains { text.hasPrefix($0) }
    }

    /// Each line with its indented continuation lines joined on.
    private static func groups(_ lines: [String]) -> [String] {
        var groups: [String] = []
        for line in lines {
            if line.first == " ", !groups.isEmpty {
                groups[groups.count - 1] += line.drop(while: { $0 == " " })
            } else {
                groups.append(line)
            }
        }
        return groups
    }

    /// A printed list of tuples, as stacks are.
    private static func isStack(_ term: String) -> Bool { term.hasPrefix("[{") && term.hasSuffix("]") }

    /// `Reason` for a printed `{Reason, Stack}`; any other term as it is.
    static func withoutStack(_ term: String) -> String {
        guard term.hasPrefix("{"), term.hasSuffix("}") else { return term }
        let inner = Array(term.dropFirst().dropLast())
        var depth = 0
        var quote: Character?
        var escaped = false
        var commas: [Int] = []
        for (index, c) in inner.enumerated() {
            if let q = quote {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == q { quote = nil }
                continue
            }
            switch c {
            case "\"", "'": quote = c
            case "{", "[", "(": depth += 1
            case "}", "]", ")": depth -= 1
            case "," where depth == 0: commas.append(index)
            default: break
            }
        }
        guard commas.count == 1 else { return term }
        let stack = String(inner[(commas[0] + 1)...])
        return isStack(stack) ? String(inner[..<commas[0]]) : term
    }

    private static func numberingPids(_ lines: [String]) -> [String] {
        var numbers: [String: Int] = [:]
        return lines.map { line in
            var out = ""
            var rest = Substring(line)
            while let open = rest.range(of: "<0.") {
                guard let close = rest[open.upperBound...].firstIndex(of: ">"),
                      rest[open.upperBound..<close].allSatisfy({ $0.isNumber || $0 == "." }) else {
                    out += rest[..<open.upperBound]
                    rest = rest[open.upperBound...]
                    continue
                }
                let pid = String(rest[open.lowerBound...close])
                let number = numbers[pid] ?? numbers.count + 1
                numbers[pid] = number
                out += rest[..<open.lowerBound] + "<PID\(number)>"
                rest = rest[rest.index(after: close)...]
            }
            return out + rest
        }
    }
}
