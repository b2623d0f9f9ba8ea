import ErlangSyntax
import ErlangTerms

/// The compiler options that change what `c/2` compiles or reports, read
/// from an option list as `compile:file/2` reads it (a lone option counts
/// as a list of one; options it does not know, such as `debug_info` or
/// `report`, change nothing here):
/// - `{d, Name}` and `{d, Name, Value}` define a macro before the first line;
/// - `export_all` exports every function (without the warning the
///   `-compile(export_all)` attribute gets);
/// - `nowarn_unused_vars`, `nowarn_unused_function`, `nowarn_export_all`,
///   `nowarn_shadow_vars`, `nowarn_unused_record`, `nowarn_unused_type`
///   and `nowarn_export_vars` leave that kind of warning out;
/// - `warnings_as_errors` makes any warning fail the compilation;
/// - `binary` compiles without writing (here: loading) the module.
public struct CompileOptions: Sendable {
    /// Macros to define first: name, and value as Erlang source (`nil`: `true`).
    public var macros: [(name: String, valueText: String?)] = []
    /// Whether every function is exported.
    public var exportAll = false
    /// The warnings left out, by their option's name (`nowarn_unused_vars`).
    public var suppressed: Set<String> = []
    /// Whether a warning fails the compilation.
    public var warningsAsErrors = false
    /// Whether the compiled module is loaded (`false` for `binary`).
    public var loads = true

    /// No options.
    public init() {}

    /// The options of `list`, a list of options or a single one.
    public init(_ list: Term) {
        for option in list.isList ? (list.listElements ?? []) : [list] { add(option) }
    }

    /// Adds one option (later ones add to earlier ones, as in erl).
    public mutating func add(_ option: Term) {
        switch option {
        case .atom(let flag):
            switch flag.text {
            case "export_all": exportAll = true
            case "warnings_as_errors": warningsAsErrors = true
            case "binary": loads = false
            case let text where text.hasPrefix("nowarn_"): suppressed.insert(text)
            default: break
            }
        case .tuple(let items) where items.count >= 2 && items.count <= 3 && items[0] == .atom(Atom("d")):
            guard let name = items[1].nameText, !name.isEmpty else { return }
            macros.append((name, items.count == 3 ? TermWriter.write(items[2]) : nil))
        default:
            break
        }
    }

    /// Whether `warning` is of a kind these options leave out.
    func suppresses(_ warning: SourceDiagnostic) -> Bool {
        guard !suppressed.isEmpty, let kind = Self.kind(of: warning.message) else { return false }
        return suppressed.contains(kind)
    }

    /// The `nowarn_` option that leaves out a warning with `message`.
    static func kind(of message: String) -> String? {
        if message.hasPrefix("variable '") {
            if message.hasSuffix("' is unused") { return "nowarn_unused_vars" }
            if message.contains("' shadowed in '") { return "nowarn_shadow_vars" }
            if message.contains("' exported from '") { return "nowarn_export_vars" }
            return nil
        }
        if message.hasPrefix("function "), message.hasSuffix(" is unused") { return "nowarn_unused_function" }
        if message.hasPrefix("record "), message.hasSuffix(" is unused") { return "nowarn_unused_record" }
        if message.hasPrefix("type "), message.hasSuffix(" is unused") { return "nowarn_unused_type" }
        if message.hasPrefix("export_all flag enabled") { return "nowarn_export_all" }
        return nil
    }
}
