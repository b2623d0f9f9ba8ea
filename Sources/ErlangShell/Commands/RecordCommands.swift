import ErlangEval
import ErlangRuntime
import ErlangStdlib
import ErlangSyntax
import ErlangTerms

/// The shell's record commands over its record table (the one `rd/2`
/// fills): `rr/1,2,3` reads the records of a module or of source files,
/// `rl/0,1` lists definitions as `-record` attributes, `rf/0,1` forgets.
/// Mirrors shell.erl's `rr`, `rl` and `rf`.
enum RecordCommands {
    /// `rr(Source)`, `rr(Source, Names)`, `rr(Source, Names, Options)`:
    /// defines the records of `Source` that `Names` selects (`'_'`, one
    /// name or a list) and answers their names, sorted. `Source` is a
    /// module (the records of the loaded module, or of the source erl
    /// would load it from) or a file name, wildcards allowed. Options
    /// (preprocessor macros and include paths) are not supported and
    /// ignored.
    static func read(_ args: [Term], _ process: ErlangProcess, _ records: RecordTable) async throws -> Term {
        let read: [RecordDefinition]
        switch try await definitions(in: args[0], process) {
        case .success(let found): read = found
        case .failure(let reason): return .tuple([.atom(.error), .atom(reason.atom)])
        }
        let selection = args.count >= 2 ? args[1] : wildcard
        var names: Set<String> = []
        for record in read where selects(selection, record.name) {
            records.define(record)
            names.insert(record.name)
        }
        return .list(names.sorted().map { .atom(Atom($0)) })
    }

    /// Why `rr/1` read nothing, as erl answers it in `{error, Reason}`.
    enum ReadError: Error {
        case nofile, invalidFilename

        var atom: Atom { self == .nofile ? Atom("nofile") : Atom("invalid_filename") }
    }

    /// The record definitions `source` names.
    static func definitions(in source: Term, _ process: ErlangProcess) async throws -> Result<[RecordDefinition], ReadError> {
        if case .atom(let module) = source {
            if let loaded = process.runtime.modules.loaded(module) {
                return .success((loaded as? InterpretedModule)?.recordDefinitions ?? [])
            }
            // Where erl would find the beam (`code:which/1`); its source stands for it.
            let which = try await process.apply(module: Atom("code"), function: Atom("which"), [source])
            if which == .atom(Atom("preloaded")) { return .success([]) }
            guard let beam = filename(which), beam.hasSuffix(".beam"),
                  let found = RecordFiles.records(inFile: String(beam.dropLast(5)) + ".erl") else {
                return .failure(.nofile)
            }
            return .success(found)
        }
        guard let pattern = filename(source) else { return .failure(.invalidFilename) }
        return .success(RecordFiles.files(matching: pattern).flatMap { RecordFiles.records(inFile: $0) ?? [] })
    }

    /// The text of a file name: a string, or a deep list of characters and
    /// atoms (as erl's file names may be); `nil` for anything else.
    static func filename(_ term: Term) -> String? {
        var scalars = String.UnicodeScalarView()
        func append(_ term: Term, depth: Int) -> Bool {
            guard depth < 100, let items = term.listElements else { return false }
            for item in items {
                switch item {
                case .int(let code):
                    guard let scalar = Unicode.Scalar(UInt32(clamping: code)) else { return false }
                    scalars.append(scalar)
                case .atom(let atom):
                    scalars.append(contentsOf: atom.text.unicodeScalars)
                case .cons, .nil:
                    guard append(item, depth: depth + 1) else { return false }
                case .bigInt, .float, .tuple, .map, .binary, .pid, .ref, .fun:
                    return false
                }
            }
            return true
        }
        return append(term, depth: 0) ? String(scalars) : nil
    }

    /// `'_'`: every record.
    static let wildcard = Term.atom(Atom("_"))

    /// Whether `selection` (`'_'`, a name, or a list of names) selects `name`.
    static func selects(_ selection: Term, _ name: String) -> Bool {
        if selection == wildcard { return true }
        if case .atom(let a) = selection { return a.text == name }
        return selection.listElements?.contains(.atom(Atom(name))) ?? false
    }

    /// `rl()` (`all`) or `rl(Names)`: prints the definitions as `-record`
    /// attributes, sorted by name.
    static func list(_ selection: Term?, _ records: RecordTable) -> String {
        var out = ""
        for name in records.names where selection.map({ selects($0, name) }) ?? true {
            guard let definition = records.definition(of: name) else { continue }
            out += RecordText.attribute(name, definition) + "\n"
        }
        return out
    }

    /// `rf()` (`all`) or `rf(Names)`: forgets records.
    static func forget(_ selection: Term?, _ records: RecordTable) {
        guard let selection, selection != wildcard else {
            records.removeAll()
            return
        }
        for name in records.names where selects(selection, name) { records.remove(name) }
    }
}
