
/// An interned Erlang atom. Atoms compare by their index in the atom table,
/// so equality and hashing are O(1); their text is looked up when printed.
///
/// Mirrors BEAM's atom table: one table per runtime image, append-only.
public struct Atom: Hashable, Sendable, CustomStringConvertible {
    /// The atom's position in the atom table.
    public let index: UInt32

    /// The longest atom erl accepts, in characters.
    public static let maxLength = 255

    /// Interns `text` and returns its atom. The caller checks `maxLength`
    /// when the text comes from user data (erl raises `system_limit`).
    public init(_ text: String) {
        index = AtomTable.shared.intern(text)
    }

    /// The atom's text, unquoted.
    public var text: String { AtomTable.shared.text(of: index) }

    /// The atom's text, unquoted (for debugging).
    public var description: String { text }

    /// The atom with `text` if it is already interned, as `list_to_existing_atom/1` needs.
    public static func existing(_ text: String) -> Atom? {
        AtomTable.shared.lookup(text).map { Atom(index: $0) }
    }

    private init(index: UInt32) { self.index = index }
}

extension Atom {
    /// `true`: the table's second atom (`AtomTable.preloaded`), a
    /// constant, so that reading it (every `Term.bool`) needs no lazy
    /// initialisation check.
    public static let `true` = Atom(index: 1)
    /// `false`: the table's first atom.
    public static let `false` = Atom(index: 0)
    /// `ok`
    public static let ok = Atom("ok")
    /// `error`
    public static let error = Atom("error")
    /// `undefined`
    public static let undefined = Atom("undefined")
    /// `badarg`
    public static let badarg = Atom("badarg")
    /// `badarith`
    public static let badarith = Atom("badarith")
    /// `badmatch`
    public static let badmatch = Atom("badmatch")
    /// `function_clause`
    public static let functionClause = Atom("function_clause")
    /// `case_clause`
    public static let caseClause = Atom("case_clause")
    /// `if_clause`
    public static let ifClause = Atom("if_clause")
    /// `try_clause`
    public static let tryClause = Atom("try_clause")
    /// `undef`
    public static let undef = Atom("undef")
    /// `badfun`
    public static let badfun = Atom("badfun")
    /// `badarity`
    public static let badarity = Atom("badarity")
    /// `badkey`
    public static let badkey = Atom("badkey")
    /// `badmap`
    public static let badmap = Atom("badmap")
    /// `badrecord`
    public static let badrecord = Atom("badrecord")
    /// `system_limit`
    public static let systemLimit = Atom("system_limit")
    /// `normal`
    public static let normal = Atom("normal")
    /// `kill`
    public static let kill = Atom("kill")
    /// `killed`
    public static let killed = Atom("killed")
    /// `noproc`
    public static let noproc = Atom("noproc")
    /// `timeout`
    public static let timeout = Atom("timeout")
    /// `infinity`
    public static let infinity = Atom("infinity")
    /// `throw`
    public static let `throw` = Atom("throw")
    /// `exit`
    public static let exit = Atom("exit")
    /// `EXIT`
    public static let EXIT = Atom("EXIT")
    /// `DOWN`
    public static let DOWN = Atom("DOWN")
    /// `process`
    public static let process = Atom("process")
    /// `nonode@nohost`
    public static let nonode = Atom("nonode@nohost")
}
