import ErlangRuntime
import ErlangTerms

/// The `MathModule` function table (being written).
enum MathModule {
    /// The exported functions.
    static let functions: FunctionTable = []
}
