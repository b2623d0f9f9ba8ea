import ErlangRuntime
import ErlangTerms

/// The name a generic server registers under when it starts: the first
/// argument of `gen_server:start_link/4`. Mirrors gen.erl's `{local, N}`,
/// `{global, N}` and `{via, Module, N}`.
public enum ServerName: Sendable, Equatable {
    /// `{local, Name}`: the node's registry (`register/2`).
    case local(Atom)
    /// `{global, Name}`: `global`'s name table.
    case global(Term)
    /// `{via, Module, Name}`: `Module:register_name/2` and friends.
    case via(Atom, Term)

    /// Parses `{local, N}`, `{global, N}` or `{via, M, N}`; `nil` otherwise.
    public init?(_ term: Term) {
        guard case .tuple(let e) = term, case .atom(let tag) = e[0] else { return nil }
        switch (tag, e.count) {
        case (OTPAtom.local, 2):
            guard case .atom(let n) = e[1] else { return nil }
            self = .local(n)
        case (OTPAtom.global, 2): self = .global(e[1])
        case (OTPAtom.via, 3):
            guard case .atom(let m) = e[1] else { return nil }
            self = .via(m, e[2])
        default: return nil
        }
    }

    /// What reports and `*DBG*` lines call the server: the bare name.
    public var reportName: Term {
        switch self {
        case .local(let n): return .atom(n)
        case .global(let n): return n
        case .via(_, let n): return n
        }
    }

    /// Registers `process` under this name. Returns `nil` on success, or
    /// the pid that already holds the name.
    func register(_ process: ErlangProcess) async throws -> Pid? {
        switch self {
        case .local(let n):
            if process.runtime.register(process.pid, as: n) { return nil }
            return process.runtime.whereis(n) ?? process.pid
        case .global(let n):
            let table = GlobalNames.of(process.runtime)
            if table.register(n, process.pid) { return nil }
            return table.whereis(n) ?? process.pid
        case .via(let m, let n):
            let answer = try await process.apply(module: m, function: Atom("register_name"), [n, .pid(process.pid)])
            if answer == .atom(Atom("yes")) { return nil }
            let holder = try await process.apply(module: m, function: Atom("whereis_name"), [n])
            if case .pid(let p) = holder { return p }
            return process.pid
        }
    }

    /// The process that has the name now, asked from `process` (gen's
    /// `where/1`: `Module:whereis_name/1` for a `via` name, whose
    /// exceptions pass through).
    func holder(from process: ErlangProcess) async throws -> Pid? {
        switch self {
        case .local(let n):
            return process.runtime.whereis(n)
        case .global(let n):
            return GlobalNames.of(process.runtime).whereis(n)
        case .via(let m, let n):
            let holder = try await process.apply(module: m, function: Atom("whereis_name"), [n])
            if case .pid(let p) = holder { return p }
            return nil
        }
    }

    /// Whether the name is registered to `process` now; `enter_loop`
    /// requires it (gen's `get_proc_name/1`).
    func isHeld(by process: ErlangProcess) async -> Bool {
        (try? await holder(from: process)) == process.pid
    }

    /// The exit reason of `enter_loop` when the process does not hold the
    /// name: `process_not_registered`, `process_not_registered_globally`
    /// or `{process_not_registered_via, Module}`.
    var notHeldReason: Term {
        switch self {
        case .local: return .atom(Atom("process_not_registered"))
        case .global: return .atom(Atom("process_not_registered_globally"))
        case .via(let m, _): return .tuple([.atom(Atom("process_not_registered_via")), .atom(m)])
        }
    }

    /// Frees the name (gen's `unregister_name/1`).
    func unregister(_ process: ErlangProcess) async {
        switch self {
        case .local(let n):
            if process.runtime.whereis(n) == process.pid { _ = process.runtime.unregister(n) }
        case .global(let n):
            GlobalNames.of(process.runtime).unregister(n)
        case .via(let m, let n):
            _ = try? await process.apply(module: m, function: Atom("unregister_name"), [n])
        }
    }
}

