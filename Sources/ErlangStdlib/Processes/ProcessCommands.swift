import ErlangRuntime
import ErlangTerms

/// The shell's process listings `regs/0` and `i/0`, with erl's column
/// layout. Mirrors `c:regs/0` and `c:i/0`. The lead adds this table to the
/// native `c` module.
///
/// Swerl has no per-process heap or stack: the `Heap` column shows the
/// words that the process's mailbox and dictionary would take on a BEAM
/// heap (see `heapWords`), the `Stack` column 0, and `Current Function`
/// what `process_info(P, current_function)` reports.
public enum ProcessCommands {
    /// `regs/0` and `i/0`.
    public static let functions: FunctionTable = [
        bif("regs", 0, { p, _ in
            p.runtime.output.write(registeredListing(p))
            return .ok
        }),
        bif("i", 0, { p, _ in
            p.runtime.output.write(processListing(p))
            return .ok
        }),
    ]

    /// The text `regs/0` prints: the registered processes by name, then the
    /// (always empty) table of registered ports.
    static func registeredListing(_ p: ErlangProcess) -> String {
        let runtime = p.runtime
        var text = "\n** Registered procs on node nonode@nohost **\n"
        text += column("Name", 21) + " " + column("Pid", 12) + " " + column("Initial Call", 25)
            + " " + right("Reds", 12) + " " + right("Msgs", 4) + "\n"
        for name in runtime.registeredNames.sorted(by: { $0.text < $1.text }) {
            guard let pid = runtime.whereis(name), let process = runtime.process(pid) else { continue }
            text += column(name.text, 21) + " " + column(pidText(pid), 12) + " "
                + column(callText(process.initialCall), 25) + " "
                + right(String(process.reductions(seenBy: p.pid)), 12) + " "
                + right(String(process.messageQueueLength), 4) + "\n"
        }
        text += "\n** Registered ports on node nonode@nohost **\n"
        text += column("Name", 21) + " " + column("Id", 15) + " " + column("Command", 40) + "\n"
        return text
    }

    /// The text `i/0` prints: two lines per live process, then the totals.
    static func processListing(_ p: ErlangProcess) -> String {
        let runtime = p.runtime
        var text = column("Pid", 21) + " " + column("Initial Call", 33) + right("Heap", 9) + right("Reds", 9)
            + right("Msgs", 5) + "\n"
        text += column("Registered", 21) + " " + column("Current Function", 33) + right("Stack", 9)
            + String(repeating: " ", count: 14) + "\n"
        var heap = 0, reductions = 0, messages = 0
        for pid in runtime.processPids {
            guard let process = runtime.process(pid) else { continue }
            let words = heapWords(process)
            let reds = process.reductions(seenBy: p.pid)
            let queued = process.messageQueueLength
            heap += words
            reductions += reds
            messages += queued
            let call = callText(process.initialCall)
            text += column(pidText(pid), 21) + " " + column(call, 33) + right(String(words), 9)
                + right(String(reds), 9) + right(String(queued), 5) + "\n"
            let current = process.currentFunction.map(callText) ?? call
            text += column(process.registeredName?.text ?? "", 21) + " " + column(current, 33) + right("0", 9)
                + String(repeating: " ", count: 14) + "\n"
        }
        text += column("Total", 55) + right(String(heap), 9) + right(String(reductions), 9)
            + right(String(messages), 5) + "\n"
        text += String(repeating: " ", count: 55) + right("0", 9) + String(repeating: " ", count: 14) + "\n"
        return text
    }

    /// `text` cut or padded with spaces to `width` (`~-Ns`).
    static func column(_ text: String, _ width: Int) -> String {
        let cut = String(text.prefix(width))
        return cut + String(repeating: " ", count: max(0, width - cut.count))
    }

    /// `text` right-aligned in `width` (`~Nw`); wider text is not cut.
    static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// `<0.N.0>`.
    static func pidText(_ pid: Pid) -> String { "<0.\(pid.serial).0>" }

    /// `M:F/A` from `{M, F, A}`.
    static func callText(_ call: Term) -> String {
        guard case .tuple(let e) = call, e.count == 3, case .atom(let m) = e[0], case .atom(let f) = e[1],
              case .int(let a) = e[2] else { return "" }
        return "\(m.text):\(f.text)/\(a)"
    }

    /// The words the process's messages and dictionary would take on a BEAM
    /// heap (`erts_debug:flat_size/1` of each), plus BEAM's 233-word
    /// minimum heap. Maps and binaries are counted shallowly.
    static func heapWords(_ process: ErlangProcess) -> Int {
        var terms = process.queuedMessages
        for entry in process.dictionaryEntries { terms.append(.tuple([entry.key, entry.value])) }
        return 233 + terms.reduce(0) { $0 + flatWords($1) }
    }

    /// The words `term` takes on a BEAM heap, counted without recursion.
    static func flatWords(_ term: Term) -> Int {
        var words = 0
        var pending = [term]
        while let next = pending.popLast() {
            switch next {
            case .int, .atom, .nil, .pid:
                break
            case .bigInt:
                words += 3
            case .float:
                words += 2
            case .ref:
                words += 4
            case .binary:
                words += 6
            case .fun:
                words += 5
            case .tuple(let items):
                words += 1 + items.count
                pending.append(contentsOf: items)
            case .cons(let cell):
                words += 2
                pending.append(cell.head)
                pending.append(cell.tail)
            case .map(let map):
                words += 3 + 2 * map.count
            }
        }
        return words
    }
}
