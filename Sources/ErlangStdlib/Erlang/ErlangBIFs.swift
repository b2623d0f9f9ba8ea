import ErlangRuntime
import ErlangTerms

/// The `ErlangBIFs` function table (being written).
enum ErlangBIFs {
    /// The exported functions.
    static let functions: FunctionTable = []
}
