import BigInt
import ErlangTerms
import Testing

// Short, non-overloaded term builders for the generated tables: one name
// per shape keeps type-checking of large literal tables fast.

/// A small integer.
func I(_ value: Int) -> Term { .int(value) }
/// An integer written in decimal (for big integers).
func N(_ decimal: String) -> Term { .integer(BigInt(decimal) ?? 0) }
/// A float.
func D(_ value: Double) -> Term { .float(value) }
/// An atom.
func A(_ text: String) -> Term { .atom(Atom(text)) }
/// A proper list.
func L(_ items: Term...) -> Term { .list(items) }
/// A proper list of small integers.
func C(_ codes: Int...) -> Term { .codes(codes) }
/// An improper list `[items... | tail]`.
func LT(_ items: [Term], _ tail: Term) -> Term { .list(items, tail: tail) }
/// A string (a list of code points).
func S(_ text: String) -> Term { .string(text) }
/// A tuple.
func T(_ items: Term...) -> Term { .tuple(items) }
/// A map.
func M(_ pairs: (Term, Term)...) -> Term { .map(pairs) }
/// A binary of bytes.
func B(_ bytes: [UInt8]) -> Term { .binary(bytes) }
/// A bitstring of `bits` bits.
func BB(_ bytes: [UInt8], bits: Int) -> Term { .binary(Bitstring(bytes: bytes, bitCount: bits)) }
/// The pid `<0.N.0>`.
func P(_ serial: UInt64) -> Term { .pid(Pid(serial: serial)) }
/// The external fun `fun M:F/A`.
func X(_ module: String, _ function: String, _ arity: Int) -> Term {
    .fun(Fun(kind: .external(module: Atom(module), function: Atom(function)), arity: arity, identity: 0))
}

/// A term recorded with the texts erl prints for it.
struct PrintCase: Sendable, CustomTestStringConvertible {
    /// The Erlang expression the term came from.
    let source: String
    let term: Term
    /// `io_lib:write/1` (`~w`).
    let write: String
    /// `io_lib_pretty:print/2` at column 1, line length 80 (`~p`).
    let pretty: String
    /// The same with `{encoding, unicode}` (`~tp`).
    let unicodePretty: String
    /// The shell's result text: depth 30, 60 characters per line, records known.
    let shell: String

    init(_ source: String, _ term: Term, write: String, pretty: String, unicodePretty: String, shell: String) {
        self.source = source
        self.term = term
        self.write = write
        self.pretty = pretty
        self.unicodePretty = unicodePretty
        self.shell = shell
    }

    var testDescription: String { source }
}

/// An `io_lib:format/2` call recorded with its result (`nil`: erl raises badarg).
struct FormatCase: Sendable, CustomTestStringConvertible {
    let source: String
    let format: Term
    let arguments: [Term]
    let expected: String?

    init(_ source: String, _ format: Term, _ arguments: [Term], _ expected: String?) {
        self.source = source
        self.format = format
        self.arguments = arguments
        self.expected = expected
    }

    var testDescription: String { source }
}

/// The record definitions the recorded shell cases know (see record.escript).
func recordFields(_ name: Atom, _ count: Int) -> [Atom]? {
    switch (name.text, count) {
    case ("person", 2): return [Atom("name"), Atom("age")]
    case ("point", 2): return [Atom("x"), Atom("y")]
    case ("config", 4):
        return [Atom("a_rather_long_field_name"), Atom("another_long_field_name"), Atom("third"), Atom("Quoted Field")]
    case ("empty", 0): return []
    case ("state", 3): return [Atom("queue"), Atom("handlers"), Atom("options")]
    default: return nil
    }
}

/// A float from its IEEE bits (for subnormals, whose decimal literals Swift warns about).
func DB(_ bits: UInt64) -> Term { .float(Double(bitPattern: bits)) }

/// A float recorded with its `~w`, `~e`, `~f` and `~.3g` texts (`~f` is of
/// 1.5 for magnitudes from 1.0e30 up, to keep the table small).
struct FloatCase: Sendable, CustomTestStringConvertible {
    let value: Double
    let write: String
    let e: String
    let f: String
    let g: String

    init(_ bits: UInt64, _ write: String, _ e: String, _ f: String, _ g: String) {
        value = Double(bitPattern: bits)
        self.write = write
        self.e = e
        self.f = f
        self.g = g
    }

    var testDescription: String { write }
}

/// A random term with the text `io_lib_pretty:print/2` gave for it under
/// random settings, and its `io_lib:write/2` text (see record.escript `layout`).
struct LayoutCase: Sendable, CustomTestStringConvertible {
    let number: Int
    let term: Term
    let column: Int
    let lineLength: Int
    let depth: Int
    let maxChars: Int
    let unicode: Bool
    let expected: String
    /// `io_lib:write/2` with the same depth and encoding.
    let write: String

    init(_ number: Int, _ term: Term, column: Int, lineLength: Int, depth: Int, maxChars: Int, unicode: Bool,
         _ expected: String, write: String) {
        self.write = write
        self.number = number
        self.term = term
        self.column = column
        self.lineLength = lineLength
        self.depth = depth
        self.maxChars = maxChars
        self.unicode = unicode
        self.expected = expected
    }

    var testDescription: String { "layout case \(number)" }
}

/// A format string with erl_lint:check_format_string/1's answer.
struct CheckCase: Sendable, CustomTestStringConvertible {
    let format: String
    let expected: Result<[FormatArgumentType], FormatCheckError>

    init(_ format: String, _ expected: Result<[FormatArgumentType], FormatCheckError>) {
        self.format = format
        self.expected = expected
    }

    var testDescription: String { format }
}
