import ErlangTerms

/// `io_lib:write/1,2`: a term as `~w` writes it, in the nested character
/// list shape OTP's `io_lib:write/2` builds (`{a,"b"}` gives
/// `[123,["a",44,[91,["98"],93]],125]`), with its depth limit (`...`).
/// Builds with an explicit stack, so nesting depth is unbounded.
enum IOLibWrite {
    private enum Task {
        /// Write a term at a depth.
        case value(Term, Int)
        /// Append a finished piece.
        case emit(Term)
        /// Start collecting the elements of a compound term.
        case open
        /// Wrap the collected elements as `prefix ++ [Elements] ++ suffix`.
        case close(prefix: [Term], suffix: [Term])
        /// Append the collected elements as one list (a map association).
        case closeBare
    }

    /// The written term. With `strings` (`io_lib:print/1` of a term that
    /// fits on a line) printable lists and binaries appear as their
    /// quoted text, as `~p` writes them.
    static func write(_ term: Term, depth: Int, strings: Bool = false) -> Term {
        var collected: [[Term]] = [[]]
        // Any negative depth is no limit; -1 keeps the decrements from overflowing.
        var tasks: [Task] = [.value(term, depth < 0 ? -1 : depth)]
        func chars(_ s: String) -> [Term] { s.unicodeScalars.map { .int(Int($0.value)) } }
        while let task = tasks.popLast() {
            switch task {
            case .emit(let t):
                collected[collected.count - 1].append(t)
            case .open:
                collected.append([])
            case .closeBare:
                let items = collected.removeLast()
                collected[collected.count - 1].append(.list(items))
            case .close(let prefix, let suffix):
                let items = collected.removeLast()
                collected[collected.count - 1].append(.list(prefix + [.list(items)] + suffix))
            case .value(let t, let d):
                if d == 0 {
                    collected[collected.count - 1].append(.string("..."))
                    continue
                }
                var plan: [Task] = []
                switch t {
                case .int, .bigInt, .float, .atom, .pid, .ref, .fun:
                    plan = [.emit(.string(TermWriter.write(t)))]
                case .nil:
                    plan = [.emit(.string("[]"))]
                case .cons where strings && StringText.printableCodes(t) != nil:
                    plan = [.emit(.string(PrettyPrinter().print(t)))]
                case .binary where strings:
                    plan = [.emit(.string(PrettyPrinter().print(t)))]
                case .cons:
                    plan = [.open, .value(headOf(t), d - 1)]
                    var rest = tailOf(t)
                    var tailDepth = d - 1
                    while true {
                        if case .nil = rest { break }
                        if tailDepth == 1 {
                            plan += chars("|...").map { .emit($0) }
                            break
                        }
                        guard case .cons(let cell) = rest else {
                            plan += [.emit(.int(0x7C)), .value(rest, tailDepth - 1)]
                            break
                        }
                        plan += [.emit(.int(0x2C)), .value(cell.head, tailDepth - 1)]
                        rest = cell.tail
                        tailDepth -= 1
                    }
                    plan.append(.close(prefix: [.int(0x5B)], suffix: [.int(0x5D)]))
                case .tuple(let items):
                    guard let first = items.first else {
                        plan = [.emit(.string("{}"))]
                        break
                    }
                    plan = [.open, .value(first, d - 1)] + tail(items.dropFirst(), d - 1) { [.value($0, $1)] }
                    plan.append(.close(prefix: [.int(0x7B)], suffix: [.int(0x7D)]))
                case .map(let map):
                    let pairs = map.sortedPairs
                    guard let first = pairs.first else {
                        plan = [.emit(.string("#{}"))]
                        break
                    }
                    func assoc(_ pair: (key: Term, value: Term), _ depth: Int) -> [Task] {
                        [.open, .value(pair.key, depth), .emit(.string(" => ")), .value(pair.value, depth), .closeBare]
                    }
                    plan = [.open] + assoc(first, d - 1) + tail(pairs.dropFirst(), d - 1, assoc)
                    plan.append(.close(prefix: [.int(0x23), .int(0x7B)], suffix: [.int(0x7D)]))
                case .binary(let bits):
                    plan = binary(bits, d)
                }
                tasks += plan.reversed()
            }
        }
        return collected[0].first ?? .nil
    }

    /// `[Sep, W2, Sep, W3 ...]` for the elements after the first, with `,...` at the depth limit.
    private static func tail<C: Collection>(_ rest: C, _ depth: Int, _ each: (C.Element, Int) -> [Task]) -> [Task] {
        var plan: [Task] = []
        var d = depth
        for element in rest {
            if d == 1 {
                plan += [.emit(.int(0x2C)), .emit(.int(0x2E)), .emit(.int(0x2E)), .emit(.int(0x2E))]
                break
            }
            plan.append(.emit(.int(0x2C)))
            plan += each(element, d - 1)
            d -= 1
        }
        return plan
    }

    /// `<<1,2>>` as `[60,60,["1",44,"2"],62,62]`; a partial last byte as `V:Size`.
    private static func binary(_ bits: Bitstring, _ depth: Int) -> [Task] {
        let whole = bits.bitCount / 8
        var pieces: [String] = bits.bytes.prefix(whole).map { "\($0)" }
        if bits.trailingBitCount > 0, let last = bits.bytes.last {
            let size = bits.trailingBitCount
            pieces.append("\(Int(last) >> (8 - size)):\(size)")
        }
        var plan: [Task] = [.open]
        for (i, piece) in pieces.enumerated() {
            if depth > 0, i == depth - 1, i < pieces.count - 1 {
                if i > 0 { plan.append(.emit(.int(0x2C))) }
                plan.append(.emit(.string("...")))
                break
            }
            if i > 0 { plan.append(.emit(.int(0x2C))) }
            if let colon = piece.firstIndex(of: ":") {
                plan.append(.emit(.string(String(piece[..<colon]))))
                plan.append(.emit(.int(0x3A)))
                plan.append(.emit(.string(String(piece[piece.index(after: colon)...]))))
            } else {
                plan.append(.emit(.string(piece)))
            }
        }
        plan.append(.close(prefix: [.int(0x3C), .int(0x3C)], suffix: [.int(0x3E), .int(0x3E)]))
        return plan
    }

    private static func headOf(_ t: Term) -> Term {
        if case .cons(let cell) = t { return cell.head }
        return .nil
    }

    private static func tailOf(_ t: Term) -> Term {
        if case .cons(let cell) = t { return cell.tail }
        return .nil
    }
}
