import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// What compiling one `.erl` file gave: the module (when there were no
/// errors), and the errors and warnings in the order erl reports them.
public struct CompileOutcome: Sendable {
    /// The module, or `nil` when there were errors.
    public let module: InterpretedModule?
    /// The module's name from `-module`, when there was one.
    public let moduleName: String?
    /// Errors: preprocessor and syntax errors in form order, then erl_lint's sorted.
    public let errors: [SourceDiagnostic]
    /// Warnings, sorted by location.
    public let warnings: [SourceDiagnostic]
    /// The file's lines, for the excerpts.
    let lines: [Substring]
    /// Whether the warnings failed the compilation (`warnings_as_errors`).
    public let warningsFailed: Bool
    /// Whether the module is to be loaded (not with the `binary` option).
    public let loads: Bool

    /// The same outcome without its module: compiled, but not to be loaded.
    public init(rejecting outcome: CompileOutcome) {
        module = nil
        moduleName = outcome.moduleName
        errors = outcome.errors
        warnings = outcome.warnings
        lines = outcome.lines
        warningsFailed = outcome.warningsFailed
        loads = outcome.loads
    }

    init(module: InterpretedModule?, moduleName: String?, errors: [SourceDiagnostic], warnings: [SourceDiagnostic],
         lines: [Substring], warningsFailed: Bool = false, loads: Bool = true) {
        self.module = module
        self.moduleName = moduleName
        self.errors = errors
        self.warnings = warnings
        self.lines = lines
        self.warningsFailed = warningsFailed
        self.loads = loads
    }

    /// The text `c/1` prints: every error, then every warning; warnings
    /// that failed the compilation are announced and printed as errors.
    public var report: String {
        guard warningsFailed else { return (errors + warnings).map { $0.rendered(sourceLines: lines) }.joined() }
        let asErrors = warnings.map { warning in
            var error = warning
            error.isWarning = false
            return error
        }
        return "compile: warnings being treated as errors\n" + asErrors.map { $0.rendered(sourceLines: lines) }.joined()
    }
}

/// Compiles `.erl` source into an `InterpretedModule`. Mirrors
/// `compile:file/2` as far as Swerl needs it: epp, erl_parse, erl_lint's
/// checks, then a module ready to load (standing in for the `.beam`).
public enum ModuleCompiler {
    /// Compiles `text`, the contents of the file `file` (as erl names it in
    /// messages) at `absolutePath`; includes are looked for in `directory`.
    /// `options`: those given to the compiler; the file's `-compile`
    /// attributes add theirs.
    public static func compile(_ text: String, file: String, absolutePath: String, directory: String,
                               linking: ModuleTable? = nil, options: CompileOptions = CompileOptions(),
                               readFile: @escaping Preprocessor.FileReader) -> CompileOutcome {
        var source = ModuleParser.parse(text, file: file, directory: directory, predefined: options.macros,
                                        readFile: readFile)
        var settings = options
        for option in source.compileOptions { settings.add(option) }
        if options.exportAll { source.exportAll = true }
        var linter = ModuleLinter(source)
        linter.run()
        var lintErrors = linter.errors
        if source.name == nil {
            // erl_lint's first word on a file with no -module, whatever else is wrong.
            lintErrors.insert(SourceDiagnostic(file: file, location: source.firstAttributeLocation ?? source.endOfInput,
                                               message: "no module definition"), at: 0)
        }
        let errors = source.errors + SourceDiagnostic.sorted(lintErrors)
        let warnings = SourceDiagnostic.sorted(source.warnings + linter.warnings).filter { !settings.suppresses($0) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // The end of a file that ends its last line is no line of its own:
        // erl shows no excerpt for a diagnostic there.
        if text.hasSuffix("\n") { lines.removeLast() }
        guard errors.isEmpty, let name = source.name else {
            return CompileOutcome(module: nil, moduleName: source.name, errors: errors, warnings: warnings, lines: lines)
        }
        if settings.warningsAsErrors, !warnings.isEmpty {
            return CompileOutcome(module: nil, moduleName: name, errors: [], warnings: warnings, lines: lines,
                                  warningsFailed: true)
        }
        let records = RecordTable()
        for record in source.records { records.define(record) }
        let module = InterpretedModule(source: source, name: Atom(name), sourcePath: absolutePath,
                                       digest: digest(text), records: records, linking: linking)
        return CompileOutcome(module: module, moduleName: name, errors: [], warnings: warnings, lines: lines,
                              loads: settings.loads)
    }

    /// A 16-byte digest of the source (two FNV-1a passes), standing in for
    /// the beam's MD5 in `module_info(md5)` and the default `vsn`.
    static func digest(_ text: String) -> [UInt8] {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in text.utf8 {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b ^ UInt64(byte ^ 0x5a)) &* 0x100_0000_01b3
        }
        return (0..<8).map { UInt8(truncatingIfNeeded: a >> (8 * $0)) } + (0..<8).map { UInt8(truncatingIfNeeded: b >> (8 * $0)) }
    }
}
