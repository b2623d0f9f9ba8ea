import ErlangShell
import LineEditing
import Testing

/// The completer against erl's edlin_expand rules, on a fixed snapshot.
struct ShellCompleterTests {
    static let completer = ShellCompleter(source: .init(
        moduleNames: { ["greeter", "gen_server", "lists", "cache"] },
        exports: { module in
            module == "greeter"
                ? [("start_link", 0), ("greet", 1), ("get_count", 0), ("module_info", 0), ("module_info", 1)]
                : nil
        },
        variables: { ["Count", "Cache", "X"] },
        registeredNames: { ["init", "logger"] },
        recordNames: { ["state", "stats"] }))

    @Test(arguments: [
        ("greeter:get_c", Completion(insertion: "ount()")),
        ("greeter:gre", Completion(insertion: "et(")),
        ("greeter:g", Completion(insertion: "", candidates: ["get_count/0", "greet/1"])),
        ("greeter:module_i", Completion(insertion: "nfo(")),
        ("greeter:zzz", Completion(insertion: "")),
        ("nosuch:f", Completion(insertion: "")),
        ("X = gree", Completion(insertion: "ter:")),
        ("ge", Completion(insertion: "n_server:")),
        ("g", Completion(insertion: "", candidates: ["gen_server", "greeter"])),
        ("Co", Completion(insertion: "unt")),
        ("C", Completion(insertion: "", candidates: ["Cache", "Count"])),
        ("#st", Completion(insertion: "at")),
        ("#stat", Completion(insertion: "", candidates: ["state", "stats"])),
        ("logg", Completion(insertion: "er")),
        ("", Completion(insertion: "")),
        ("foo(\"", Completion(insertion: "")),
    ])
    func completes(text: String, expected: Completion) {
        #expect(Self.completer.complete(text) == expected)
    }
}
