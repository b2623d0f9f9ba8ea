import ErlangRuntime
import ErlangTerms
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// BIFs about loaded code and the emulator's own output:
/// `erlang:function_exported/3`, `erlang:module_loaded/1`,
/// `erlang:display/1`, `erlang:phash/2` (`LegacyHash`); and `module_info/0,1` for native modules.
enum ModuleBIFs {
    /// The exported functions (in `erlang`).
    static let functions: FunctionTable = [
        bif("function_exported", 3, { p, a in
            guard case .atom(let module) = a[0], case .atom(let function) = a[1], case .int(let arity) = a[2],
                  arity >= 0 else { throw ErlangException.badarg }
            guard let loaded = p.runtime.modules.loaded(module) else { return .false }
            return loaded.exports.contains(FunctionKey(function, arity)) ? .true : .false
        }),
        bif("module_loaded", 1, { p, a in
            guard case .atom(let module) = a[0] else { throw ErlangException.badarg }
            return p.runtime.modules.loaded(module) == nil ? .false : .true
        }),
        bif("phash", 2, { _, a in
            guard case .int(let range) = a[1], range >= 1, range <= Int(UInt32.max) + 1 else { throw ErlangException.badarg }
            return .int(Int(LegacyHash.phash(a[0], range: UInt64(range))))
        }),
        bif("display", 1, { p, a in
            // erts writes straight to the terminal, ending the line with CR LF.
            p.runtime.output.write(DisplayText.text(a[0]) + "\r\n")
            return .true
        }),
    ]

    /// `module` rebuilt with `module_info/0,1` added after its exports, as
    /// erl's compiler adds them: `module`, `exports`, `attributes` (`[]`) and
    /// `compile` (`[]`); `md5` and other keys are `badarg` (native modules have no beam).
    static func withModuleInfo(_ module: NativeModule) -> NativeModule {
        let name = module.name
        let info = Atom("module_info")
        var functions = module.nativeFunctions.filter { $0.name != info.text }
        let keys = functions.map { FunctionKey(Atom($0.name), $0.arity) } + [FunctionKey(info, 0), FunctionKey(info, 1)]
        let exports = Term.list(keys.map { .tuple([.atom($0.name), .int($0.arity)]) })
        functions.append(NativeFunction("module_info", 0) { _, _ in
            .list(try ["module", "exports", "attributes", "compile"].map {
                .tuple([.atom(Atom($0)), try moduleInfo(.atom(Atom($0)), name, exports)])
            })
        })
        functions.append(NativeFunction("module_info", 1) { _, a in try moduleInfo(a[0], name, exports) })
        return NativeModule(name.text, functions: functions)
    }

    /// `module_info(Key)` of a native module named `name` exporting `exports`.
    static func moduleInfo(_ key: Term, _ name: Atom, _ exports: Term) throws -> Term {
        switch key {
        case .atom(let a) where a.text == "module": return .atom(name)
        case .atom(let a) where a.text == "exports" || a.text == "functions": return exports
        case .atom(let a) where a.text == "attributes" || a.text == "compile" || a.text == "nifs": return .nil
        default: throw ErlangException.badarg
        }
    }
}

/// The text `erlang:display/1` writes (before its CR LF): like `~w`, but floats in C's `%e`
/// form (`1.500000e+00`) and map associations without spaces (`#{a=>1}`).
/// Built with an explicit stack, so deep terms cannot exhaust the native stack.
enum DisplayText {
    /// A piece of pending output: a term still to write, or literal text.
    private enum Piece {
        case term(Term)
        case text(String)
    }

    /// The display text of `term`.
    static func text(_ term: Term) -> String {
        var out = ""
        var pending: [Piece] = [.term(term)]
        while let piece = pending.popLast() {
            switch piece {
            case .text(let s):
                out += s
            case .term(let t):
                expand(t, into: &out, pending: &pending)
            }
        }
        return out
    }

    /// Writes a leaf, or pushes a container's parts (in reverse, since `pending` is a stack).
    private static func expand(_ t: Term, into out: inout String, pending: inout [Piece]) {
        switch t {
        case .float(let d):
            var buffer = [CChar](repeating: 0, count: 64)
            _ = buffer.withUnsafeMutableBufferPointer { ptr in withVaList([d]) { vsnprintf(ptr.baseAddress, 64, "%e", $0) } }
            out += String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        case .tuple(let e):
            pending.append(contentsOf: sequence(e, open: "{", close: "}"))
        case .map(let m):
            var parts: [Piece] = [.text("#{")]
            for (i, pair) in m.sortedPairs.enumerated() {
                if i > 0 { parts.append(.text(",")) }
                parts += [.term(pair.key), .text("=>"), .term(pair.value)]
            }
            parts.append(.text("}"))
            pending.append(contentsOf: parts.reversed())
        case .cons:
            if let codes = StringText.printableCodes(t, range: .latin1) {
                out += StringText.quoted(codes, encoding: .latin1)
                return
            }
            let (items, tail) = t.listPrefixAndTail
            var parts = Array(sequence(items, open: "[", close: "]").reversed())
            if tail != .nil {
                parts.removeLast()
                parts += [.text("|"), .term(tail), .text("]")]
            }
            pending.append(contentsOf: parts.reversed())
        case .binary(let bits) where bits.bitCount % 8 == 0 && !bits.bytes.isEmpty
                                     && bits.bytes.allSatisfy({ StringText.isPrintableLatin1(Int($0)) }):
            out += "<<" + StringText.quoted(bits.bytes.map(Int.init), encoding: .latin1) + ">>"
        case .int, .bigInt, .atom, .nil, .binary, .pid, .ref, .fun:
            out += TermWriter.write(t)
        }
    }

    /// `open`, the items separated by commas, `close`, as a reversed stack of pieces.
    private static func sequence(_ items: [Term], open: String, close: String) -> [Piece] {
        var parts: [Piece] = [.text(open)]
        for (i, item) in items.enumerated() {
            if i > 0 { parts.append(.text(",")) }
            parts.append(.term(item))
        }
        parts.append(.text(close))
        return parts.reversed()
    }
}
