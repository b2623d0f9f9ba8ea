import ErlangRuntime
import ErlangTerms

/// The `StringModule` function table (being written).
enum StringModule {
    /// The exported functions.
    static let functions: FunctionTable = []
}
