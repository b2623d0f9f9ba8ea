import ErlangRuntime
import ErlangTerms

/// The `MapsModule` function table (being written).
enum MapsModule {
    /// The exported functions.
    static let functions: FunctionTable = []
}
