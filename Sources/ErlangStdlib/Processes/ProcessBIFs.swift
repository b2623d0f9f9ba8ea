import ErlangRuntime
import ErlangTerms

/// The `ProcessBIFs` function table (being written).
enum ProcessBIFs {
    /// The exported functions.
    static let functions: FunctionTable = []
}
