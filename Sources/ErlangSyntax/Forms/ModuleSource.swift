import ErlangTerms

/// A parsed `.erl` file: the forms erl's compiler front end (epp +
/// erl_parse) hands to erl_lint, already sorted by kind.
///
/// Split: this file holds the result types; `ModuleParser` turns a file's
/// text into a `ModuleSource`; `Preprocessor` expands macros, conditionals
/// and includes; `Parser+Forms` reads one form's tokens; `SourceDiagnostic`
/// prints errors and warnings as `c/1` does.
public struct ModuleSource: Sendable {
    /// The file name as given to the compiler (`counter.erl`).
    public var file: String
    /// The name from `-module(Name).`, if present.
    public var name: String?
    /// Where the first attribute's name is (erl reports a missing `-module` there).
    public var firstAttributeLocation: SourceLocation?
    /// Where `-module` is.
    public var moduleLocation: SourceLocation?
    /// `-export([f/1, ...])` entries in order, with the location of each attribute.
    public var exports: [ExportEntry] = []
    /// `-compile(export_all)` was given.
    public var exportAll = false
    /// Where the `-compile` attribute asking for `export_all` is.
    public var exportAllLocation: SourceLocation?
    /// Where the file's text ends.
    public var endOfInput = SourceLocation(line: 1, column: 1)
    /// The options of the `-compile` attributes, in order.
    public var compileOptions: [Term] = []
    /// `-import(Module, [f/1, ...])` entries.
    public var imports: [ImportEntry] = []
    /// `-compile({no_auto_import, [f/1]})` entries.
    public var noAutoImport: Set<String> = []
    /// `-record(...)` definitions in order.
    public var records: [RecordDefinition] = []
    /// The attributes `module_info(attributes)` lists (`vsn`, `author`,
    /// `behaviour`, user attributes), in order.
    public var attributes: [(name: String, value: Term)] = []
    /// `-behaviour(Name)` attributes with their locations.
    public var behaviours: [(name: String, location: SourceLocation)] = []
    /// `-type` and `-opaque` definitions: `name/arity` and location.
    public var types: [(name: String, arity: Int, location: SourceLocation)] = []
    /// Types used by types, specs, callbacks and record fields (`name/arity`).
    public var typeReferences: Set<String> = []
    /// `-export_type` entries (`name/arity`).
    public var exportedTypes: Set<String> = []
    /// The function definitions in order.
    public var functions: [FunctionDefinition] = []
    /// Errors found while reading (syntax errors, preprocessor errors).
    public var errors: [SourceDiagnostic] = []
    /// Warnings found while reading.
    public var warnings: [SourceDiagnostic] = []

    /// An empty module source for `file`.
    public init(file: String) { self.file = file }
}

/// One `name/arity` of an `-export` attribute.
public struct ExportEntry: Sendable {
    /// The function name.
    public var name: String
    /// The arity.
    public var arity: Int
    /// The location erl reports for it (the attribute's name).
    public var location: SourceLocation
}

/// One function of an `-import(Module, [...])` attribute.
public struct ImportEntry: Sendable {
    /// The module imported from.
    public var module: String
    /// The function name.
    public var name: String
    /// The arity.
    public var arity: Int
}

/// A `-record(Name, {Field [= Default] [:: Type], ...}).` definition.
public struct RecordDefinition: Sendable {
    /// The record name.
    public var name: String
    /// The fields in order, each with its default value expression and
    /// its `:: Type` as erl_pp writes it.
    public var fields: [(name: String, defaultValue: Expr?, type: String?)]
    /// Where the attribute is.
    public var location: SourceLocation
}

/// A function: all clauses of `name/arity`.
public struct FunctionDefinition: Sendable {
    /// The function name.
    public var name: String
    /// The arity.
    public var arity: Int
    /// The clauses, each with `arity` patterns.
    public var clauses: [Clause]
    /// Where the definition starts (its first clause's name).
    public var location: SourceLocation
    /// The form's tokens after preprocessing, for locating diagnostics.
    public var tokens: [Token] = []
}
