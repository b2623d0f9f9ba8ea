/// Hashing consistent with exact equality (`=:=`), walked with an explicit
/// stack so that deeply nested terms hash without native recursion.
extension Term: Hashable {
    /// Feeds the term's structure into `hasher`.
    public func hash(into hasher: inout Hasher) {
        var pending: [Term] = [self]
        while let term = pending.popLast() {
            hasher.combine(orderRank)
            switch term {
            case .int(let i): hasher.combine(i)
            case .bigInt(let b): hasher.combine(b.value)
            case .float(let f): hasher.combine(f == 0 ? 0.0 : f)
            case .atom(let a): hasher.combine(a)
            case .tuple(let elements):
                hasher.combine(elements.count)
                pending.append(contentsOf: elements.reversed())
            case .nil: break
            case .cons(let cell):
                pending.append(cell.tail)
                pending.append(cell.head)
            case .map(let m):
                hasher.combine(m.count)
                // Order-independent: combine per-entry hashes commutatively.
                var sum = 0
                for (key, value) in m.storage {
                    var h = Hasher()
                    h.combine(key)
                    h.combine(value)
                    sum = sum &+ h.finalize()
                }
                hasher.combine(sum)
            case .binary(let b):
                hasher.combine(b.bitCount)
                hasher.combine(b.bytes)
            case .pid(let p): hasher.combine(p)
            case .ref(let r): hasher.combine(r)
            case .fun(let f):
                switch f.kind {
                case .external(let module, let function):
                    // Equal by value, so hashed by value.
                    hasher.combine(module)
                    hasher.combine(function)
                    hasher.combine(f.arity)
                case .local:
                    hasher.combine(f.identity)
                }
            }
        }
    }
}
