import ErlangRuntime
import ErlangTerms

/// Atom BIFs: atoms to and from lists and binaries.
extension ErlangBIFs {
    static let atoms: FunctionTable = [
        bif("atom_to_list", 1, { _, a in
            guard case .atom(let x) = a[0] else { throw ErlangException.badarg }
            return .string(x.text)
        }),
        bif("list_to_atom", 1, { _, a in .atom(try atom(fromCodes: a[0].flatCodes, existing: false)) }),
        bif("list_to_existing_atom", 1, { _, a in .atom(try atom(fromCodes: a[0].flatCodes, existing: true)) }),
        bif("atom_to_binary", 1, { _, a in
            guard case .atom(let x) = a[0] else { throw ErlangException.badarg }
            return .binary(utf8: x.text)
        }),
        bif("atom_to_binary", 2, { _, a in
            guard case .atom(let x) = a[0], let encoding = Encoding(a[1]) else { throw ErlangException.badarg }
            switch encoding {
            case .utf8: return .binary(utf8: x.text)
            case .latin1:
                var bytes: [UInt8] = []
                for s in x.text.unicodeScalars {
                    guard s.value < 256 else { throw ErlangException.badarg }
                    bytes.append(UInt8(s.value))
                }
                return .binary(bytes)
            }
        }),
        bif("binary_to_atom", 1, { _, a in .atom(try atom(fromBinary: a[0], .utf8, existing: false)) }),
        bif("binary_to_atom", 2, { _, a in
            guard let encoding = Encoding(a[1]) else { throw ErlangException.badarg }
            return .atom(try atom(fromBinary: a[0], encoding, existing: false))
        }),
        bif("binary_to_existing_atom", 1, { _, a in .atom(try atom(fromBinary: a[0], .utf8, existing: true)) }),
        bif("binary_to_existing_atom", 2, { _, a in
            guard let encoding = Encoding(a[1]) else { throw ErlangException.badarg }
            return .atom(try atom(fromBinary: a[0], encoding, existing: true))
        }),
    ]

    /// The character encodings the atom BIFs take (`unicode` is `utf8`).
    enum Encoding {
        case latin1, utf8

        init?(_ term: Term) {
            switch term.atomValue?.text {
            case "latin1": self = .latin1
            case "utf8", "unicode": self = .utf8
            default: return nil
            }
        }
    }

    /// The atom named by code points; `badarg` for a bad list, `system_limit`
    /// past 255 characters, `badarg` when `existing` and it is not an atom yet.
    static func atom(fromCodes codes: [Int]?, existing: Bool) throws -> Atom {
        guard let codes else { throw ErlangException.badarg }
        var text = String.UnicodeScalarView()
        for c in codes {
            guard c >= 0, let s = Unicode.Scalar(UInt32(clamping: c)) else { throw ErlangException.badarg }
            text.append(s)
        }
        guard codes.count <= Atom.maxLength else { throw ErlangException.systemLimit }
        return try named(String(text), existing: existing)
    }

    static func atom(fromBinary term: Term, _ encoding: Encoding, existing: Bool) throws -> Atom {
        guard case .binary(let b) = term, b.isBinary else { throw ErlangException.badarg }
        let text: String
        switch encoding {
        case .latin1:
            text = String(String.UnicodeScalarView(b.bytes.map { Unicode.Scalar($0) }))
        case .utf8:
            guard let decoded = String(validating: b.bytes, as: UTF8.self) else { throw ErlangException.badarg }
            text = decoded
        }
        guard text.unicodeScalars.count <= Atom.maxLength else { throw ErlangException.systemLimit }
        return try named(text, existing: existing)
    }

    private static func named(_ text: String, existing: Bool) throws -> Atom {
        guard existing else { return Atom(text) }
        guard let atom = Atom.existing(text) else { throw ErlangException.badarg }
        return atom
    }
}
