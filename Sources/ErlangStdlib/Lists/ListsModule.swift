import ErlangRuntime
import ErlangTerms

/// The `ListsModule` function table (being written).
enum ListsModule {
    /// The exported functions.
    static let functions: FunctionTable = []
}
