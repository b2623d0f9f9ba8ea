import ErlangRuntime
import ErlangTerms

/// `process_info/1,2` and `is_process_alive/1`.
///
/// Supported items: `registered_name`, `current_function`, `initial_call`,
/// `status`, `message_queue_len`, `messages`, `links`, `monitors`,
/// `monitored_by`, `dictionary`, `trap_exit`, `reductions`, `error_handler`, `priority`,
/// `suspending`. Any other item is `badarg`. `current_function` reports
/// what the process says it is in (a gen_server: its loop, or
/// `erlang:hibernate/3`), otherwise the initial call. A dead pid
/// gives `undefined`.
extension ProcessBIFs {
    static let info: FunctionTable = [
        // A process with a deadly exit signal pending is no longer alive:
        // erl orders signals, so after `exit(P, kill)` the sender sees P dead.
        bif("is_process_alive", 1, { p, a in
            guard let target = p.runtime.process(try pidArgument(a[0])) else { return .false }
            return .bool(target.status(seenBy: p.pid) != .exiting)
        }),
        bif("process_info", 1, { p, a in
            guard let target = p.runtime.process(try pidArgument(a[0])) else { return .undefined }
            var items = summaryItems
            if target.registeredName != nil { items.insert("registered_name", at: 0) }
            return .list(items.map { .tuple([.atom(Atom($0)), infoValue($0, of: target, askedBy: p)]) })
        }),
        bif("process_info", 2, { p, a in
            let pid = try pidArgument(a[0])
            if case .atom(let item) = a[1] {
                guard supportedItems.contains(item.text) else { throw ErlangException.badarg }
                guard let target = p.runtime.process(pid) else { return .undefined }
                if item.text == "registered_name", target.registeredName == nil { return .nil }
                return .tuple([a[1], infoValue(item.text, of: target, askedBy: p)])
            }
            guard let list = a[1].listElements else { throw ErlangException.badarg }
            let items = try list.map { term -> String in
                guard case .atom(let item) = term, supportedItems.contains(item.text) else { throw ErlangException.badarg }
                return item.text
            }
            guard let target = p.runtime.process(pid) else { return .undefined }
            return .list(items.map { .tuple([.atom(Atom($0)), infoValue($0, of: target, askedBy: p)]) })
        }),
    ]

    /// The items of `process_info/1` (after `registered_name`, when the process has one).
    static let summaryItems = [
        "current_function", "initial_call", "status", "message_queue_len", "links",
        "dictionary", "trap_exit", "error_handler", "priority", "suspending",
    ]

    /// Every item `process_info/2` accepts.
    static let supportedItems: Set<String> = Set(summaryItems + [
        "registered_name", "messages", "monitors", "monitored_by", "reductions",
    ])

    /// The value of one `process_info` item of `target`.
    static func infoValue(_ item: String, of target: ErlangProcess, askedBy asker: ErlangProcess) -> Term {
        switch item {
        case "registered_name": return target.registeredName.map { .atom($0) } ?? .nil
        case "current_function": return target.currentFunction ?? target.initialCall
        case "initial_call": return target.initialCall
        case "status": return .atom(Atom(target.status(seenBy: asker.pid).rawValue))
        case "message_queue_len": return .int(target.messageQueueLength)
        case "messages": return .list(target.queuedMessages)
        case "links": return .list(target.links.map { .pid($0) })
        case "monitors": return .list(target.monitoredItems.map { .tuple([.atom(.process), $0]) })
        case "monitored_by": return .list(target.monitoringPids.sorted().map { .pid($0) })
        case "dictionary": return .list(target.dictionaryEntries.map { .tuple([$0.key, $0.value]) })
        case "trap_exit": return .bool(target.trapExit)
        case "reductions": return .int(target.reductions(seenBy: asker.pid))
        case "error_handler": return .atom("error_handler")
        case "priority": return .atom("normal")
        default: return .nil   // "suspending", and nothing else reaches here
        }
    }
}
