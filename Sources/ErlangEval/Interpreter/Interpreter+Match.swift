import ErlangSyntax
import ErlangTerms

/// Pattern matching. A match either succeeds and binds its new variables
/// into `env`, or fails and leaves `env` as it was.
extension Interpreter {
    /// Matches `value` against `pattern`, binding into `env` on success.
    public func match(_ pattern: Expr, _ value: Term, _ env: inout Bindings) throws -> Bool {
        try match(Pattern(pattern), value, &env)
    }

    /// Matches `value` against a compiled pattern, binding into `env` on success.
    func match(_ pattern: Pattern, _ value: Term, _ env: inout Bindings) throws -> Bool {
        var scratch = env
        guard try bind(pattern, value, &scratch) else { return false }
        env = scratch
        return true
    }

    /// `Pattern = term`: binds the pattern's variables in `env` and
    /// answers `term`, or raises `{badmatch, Term}`.
    func matchOrRaise(_ pattern: Pattern, _ term: Term, _ env: inout Bindings) throws -> Term {
        guard try match(pattern, term, &env) else { throw Interpreter.badmatch(term) }
        return term
    }

    /// The error of a match that `term` does not match: `{badmatch, Term}`.
    static func badmatch(_ term: Term) -> ErlangException {
        ErlangException.error(.tuple([.atom(.badmatch), term]))
    }

    /// Matches `value` against `pattern`, binding into `env` as it goes
    /// (callers match into a copy, so a failed match leaves nothing behind).
    func bind(_ pattern: Pattern, _ value: Term, _ env: inout Bindings) throws -> Bool {
        switch pattern {
        case .wildcard:
            return true
        case .variable(let name):
            if let bound = env[name] { return bound == value }
            env.bindUnbound(name, value)
            return true
        case .literal(let term):
            return term == value
        case .tuple(let patterns):
            guard case .tuple(let elements) = value, elements.count == patterns.count else { return false }
            var i = 0
            while i < patterns.count {
                guard try bind(patterns[i], elements[i], &env) else { return false }
                i += 1
            }
            return true
        case .list(let patterns, let tail):
            var current = value
            for p in patterns {
                guard case .cons(let cell) = current, try bind(p, cell.head, &env) else { return false }
                current = cell.tail
            }
            if let tail { return try bind(tail, current, &env) }
            if case .nil = current { return true }
            return false
        case .both(let left, let right):
            return try bind(left, value, &env) && bind(right, value, &env)
        case .map(let fields):
            guard case .map(let map) = value else { return false }
            for field in fields {
                let key: Term
                switch field.key {
                case .constant(let constant): key = constant
                case .expression(let expression): key = try evalGuardExpr(expression, env)
                }
                guard let v = map[key], try bind(field.value, v, &env) else { return false }
            }
            return true
        case .binary(let segments):
            guard case .binary(let bits) = value else { return false }
            return try matchBinary(segments, bits, &env)
        case .codesPrefix(let prefix, let rest):
            var current = value
            for code in prefix {
                guard case .cons(let cell) = current, cell.head == .int(code) else { return false }
                current = cell.tail
            }
            return try bind(rest, current, &env)
        case .listPrefix(let prefix, let rest):
            var current = value
            for p in prefix {
                guard case .cons(let cell) = current, try bind(p, cell.head, &env) else { return false }
                current = cell.tail
            }
            return try bind(rest, current, &env)
        case .constant(let expr):
            // Constant arithmetic in patterns, such as `-1` or `2 + 3`.
            return try evalGuardExpr(expr, env) == value
        case .record(let name, let fields):
            return try matchRecord(name, fields, value, &env)
        case .illegal:
            throw EvalDiagnostic("illegal pattern", at: SourceLocation(line: 1, column: 1))
        }
    }

    func matchBinary(_ segments: [Pattern.SegmentPattern], _ bits: Bitstring, _ env: inout Bindings) throws -> Bool {
        var reader = BitReader(bits)
        for (index, segment) in segments.enumerated() {
            let spec = try segment.spec.get()
            let size = try segment.size.map { try evalGuardExpr($0, env) }
            let isLast = index == segments.count - 1
            let value: Term?
            switch spec.kind {
            case .integer:
                guard let bitsCount = try Interpreter.segmentBits(size, spec) else { return false }
                value = reader.readInteger(size: bitsCount, signed: spec.signed, little: spec.isLittle)
            case .float:
                guard let bitsCount = try Interpreter.segmentBits(size, spec) else { return false }
                value = reader.readFloat(size: bitsCount, little: spec.isLittle)
            case .binary, .bitstring:
                if size == nil {
                    guard isLast else { return false }
                    if spec.kind == .binary && reader.remaining % 8 != 0 { return false }
                    value = reader.readBitstring(bits: nil).map { .binary($0) }
                } else {
                    guard let count = try Interpreter.segmentBits(size, spec) else { return false }
                    value = reader.readBitstring(bits: count).map { .binary($0) }
                }
            case .utf8, .utf16, .utf32:
                value = reader.readCodePoint(kind: spec.kind, little: spec.isLittle)
            }
            guard let value, try bind(segment.value, value, &env) else { return false }
        }
        return reader.remaining == 0
    }

    /// The size of a segment in bits (size × unit), or the type's default.
    /// `nil` when the size is not a non-negative integer or the product
    /// overflows (no binary has that many bits, so the match fails).
    static func segmentBits(_ size: Term?, _ spec: SegmentSpec) throws -> Int? {
        guard let size else { return spec.defaultSize }
        guard case .int(let n) = size, n >= 0 else { return nil }
        let (bits, overflow) = n.multipliedReportingOverflow(by: spec.effectiveUnit)
        return overflow ? nil : bits
    }

    func matchRecord(_ name: String, _ fields: [(name: String, value: Pattern)], _ value: Term,
                     _ env: inout Bindings) throws -> Bool {
        guard let fieldNames = records.fields(of: name) else {
            throw EvalDiagnostic.undefinedRecord(name)
        }
        guard case .tuple(let elements) = value, elements.count == fieldNames.count + 1,
              elements[0] == .atom(Atom(name)) else { return false }
        for field in fields {
            guard let index = fieldNames.firstIndex(of: field.name) else {
                throw EvalDiagnostic.undefinedField(field.name, record: name)
            }
            guard try bind(field.value, elements[index + 1], &env) else { return false }
        }
        return true
    }
}
