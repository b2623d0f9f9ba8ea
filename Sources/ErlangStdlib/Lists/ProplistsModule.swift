import ErlangRuntime
import ErlangTerms

/// The `ProplistsModule` function table (being written).
enum ProplistsModule {
    /// The exported functions.
    static let functions: FunctionTable = []
}
