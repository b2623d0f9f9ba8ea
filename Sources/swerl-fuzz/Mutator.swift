/// Makes syntactically doubtful text out of good Erlang: byte-level
/// mutations of seed lines, splices of two seeds, and soups of Erlang
/// tokens in random order.
struct Mutator {
    /// The seed lines (good Erlang).
    let seeds: [String]

    static let vocabulary = [
        "(", ")", "[", "]", "{", "}", "<<", ">>", "#{", "#", ".", ",", ";", "->", "=>", ":=", "|", "||",
        "<-", "<=", "=", "==", "=:=", "=/=", "+", "-", "*", "/", "div", "rem", "band", "bsl", "++", "--",
        "!", "?", ":", "case", "of", "end", "if", "fun", "receive", "after", "try", "catch", "begin",
        "when", "andalso", "orelse", "not", "X", "Y", "_", "atom", "'q a'", "\"s\"", "$a", "1", "2.5",
        "16#ff", "2#101", "1e400", "99999999999999999999999", "lists:seq", "self()", "\n", " ", "%c\n",
    ]

    /// One mutated input.
    func next(_ random: inout SeededRandom) -> String {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return soup(&random)
        case 1: return splice(&random)
        default: return mutate(random.pick(seeds), &random)
        }
    }

    private func soup(_ random: inout SeededRandom) -> String {
        let count = Int.random(in: 1...40, using: &random)
        return (0..<count).map { _ in random.pick(Self.vocabulary) }.joined(separator: random.chance(0.5) ? " " : "")
    }

    private func splice(_ random: inout SeededRandom) -> String {
        let a = Array(random.pick(seeds).unicodeScalars), b = Array(random.pick(seeds).unicodeScalars)
        let i = Int.random(in: 0...a.count, using: &random), j = Int.random(in: 0...b.count, using: &random)
        return String(String.UnicodeScalarView(a[..<i] + b[j...]))
    }

    private func mutate(_ seed: String, _ random: inout SeededRandom) -> String {
        var scalars = Array(seed.unicodeScalars)
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            let at = Int.random(in: 0...scalars.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where at < scalars.count: scalars.remove(at: at)
            case 1: scalars.insert(contentsOf: random.pick(Self.vocabulary).unicodeScalars, at: at)
            case 2 where at < scalars.count:
                scalars[at] = Unicode.Scalar(UInt8.random(in: 32...126, using: &random))
            default:
                let piece = Array(scalars[..<at].suffix(Int.random(in: 0...8, using: &random)))
                scalars.insert(contentsOf: piece, at: at)
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
