import ErlangRuntime
import ErlangTerms

/// The `IOModule` function table (being written).
enum IOModule {
    /// The exported functions.
    static let functions: FunctionTable = []
}
