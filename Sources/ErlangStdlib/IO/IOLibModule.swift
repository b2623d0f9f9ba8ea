import ErlangRuntime
import ErlangTerms

/// The `IOLibModule` function table (being written).
enum IOLibModule {
    /// The exported functions.
    static let functions: FunctionTable = []
}
