
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
    /// The texts of the atoms every atom table makes first, in this order
    /// (`AtomTable.preloaded` starts with them): the constants below and
    /// `OTPAtom`'s are their positions, so reading one is reading a
    /// constant, with no lazy initialisation checked at every use (a
    /// `swift_once` call, several per message on a gen_server's path).
    public static let constantTexts: [String] = [
        "false", "true", "ok", "error", "undefined", "badarg", "badarith", "badmatch", "function_clause",
        "case_clause", "if_clause", "try_clause", "undef", "badfun", "badarity", "badkey", "badmap",
        "badrecord", "system_limit", "normal", "kill", "killed", "noproc", "timeout", "infinity", "throw",
        "exit", "EXIT", "DOWN", "process", "nonode@nohost", "$gen_call", "$gen_cast", "system", "alias",
        "ack", "reply", "noreply", "stop", "continue", "hibernate", "ignore", "local", "global", "via",
        "already_started", "bad_return_value", "shutdown", "gen_server", "gen", "sys", "proc_lib", "call",
        "init", "handle_call", "handle_cast", "handle_info", "handle_continue", "terminate", "$initial_call",
        "$ancestors",
    ]

    /// The atom of `constantTexts[index]`: for constants only (an index
    /// past that list is no atom). Inlinable, so that a constant made
    /// with it, in any module, is initialised statically.
    @inlinable
    public init(constant index: UInt32) { self.index = index }

    /// `false`
    public static let `false` = Atom(constant: 0)
    /// `true`
    public static let `true` = Atom(constant: 1)
    /// `ok`
    public static let ok = Atom(constant: 2)
    /// `error`
    public static let error = Atom(constant: 3)
    /// `undefined`
    public static let undefined = Atom(constant: 4)
    /// `badarg`
    public static let badarg = Atom(constant: 5)
    /// `badarith`
    public static let badarith = Atom(constant: 6)
    /// `badmatch`
    public static let badmatch = Atom(constant: 7)
    /// `function_clause`
    public static let functionClause = Atom(constant: 8)
    /// `case_clause`
    public static let caseClause = Atom(constant: 9)
    /// `if_clause`
    public static let ifClause = Atom(constant: 10)
    /// `try_clause`
    public static let tryClause = Atom(constant: 11)
    /// `undef`
    public static let undef = Atom(constant: 12)
    /// `badfun`
    public static let badfun = Atom(constant: 13)
    /// `badarity`
    public static let badarity = Atom(constant: 14)
    /// `badkey`
    public static let badkey = Atom(constant: 15)
    /// `badmap`
    public static let badmap = Atom(constant: 16)
    /// `badrecord`
    public static let badrecord = Atom(constant: 17)
    /// `system_limit`
    public static let systemLimit = Atom(constant: 18)
    /// `normal`
    public static let normal = Atom(constant: 19)
    /// `kill`
    public static let kill = Atom(constant: 20)
    /// `killed`
    public static let killed = Atom(constant: 21)
    /// `noproc`
    public static let noproc = Atom(constant: 22)
    /// `timeout`
    public static let timeout = Atom(constant: 23)
    /// `infinity`
    public static let infinity = Atom(constant: 24)
    /// `throw`
    public static let `throw` = Atom(constant: 25)
    /// `exit`
    public static let exit = Atom(constant: 26)
    /// `EXIT`
    public static let EXIT = Atom(constant: 27)
    /// `DOWN`
    public static let DOWN = Atom(constant: 28)
    /// `process`
    public static let process = Atom(constant: 29)
    /// `nonode@nohost`
    public static let nonode = Atom(constant: 30)
}
