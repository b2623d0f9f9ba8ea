import ErlangRuntime
import ErlangTerms

/// The `io` module: output goes to the runtime's output sink.
enum IOModule {
    /// The exported functions.
    static let functions: FunctionTable = [
        bif("format", 1, { p, a in
            p.runtime.output.write(try SimpleFormat.format(a[0], []))
            return .ok
        }),
        bif("format", 2, { p, a in
            guard let args = a[1].listElements else { throw ErlangException.badarg }
            p.runtime.output.write(try SimpleFormat.format(a[0], args))
            return .ok
        }),
        bif("nl", 0, { p, _ in
            p.runtime.output.write("\n")
            return .ok
        }),
    ]
}

/// io_lib:format's common directives: `~p ~w ~s ~n ~~` (the full engine is still to come).
enum SimpleFormat {
    static func format(_ formatTerm: Term, _ args: [Term]) throws -> String {
        let codes: [Int]
        if case .atom(let a) = formatTerm {
            codes = a.text.unicodeScalars.map { Int($0.value) }
        } else if let bytes = Text.iolistBytes(formatTerm) {
            codes = bytes.map(Int.init)
        } else {
            throw ErlangException.badarg
        }
        var out = ""
        var column = 0
        var remaining = args[...]
        var i = 0
        func next() throws -> Term {
            guard let t = remaining.popFirst() else { throw ErlangException.badarg }
            return t
        }
        while i < codes.count {
            let c = codes[i]
            i += 1
            guard c == 126 else {
                if let s = Unicode.Scalar(UInt32(clamping: c)) { out.unicodeScalars.append(s) }
                column = c == 10 ? 0 : column + 1
                continue
            }
            guard i < codes.count else { throw ErlangException.badarg }
            var d = codes[i]
            i += 1
            if d == 116, i < codes.count { d = codes[i]; i += 1 }  // ~t modifier
            let piece: String
            switch d {
            case 112: piece = PrettyPrinter().print(try next(), column: column + 1)
            case 119: piece = TermWriter.write(try next())
            case 115:
                let t = try next()
                if case .atom(let a) = t { piece = a.text }
                else if let bytes = Text.iolistBytes(t) { piece = String(decoding: bytes, as: UTF8.self) }
                else if let s = Text.string(t) { piece = s }
                else { throw ErlangException.badarg }
            case 110: piece = "\n"
            case 126: piece = "~"
            default: throw ErlangException.badarg
            }
            out += piece
            if let nl = piece.lastIndex(of: "\n") {
                column = piece[piece.index(after: nl)...].unicodeScalars.count
            } else {
                column += piece.unicodeScalars.count
            }
        }
        guard remaining.isEmpty else { throw ErlangException.badarg }
        return out
    }
}
