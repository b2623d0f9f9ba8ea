import ErlangRuntime
import ErlangTerms

/// A call's argument codes that cannot suspend, kept for running many
/// times. The first two are held apart, as plain closures: a closure kept
/// in an array is stored in Array's generic form, and each call through it
/// went through a conversion thunk and retained and released the array and
/// the closure (about 60 instructions an argument).
struct SyncArguments: Sendable {
    private let count: Int
    // Not optional: a closure unwrapped from an optional is a copy, whose
    // context each call retained and released.
    private let first: SyncCode
    private let second: SyncCode
    private let rest: [SyncPart]

    /// The arguments, compiled, left to right; `nil` when one can suspend.
    /// (Taken as `Compiled` values, whose closures are stored as they are:
    /// an array of the closures themselves would already add the thunks.)
    init?(_ arguments: [Compiled]) {
        let codes = SyncPart.all(arguments)
        guard codes.count == arguments.count else { return nil }
        count = codes.count
        first = codes.first?.run ?? SyncArguments.none
        second = codes.count > 1 ? codes[1].run : SyncArguments.none
        rest = Array(codes.dropFirst(2))
    }

    /// Stands for an argument there is not.
    private static let none: SyncCode = { _, _ in .nil }

    /// Appends the arguments' values to `values`, left to right.
    @inline(__always)
    func append(to values: inout [Term], _ env: inout Bindings, _ process: ErlangProcess) throws {
        guard count > 0 else { return }
        values.append(try first(&env, process))
        guard count > 1 else { return }
        values.append(try second(&env, process))
        for code in rest { values.append(try code.run(&env, process)) }
    }
}

/// One piece of code that cannot suspend, as an element of an array: a
/// struct's closure field keeps the closure as it is, where an array of
/// bare closures stores them in Array's generic form, behind a thunk.
struct SyncPart: Sendable {
    /// The code.
    let run: SyncCode

    /// The code of each of `parts` that cannot suspend, in order (fewer
    /// than `parts` when some can).
    static func all(_ parts: [Compiled]) -> [SyncPart] {
        parts.compactMap { $0.syncCode.map(SyncPart.init) }
    }
}