/// Finding the process a server reference names, for calls, casts and
/// `sys` requests: a pid, a registered name, `{Name, Node}`,
/// `{global, Name}` or `{via, Module, Name}`. Mirrors gen.erl's
/// `do_for_proc/2` and `where/1`.
public enum ServerRef {
    /// Where a server reference leads.
    public enum Location: Sendable, Equatable {
        /// The server's pid.
        case found(Pid)
        /// Nothing has the name: a call exits with this reason, `noproc`, or
        /// `{nodedown, Node}` for a name on another node (this node is not
        /// distributed, so no other node is up).
        case missing(Term)
        /// Not a server reference: gen.erl has no clause for this term, so
        /// the call fails with `function_clause`.
        case malformed(Term)
    }

    /// Where `dest` leads right now.
    public static func locate(_ dest: Term, in process: ErlangProcess) async -> Location {
        let noproc = Location.missing(.atom(.noproc))
        switch dest {
        case .pid(let p):
            return .found(p)
        case .atom(let n):
            return process.runtime.whereis(n).map(Location.found) ?? noproc
        case .tuple(let e) where e.count == 2 && e[0] == .atom(OTPAtom.global):
            return GlobalNames.of(process.runtime).whereis(e[1]).map(Location.found) ?? noproc
        case .tuple(let e) where e.count == 3 && e[0] == .atom(OTPAtom.via):
            guard case .atom(let m) = e[1] else { return noproc }
            do {
                guard case .pid(let p) = try await process.apply(module: m, function: Atom("whereis_name"), [e[2]])
                else { return noproc }
                return .found(p)
            } catch let exception as ErlangException {
                // The lookup failed (`undef` for a module that is not
                // there): gen_server's catch makes its reason the call's.
                switch exception.kind {
                case .error: return .missing(.tuple([exception.reason, .list(exception.stacktrace)]))
                case .exit, .throw: return .missing(exception.reason)
                }
            } catch {
                return noproc
            }
        case .tuple(let e) where e.count == 2:
            guard case .atom(let node) = e[1] else { return .malformed(dest) }
            if node == .nonode { return await locate(e[0], in: process) }
            return .missing(.tuple([.atom(OTPAtom.nodedown), .atom(node)]))
        case .int, .bigInt, .float, .tuple, .nil, .cons, .map, .binary, .ref, .fun:
            return .malformed(dest)
        }
    }

    /// The pid `dest` names right now, or `nil` when nothing has the name
    /// or `dest` is not a server reference.
    public static func resolve(_ dest: Term, in process: ErlangProcess) async -> Pid? {
        if case .found(let pid) = await locate(dest, in: process) { return pid }
        return nil
    }

    /// Whether `gen_server:cast/2` takes `dest`: a pid, an atom,
    /// `{global, N}`, `{via, M, N}` or `{Name, Node}` of two atoms.
    public static func isCastDestination(_ dest: Term) -> Bool {
        switch dest {
        case .pid, .atom: return true
        case .tuple(let e) where e.count == 2:
            if e[0] == .atom(OTPAtom.global) { return true }
            if case .atom = e[0], case .atom = e[1] { return true }
            return false
        case .tuple(let e) where e.count == 3: return e[0] == .atom(OTPAtom.via)
        case .int, .bigInt, .float, .tuple, .nil, .cons, .map, .binary, .ref, .fun: return false
        }
    }

    /// `resolve` without suspending, for the usual references: a pid, or a
    /// locally registered name that is taken. `nil` means "ask `resolve`"
    /// (other forms, or a name nobody has). Calls and casts try this first:
    /// an async call that returns at once still costs a heap frame and an
    /// executor check.
    @inline(__always)
    static func resolveAtOnce(_ dest: Term, in process: ErlangProcess) -> Pid? {
        switch dest {
        case .pid(let p): return p
        case .atom(let n): return process.runtime.whereis(n)
        case .int, .bigInt, .float, .tuple, .nil, .cons, .map, .binary, .ref, .fun: return nil
        }
    }
}
