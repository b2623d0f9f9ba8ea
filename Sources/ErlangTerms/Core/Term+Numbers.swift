import BigInt

extension Term {
    /// An integer term in its canonical representation: `.int` when it fits.
    public static func integer(_ value: BigInt) -> Term {
        if let small = Int(exactly: value) { return .int(small) }
        return .bigInt(BigIntBox(value))
    }

    /// Whether the term is an integer (small or big).
    public var isInteger: Bool {
        switch self {
        case .int, .bigInt: return true
        default: return false
        }
    }

    /// Whether the term is a number (integer or float).
    public var isNumber: Bool {
        switch self {
        case .int, .bigInt, .float: return true
        default: return false
        }
    }

    /// The integer as a `BigInt`, when the term is an integer.
    public var bigIntValue: BigInt? {
        switch self {
        case .int(let i): return BigInt(i)
        case .bigInt(let b): return b.value
        default: return nil
        }
    }

    /// The number as a `Double`, when the term is a number.
    /// Big integers too large for a float give `nil` (erl: `badarith`).
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .bigInt(let b):
            let d = Double(b.value)
            return d.isFinite ? d : nil
        case .float(let f): return f
        default: return nil
        }
    }
}
