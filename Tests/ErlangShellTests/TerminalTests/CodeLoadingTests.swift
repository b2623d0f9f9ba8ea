import Foundation
import Testing

/// Which modules load without `c/1`: as erl loads a `.beam` from its code
/// path, swerl loads `Name.erl` from the directories given with `-pa` and
/// `-pz`, and a module `c/1` compiled; a `.erl` file in the current
/// directory is only source. Runs the built binary in a fresh directory;
/// expected output recorded with erl 25 in the same layout.
@Suite(
    "Code loading",
    .enabled(if: SwerlBinary.path != nil, "the swerl binary is not built (run swift build first)")
)
struct CodeLoadingTests {
    /// A fresh directory holding `hello.erl`, and `lib/onpath.erl`.
    static func makeDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("swerl-load-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lib"), withIntermediateDirectories: true)
        try "-module(hello).\n-export([hi/0]).\nhi() -> hello.\n"
            .write(to: dir.appendingPathComponent("hello.erl"), atomically: false, encoding: .utf8)
        try "-module(onpath).\n-export([hi/0]).\nhi() -> from_path.\n"
            .write(to: dir.appendingPathComponent("lib/onpath.erl"), atomically: false, encoding: .utf8)
        return dir
    }

    /// swerl's output for `input`, run in `dir` with `arguments`.
    static func run(in dir: URL, _ arguments: [String], input: String) throws -> String {
        let command = "cd '\(dir.path)' && exec '\(SwerlBinary.path ?? "/nonexistent")' " + arguments.joined(separator: " ")
        return try runProcess("/bin/sh", ["-c", command], input: input, timeout: 30).output
    }

    @Test func sourceInTheCurrentDirectoryLoadsOnlyAfterCompiling() throws {
        let dir = try Self.makeDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = try Self.run(in: dir, [], input: """
            hello:hi().
            code:is_loaded(hello).
            code:which(hello).
            l(hello).
            c(hello).
            hello:hi().
            code:delete(hello).
            hello:hi().

            """)
        #expect(output == """
            Eshell V13.1.5  (abort with ^G)
            1> ** exception error: undefined function hello:hi/0
            2> false
            3> non_existing
            4> {error,nofile}
            5> {ok,hello}
            6> hello
            7> true
            8> hello
            9> *** Terminating erlang (nonode@nohost)

            """)
    }

    @Test func sourceInAPathDirectoryLoadsAtItsFirstCall() throws {
        let dir = try Self.makeDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = try Self.run(in: dir, ["-pa", "lib"], input: "onpath:hi().\nhello:hi().\n")
        #expect(output == """
            Eshell V13.1.5  (abort with ^G)
            1> from_path
            2> ** exception error: undefined function hello:hi/0
            3> *** Terminating erlang (nonode@nohost)

            """)
    }
}
