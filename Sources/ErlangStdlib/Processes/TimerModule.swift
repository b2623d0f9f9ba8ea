import ErlangRuntime
import ErlangTerms

/// The `TimerModule` function table (being written).
enum TimerModule {
    /// The exported functions.
    static let functions: FunctionTable = []
}
