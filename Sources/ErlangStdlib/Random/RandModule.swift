import ErlangRuntime
import ErlangTerms

/// The `rand` module's everyday functions: `uniform/0,1`, `seed/1,2`,
/// `export_seed/0`. As in erl the state lives in the process dictionary
/// under `rand_seed` (so `seed/2` makes a process's sequence repeatable),
/// and an unseeded process seeds itself from the clock and a unique counter.
///
/// Known difference: the generator is a xorshift116+ of Swerl's own and the
/// state term is `{#{type => Alg}, [S0 | S1]}` without erl's funs, so
/// values for a given seed are not erl's (erl's sequences are not promised
/// across releases either); ranges and types are erl's.
enum RandModule {
    /// The exported functions.
    static let functions: FunctionTable = [
        bif("uniform", 0, { p, _ in
            let bits = next(p)
            return .float(Double(bits >> 5) * 0x1.0p-53)
        }),
        bif("uniform", 1, { p, a in
            guard case .int(let n) = a[0], n >= 1 else {
                throw StdlibError.functionClause("rand", "uniform_s", [a[0], state(p)], line: 346)
                    .calledFrom(StdlibError.sourceFrame("rand", "uniform", .int(1), line: 319))
            }
            return .int(Int(next(p) % UInt64(n)) + 1)
        }),
        bif("seed", 1, { p, a in try seed(p, a[0], fromTerm: nil, a) }),
        bif("seed", 2, { p, a in try seed(p, a[0], fromTerm: a[1], a) }),
        bif("export_seed", 0, { p, _ in p.get(key) ?? .atom("undefined") }),
    ]

    /// The process dictionary key erl uses.
    static let key = Term.atom("rand_seed")

    /// The algorithms erl accepts.
    static let algorithms: Set<String> = ["exsss", "exro928ss", "exrop", "exs1024s", "exsp", "exs64", "exsplus", "exs1024", "exro928"]

    /// A mask of 58 bits (the state words' width).
    static let mask: UInt64 = (1 << 58) - 1

    /// The current state term, seeding the process first when it has none.
    static func state(_ p: ErlangProcess) -> Term {
        if let s = p.get(key) { return s }
        let fresh = make("exsss", words(from: UInt64(truncatingIfNeeded: OSClock.nanoseconds()) ^ UInt64(p.pid.hashValue & 0xFFFF_FFFF)))
        p.put(key, fresh)
        return fresh
    }

    /// The next 58-bit value of the process's generator.
    static func next(_ p: ErlangProcess) -> UInt64 {
        var (s0, s1, algorithm) = (UInt64(1), UInt64(2), Term.atom("exsss"))
        if case .tuple(let e) = state(p), e.count == 2, case .cons(let cell) = e[1],
           case .int(let a) = cell.head, case .int(let b) = cell.tail {
            (s0, s1, algorithm) = (UInt64(truncatingIfNeeded: a) & mask, UInt64(truncatingIfNeeded: b) & mask, e[0])
        }
        // xorshift116+ on two 58-bit words.
        var x = s0
        x ^= (x << 24) & mask
        let newS1 = x ^ s1 ^ (x >> 11) ^ (s1 >> 41)
        let out = (s1 &+ newS1) & mask
        p.put(key, .tuple([algorithm, .cons(.int(Int(s1)), .int(Int(newS1)))]))
        return out
    }

    /// `seed(Alg)` / `seed(Alg, Seed)`: a fresh state, stored and returned.
    static func seed(_ p: ErlangProcess, _ alg: Term, fromTerm seed: Term?, _ args: [Term]) throws -> Term {
        guard case .atom(let name) = alg, algorithms.contains(name.text) else {
            throw StdlibError.functionClause("rand", "mk_alg", [alg], line: 706)
                .calledFrom(StdlibError.sourceFrame("rand", "seed_s", .int(args.count), line: 297))
        }
        let start: UInt64
        if let seed {
            start = UInt64(truncatingIfNeeded: TermHash.hash(seed))
        } else {
            start = UInt64(truncatingIfNeeded: OSClock.nanoseconds())
        }
        let state = make(name.text, words(from: start))
        p.put(key, state)
        return state
    }

    /// The state term for `algorithm` and two words.
    static func make(_ algorithm: String, _ words: (UInt64, UInt64)) -> Term {
        .tuple([.map([(.atom("type"), .atom(Atom(algorithm)))]), .cons(.int(Int(words.0)), .int(Int(words.1)))])
    }

    /// Two non-zero 58-bit words from a seed (splitmix64 steps).
    static func words(from seed: UInt64) -> (UInt64, UInt64) {
        var z = seed
        func step() -> UInt64 {
            z &+= 0x9E37_79B9_7F4A_7C15
            var r = z
            r = (r ^ (r >> 30)) &* 0xBF58_476D_1CE4_E5B9
            r = (r ^ (r >> 27)) &* 0x94D0_49BB_1331_11EB
            return r ^ (r >> 31)
        }
        let a = step() & mask, b = step() & mask
        return (a == 0 ? 1 : a, b == 0 ? 2 : b)
    }
}
