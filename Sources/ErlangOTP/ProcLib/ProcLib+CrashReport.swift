import ErlangRuntime
import ErlangTerms

/// The `=CRASH REPORT====` a proc_lib process writes when it dies of an
/// exception: the crasher (its initial call, pid, name, the exception, its
/// ancestors, mailbox, links, dictionary and flags) and its neighbours
/// (the linked processes). Mirrors `proc_lib:crash_report/4`'s layout.
/// erl's memory figures (`heap_size`, `stack_size`, `reductions`) are not
/// printed: Swerl does not measure them.
extension ProcLib {
    static func writeCrashReport(_ process: ErlangProcess, _ exception: ErlangException) {
        var lines = ["  crasher:"]
        let initial = process.get(.atom(OTPAtom.initialCallKey)) ?? process.initialCall
        lines.append("    initial call: \(mfaText(initial))")
        lines.append("    pid: \(TermWriter.write(.pid(process.pid)))")
        lines.append("    registered_name: \(process.registeredName.map { AtomText.quoted($0) } ?? "[]")")
        var stack = exception.stacktrace
        if stack.last == StackFrames.procLibBottom { stack.removeLast() }
        lines += ExceptionText.lines(exception.kind, exception.reason, stack, indent: 4)
        let ancestors = process.get(.atom(OTPAtom.ancestorsKey)) ?? .nil
        lines.append(field("ancestors", ancestors))
        let messages = process.queuedMessages
        lines.append("    message_queue_len: \(messages.count)")
        lines.append(field("messages", .list(messages)))
        let links = process.links
        lines.append(field("links", .list(links.map(Term.pid))))
        let dictionary = process.dictionaryEntries.filter { !isProcLibKey($0.key) }
        lines.append(field("dictionary", .list(dictionary.map { .tuple([$0.key, $0.value]) })))
        lines.append("    trap_exit: \(process.trapExit)")
        lines.append("    status: running")
        lines.append("  neighbours:")
        var neighbours = 0
        for pid in links {
            guard let other = process.runtime.process(pid) else { continue }
            neighbours += 1
            lines += neighbourLines(other, seenBy: process.pid)
        }
        var body = lines.joined(separator: "\n") + "\n"
        if neighbours > 0 { body.removeLast() }
        OTPLogger.of(process.runtime).write(.error, body, kind: "CRASH")
    }

    private static func neighbourLines(_ other: ErlangProcess, seenBy asker: Pid) -> [String] {
        var lines = ["    neighbour:"]
        lines.append("      pid: \(TermWriter.write(.pid(other.pid)))")
        lines.append("      registered_name: \(other.registeredName.map { AtomText.quoted($0) } ?? "[]")")
        let initial = other.get(.atom(OTPAtom.initialCallKey)) ?? other.initialCall
        lines.append("      initial_call: \(TermWriter.write(initial))")
        lines.append("      ancestors: \(TermWriter.write(other.get(.atom(OTPAtom.ancestorsKey)) ?? .nil))")
        lines.append("      message_queue_len: \(other.messageQueueLength)")
        lines.append("      links: \(TermWriter.write(.list(other.links.map(Term.pid))))")
        lines.append("      trap_exit: \(other.trapExit)")
        lines.append("      status: \(other.status(seenBy: asker).rawValue)")
        return lines
    }

    private static func field(_ name: String, _ value: Term) -> String {
        let prefix = "    \(name): "
        return prefix + PrettyPrinter(unicode: true).print(value, column: prefix.count + 1)
    }

    private static func isProcLibKey(_ key: Term) -> Bool {
        key == .atom(OTPAtom.ancestorsKey) || key == .atom(OTPAtom.initialCallKey)
    }

    /// `M:F/A` for `{M, F, A}`.
    static func mfaText(_ mfa: Term) -> String {
        if case .tuple(let e) = mfa, e.count == 3, case .atom(let m) = e[0], case .atom(let f) = e[1],
           case .int(let a) = e[2] {
            return "\(AtomText.quoted(m)):\(AtomText.quoted(f))/\(a)"
        }
        return TermWriter.write(mfa)
    }
}
