#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ErlangTerms
import LineEditing

/// Tab completion over the shell's live state: loaded modules and the
/// `.erl` files on the code path, the exports of loaded modules, bindings,
/// records and registered names (see `ShellCompleter` for the rules).
extension Shell {
    /// Completes the text before the cursor. Never throws, whatever the line holds.
    public func complete(_ textBeforeCursor: String) -> Completion {
        ShellCompleter(source: completionSource).complete(textBeforeCursor)
    }

    /// A snapshot source of the shell's state, read when Tab is pressed.
    var completionSource: ShellCompleter.CompletionSource {
        let runtime = self.runtime
        let codePath = options.codePath
        let evaluator = self.evaluator
        return ShellCompleter.CompletionSource(
            moduleNames: { runtime.modules.loadedNames.map(\.text) + Self.sourceModules(in: codePath) },
            exports: { name in
                Atom.existing(name).flatMap { runtime.modules.loaded($0) }?.exports.map { ($0.name.text, $0.arity) }
            },
            variables: { evaluator.boundNames },
            registeredNames: { runtime.registeredNames.map(\.text) },
            recordNames: { evaluator.records.names })
    }

    /// The module names of the `.erl` files in `directories`.
    static func sourceModules(in directories: [String]) -> [String] {
        var names: [String] = []
        for directory in directories {
            guard let dir = opendir(directory) else { continue }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasSuffix(".erl"), name.count > 4 { names.append(String(name.dropLast(4))) }
            }
        }
        return names
    }
}
