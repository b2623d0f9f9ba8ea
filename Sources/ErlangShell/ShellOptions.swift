/// How a shell session is set up: mirrors the parts of erl's command line
/// that reach the shell.
public struct ShellOptions: Sendable {
    /// Directories searched for `Mod.erl` when a module is first called or
    /// loaded with `c/1`/`l/1`, in order (`-pa` first, then `.`, then `-pz`).
    public var codePath: [String]
    /// Whether to print erl's banner line before the first prompt.
    public var printBanner: Bool
    /// How long, at most, the shell waits after a command for the other
    /// processes to settle before it prints the next prompt.
    public var settleLimitMilliseconds: Int

    /// Options with the current directory as the only code path.
    public init(codePath: [String] = ["."], printBanner: Bool = true, settleLimitMilliseconds: Int = 2000) {
        self.codePath = codePath
        self.printBanner = printBanner
        self.settleLimitMilliseconds = settleLimitMilliseconds
    }
}
