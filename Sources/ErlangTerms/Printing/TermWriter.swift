/// `~w`: writes a term on one line, as `io_lib:write/1,2` does (`~W` with
/// a depth). Binaries always print as bytes (`<<97,98>>`), lists never as
/// strings. The term is walked with an explicit stack, so any nesting
/// depth prints without native recursion.
///
/// Split: this file walks containers; `TermWriter+Atomic` writes numbers,
/// atoms, pids, refs, funs and binaries.
public enum TermWriter {
    /// One pending piece of output.
    private enum Step {
        /// A whole term at a depth (erl's `write1/3`).
        case term(Term, depth: Int)
        /// Literal text.
        case text(String)
        /// What follows a list's element (erl's `write_tail/3`).
        case listTail(Term, depth: Int)
        /// A tuple's elements from `index` on (erl's `write_tuple/4`).
        case tupleRest([Term], index: Int, depth: Int)
        /// A map's pairs from `index` on (erl's `write_map_body/4`).
        case mapRest([(key: Term, value: Term)], index: Int, depth: Int, pairDepth: Int)
    }

    /// The term on one line. `depth` limits nesting as `~W` does (-1: no
    /// limit; 0 gives `...`); `encoding` decides how atoms with characters
    /// above 255 print.
    public static func write(_ term: Term, depth: Int = -1, encoding: PrintEncoding = .latin1) -> String {
        var out = ""
        write(term, depth: depth, encoding: encoding, into: &out)
        return out
    }

    /// Appends the term on one line to `out` (see `write(_:depth:encoding:)`).
    public static func write(_ term: Term, depth: Int = -1, encoding: PrintEncoding = .latin1,
                             into out: inout String) {
        // Any negative depth means no limit; -1 keeps the walk's decrements from overflowing.
        var stack: [Step] = [.term(term, depth: depth < 0 ? -1 : depth)]
        while let step = stack.popLast() {
            switch step {
            case .text(let s):
                out += s
            case .term(let t, let d):
                writeOne(t, depth: d, encoding: encoding, into: &out, stack: &stack)
            case .listTail(let t, let d):
                switch t {
                case .nil:
                    break
                case .cons(let cell) where d != 1:
                    out += ","
                    stack.append(.listTail(cell.tail, depth: d - 1))
                    stack.append(.term(cell.head, depth: d - 1))
                case .int, .bigInt, .float, .atom, .tuple, .cons, .map, .binary, .pid, .ref, .fun:
                    if d == 1 {
                        out += "|..."
                    } else {
                        out += "|"
                        stack.append(.term(t, depth: d - 1))
                    }
                }
            case .tupleRest(let elements, let i, let d):
                if i >= elements.count { continue }
                if d == 1 {
                    out += ",..."
                    continue
                }
                out += ","
                stack.append(.tupleRest(elements, index: i + 1, depth: d - 1))
                stack.append(.term(elements[i], depth: d - 1))
            case .mapRest(let pairs, let i, let d, let pairDepth):
                // erl checks the depth before looking for a next pair.
                if d == 1 {
                    out += ",..."
                    continue
                }
                if i >= pairs.count { continue }
                out += ","
                stack.append(.mapRest(pairs, index: i + 1, depth: d - 1, pairDepth: pairDepth))
                stack.append(.term(pairs[i].value, depth: pairDepth))
                stack.append(.text(" => "))
                stack.append(.term(pairs[i].key, depth: pairDepth))
            }
        }
    }

    private static func writeOne(_ t: Term, depth d: Int, encoding: PrintEncoding, into out: inout String,
                                 stack: inout [Step]) {
        if d == 0 {
            out += "..."
            return
        }
        switch t {
        case .int, .bigInt, .float, .atom, .pid, .ref, .fun:
            out += atomic(t, encoding: encoding)
        case .nil:
            out += "[]"
        case .binary(let b):
            out += binary(b, depth: d)
        case .tuple(let elements):
            guard let first = elements.first else {
                out += "{}"
                return
            }
            if d == 1 {
                out += "{...}"
                return
            }
            out += "{"
            stack.append(.text("}"))
            stack.append(.tupleRest(elements, index: 1, depth: d - 1))
            stack.append(.term(first, depth: d - 1))
        case .cons(let cell):
            if d == 1 {
                out += "[...]"
                return
            }
            out += "["
            stack.append(.text("]"))
            stack.append(.listTail(cell.tail, depth: d - 1))
            stack.append(.term(cell.head, depth: d - 1))
        case .map(let map):
            let pairs = MapKeyOrder.sortedPairs(map)
            guard let first = pairs.first, d != 1 else {
                out += "#{}"
                return
            }
            out += "#{"
            stack.append(.text("}"))
            stack.append(.mapRest(pairs, index: 1, depth: d - 1, pairDepth: d - 1))
            stack.append(.term(first.value, depth: d - 1))
            stack.append(.text(" => "))
            stack.append(.term(first.key, depth: d - 1))
        }
    }
}
