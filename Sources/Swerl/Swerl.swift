// Swerl: the public API for Swift developers. `import Swerl` gives the term
// model, the process runtime, gen_server (`GenServerCallbacks`,
// `GenServer`), the shell engine and `SwerlNode`, which wires them together.
@_exported import ErlangOTP
@_exported import ErlangRuntime
@_exported import ErlangTerms
