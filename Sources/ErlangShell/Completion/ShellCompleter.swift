import LineEditing

/// Tab completion for the shell, as erl's `edlin_expand` does it, plus the
/// bound variables and record names erl 26 added: it looks at the word
/// before the cursor and completes
///
/// - `mod:prefix` to the exported functions of `mod` (`greeter:get_c`
///   becomes `greeter:get_count()`, a function with arguments gets `(`);
/// - a word starting with an upper-case letter or `_` to a bound variable;
/// - `#prefix` to a record name (followed by `{`);
/// - any other word to a module name (followed by `:`) or a registered name.
///
/// When several candidates share a longer common start, that start is
/// inserted; when they do not, they are listed (`name/arity` for
/// functions) and nothing is inserted. Pure: the facts come from a
/// `CompletionSource`, so it never throws and is tested without a terminal.
public struct ShellCompleter: Sendable {
    /// What completion can draw on: a snapshot of the shell's state.
    public struct CompletionSource: Sendable {
        /// Names of the modules that can be called (loaded or on the code path).
        public var moduleNames: @Sendable () -> [String]
        /// The exports of a module as `(name, arity)`, or nil if it is unknown.
        public var exports: @Sendable (String) -> [(String, Int)]?
        /// The shell's bound variable names.
        public var variables: @Sendable () -> [String]
        /// Registered process names.
        public var registeredNames: @Sendable () -> [String]
        /// Record names defined in the shell.
        public var recordNames: @Sendable () -> [String]

        /// A source from these closures.
        public init(moduleNames: @escaping @Sendable () -> [String],
                    exports: @escaping @Sendable (String) -> [(String, Int)]?,
                    variables: @escaping @Sendable () -> [String] = { [] },
                    registeredNames: @escaping @Sendable () -> [String] = { [] },
                    recordNames: @escaping @Sendable () -> [String] = { [] }) {
            self.moduleNames = moduleNames
            self.exports = exports
            self.variables = variables
            self.registeredNames = registeredNames
            self.recordNames = recordNames
        }
    }

    /// Where the candidates come from.
    public let source: CompletionSource

    /// A completer over `source`.
    public init(source: CompletionSource) { self.source = source }

    /// The completion of the text before the cursor.
    public func complete(_ textBeforeCursor: String) -> Completion {
        let scalars = Array(textBeforeCursor.unicodeScalars)
        let wordStart = Self.wordStart(scalars, before: scalars.count)
        let word = String(String.UnicodeScalarView(scalars[wordStart...]))
        if wordStart > 0, scalars[wordStart - 1] == ":" {
            let moduleStart = Self.wordStart(scalars, before: wordStart - 1)
            let module = String(String.UnicodeScalarView(scalars[moduleStart..<(wordStart - 1)]))
            guard !module.isEmpty, let exports = source.exports(module) else { return Completion(insertion: "") }
            return Self.match(word, exports.map { Candidate(name: $0.0, arity: $0.1) }, suffix: "(")
        }
        if wordStart > 0, scalars[wordStart - 1] == "#" {
            return Self.match(word, source.recordNames().map { Candidate(name: $0, arity: nil) }, suffix: "{")
        }
        if let first = word.unicodeScalars.first, first == "_" || first.properties.isUppercase {
            return Self.match(word, source.variables().map { Candidate(name: $0, arity: nil) }, suffix: "")
        }
        guard !word.isEmpty else { return Completion(insertion: "") }
        let modules = Self.match(word, source.moduleNames().map { Candidate(name: $0, arity: nil) }, suffix: ":")
        if modules.insertion.isEmpty && modules.candidates.isEmpty {
            return Self.match(word, source.registeredNames().map { Candidate(name: $0, arity: nil) }, suffix: "")
        }
        return modules
    }

    /// One thing the word may complete to.
    struct Candidate: Hashable {
        let name: String
        let arity: Int?
        var listing: String { arity.map { "\(name)/\($0)" } ?? name }
    }

    /// edlin_expand's `match/3`: a unique name gets its rest and `suffix`
    /// (`()` for a function whose only arity is 0); several names insert
    /// their longer common start, or else are listed.
    static func match(_ prefix: String, _ all: [Candidate], suffix: String) -> Completion {
        let matches = Array(Set(all.filter { $0.name.unicodeScalars.starts(with: prefix.unicodeScalars) }))
            .sorted { ($0.name, $0.arity ?? -1) < ($1.name, $1.arity ?? -1) }
        guard let first = matches.first else { return Completion(insertion: "") }
        let names = Set(matches.map(\.name))
        let typed = prefix.unicodeScalars.count
        if names.count == 1 {
            let rest = String(String.UnicodeScalarView(first.name.unicodeScalars.dropFirst(typed)))
            let end = suffix == "(" && matches.count == 1 && first.arity == 0 ? "()" : suffix
            return Completion(insertion: rest + end)
        }
        let common = names.reduce(Array(first.name.unicodeScalars)) { common, name in
            Array(zip(common, name.unicodeScalars).prefix { $0 == $1 }.map(\.0))
        }
        if common.count > typed {
            return Completion(insertion: String(String.UnicodeScalarView(common.dropFirst(typed))))
        }
        return Completion(insertion: "", candidates: matches.map(\.listing))
    }

    /// Where the word ending at `end` starts: letters, digits, `_` and `@`.
    static func wordStart(_ scalars: [Unicode.Scalar], before end: Int) -> Int {
        var start = end
        while start > 0 {
            let c = scalars[start - 1]
            guard c == "_" || c == "@" || c.properties.isAlphabetic || ("0"..."9").contains(c) else { break }
            start -= 1
        }
        return start
    }
}
