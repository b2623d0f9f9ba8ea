import BigInt
import ErlangRuntime
import ErlangStdlib
import ErlangTerms

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
/// An improper list `[items... | tail]`.
func LT(_ items: [Term], _ tail: Term) -> Term { .list(items, tail: tail) }
/// A string (a list of code points).
func S(_ text: String) -> Term { .string(text) }
/// A tuple.
func T(_ items: Term...) -> Term { .tuple(items) }
/// A map.
func M(_ pairs: (Term, Term)...) -> Term { .map(pairs) }
/// A binary of bytes.
func B(_ bytes: UInt8...) -> Term { .binary(bytes) }
/// A binary holding `text` in UTF-8.
func BU(_ text: String) -> Term { .binary(utf8: text) }
/// A bitstring of `bits` bits.
func BB(_ bytes: [UInt8], bits: Int) -> Term { .binary(Bitstring(bytes: bytes, bitCount: bits)) }
/// The external fun `fun M:F/A`.
func X(_ module: String, _ function: String, _ arity: Int) -> Term {
    ExternalFun.make(Atom(module), Atom(function), arity: arity)
}
