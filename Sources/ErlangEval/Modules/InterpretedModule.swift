import BigInt
import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// A module loaded from a `.erl` file, run by the interpreter. Mirrors a
/// loaded BEAM module: its exports (plus the generated `module_info/0,1`),
/// local calls between its functions, `-import`ed functions, its records
/// and the stack frames `{M, F, Args, [{file, F}, {line, L}]}` erl reports.
///
/// Split: this file holds the module and its exports; `ModuleFunction`
/// runs one function's clauses; `InterpretedModule+Info` builds
/// `module_info`; `ModuleCompiler` checks and builds modules from source.
public final class InterpretedModule: ErlangModule {
    /// The module's name.
    public let name: Atom
    /// The exported functions, in definition order, then `module_info/0,1`.
    public let exports: [FunctionKey]
    /// Every function the module defines, in definition order.
    public let definitionOrder: [FunctionKey]
    /// The absolute path of the source file.
    public let sourcePath: String
    /// The attributes `module_info(attributes)` returns.
    public let attributes: Term
    /// A digest of the source, standing in for the beam's MD5.
    public let digest: [UInt8]
    /// The `-record` definitions, in source order (what the shell's `rr/1`
    /// reads from a beam's debug info in erl).
    public let recordDefinitions: [RecordDefinition]
    let scope: LocalScope
    /// The functions that may wait (`WaitAnalysis`), as sorted key words:
    /// asked on every borrowed call, where hashing cost more than the
    /// rest of the question.
    private let functionsThatMayWait: [UInt64]
    /// The exported functions, made once: a call looks one up with one
    /// multiplication and allocates no closure.
    private let exportedFunctions: ExportTable

    init(source: ModuleSource, name: Atom, sourcePath: String, digest: [UInt8], records: RecordTable,
         linking: ModuleTable? = nil) {
        self.name = name
        self.sourcePath = sourcePath
        self.digest = digest
        self.recordDefinitions = source.records
        let file = String(source.file.split(separator: "/").last ?? Substring(source.file))
        let scope = LocalScope(module: name, file: file, records: records,
                               imports: Dictionary(source.imports.map {
                                   (FunctionKey(Atom($0.name), $0.arity), Atom($0.module))
                               }, uniquingKeysWith: { first, _ in first }),
                               defined: Set(source.functions.map { FunctionKey(Atom($0.name), $0.arity) }),
                               linking: linking)
        self.scope = scope
        let mayWait = WaitAnalysis.functionsThatMayWait(in: source, module: name.text)
        let borrowable = WaitAnalysis.receiveLoopsSafeToBorrow(in: source, module: name.text, mayWait: mayWait)
        // Functions that recurse into nothing compile first, callees before
        // callers: a call of one that runs wholly synchronously compiles
        // to a synchronous call (`LocalScope.syncCallee`).
        let callOrder = WaitAnalysis.nonRecursiveCallOrder(in: source, module: name.text)
        let rank = Dictionary(callOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let keys = source.functions.map { FunctionKey(Atom($0.name), $0.arity) }
        let compileOrder = keys.indices.sorted { (rank[keys[$0]] ?? Int.max, $0) < (rank[keys[$1]] ?? Int.max, $1) }
        var functions: [FunctionKey: ModuleFunction] = [:]
        for index in compileOrder {
            let key = keys[index]
            let function = ModuleFunction(definition: source.functions[index], scope: scope,
                                          receiveLoopMayRunBorrowed: borrowable.contains(key))
            functions[key] = function
            if rank[key] != nil, !mayWait.contains(key), function.runsWhollySynchronously {
                scope.addSyncCallee(key, function)
            }
        }
        var order: [FunctionKey] = []
        var seen = Set<FunctionKey>()
        for key in keys where seen.insert(key).inserted { order.append(key) }
        scope.install(functions)
        functionsThatMayWait = mayWait.map(\.word).sorted()
        definitionOrder = order
        // The beam lists exports in definition order, whatever the attribute's order.
        let exported = Set(source.exports.map { FunctionKey(Atom($0.name), $0.arity) })
        var exportList = source.exportAll ? order : order.filter { exported.contains($0) }
        exportList += [FunctionKey(Self.moduleInfo, 0), FunctionKey(Self.moduleInfo, 1)]
        exports = exportList
        var table: [(key: FunctionKey, function: NativeFunction)] = []
        var code: [FunctionKey: FunBody] = [:]
        for key in exportList where key.name != Self.moduleInfo {
            if let function = functions[key] {
                table.append((key, NativeFunction(definition: key, { process, args in try await function.call(process, args) })))
                code[key] = function
            }
        }
        exportedFunctions = ExportTable(table, code: code)
        var attributeList: [Term] = []
        if !source.attributes.contains(where: { $0.name == "vsn" }) {
            let number = digest.reduce(BigInt(0)) { $0 * 256 + BigInt($1) }
            attributeList.append(.tuple([.atom(Atom("vsn")), .list([.integer(number)])]))
        }
        for (attribute, value) in source.attributes {
            attributeList.append(.tuple([.atom(Atom(attribute)), value]))
        }
        attributes = .list(attributeList)
    }

    static let moduleInfo = Atom("module_info")

    /// Whether `key` may wait, by `WaitAnalysis`; a function the module
    /// does not define fails at once, so it does not.
    public func mayWait(_ key: FunctionKey) -> Bool {
        SortedWords.index(of: key, in: functionsThatMayWait) != nil
    }

    /// The exported function `key` as the `ModuleFunction` itself (one
    /// async frame per call instead of three).
    public func exportedCode(_ key: FunctionKey) -> FunBody? { exportedFunctions.code(key) }

    /// The exported function `key` as its object (`module_info/0,1` as a closure).
    public func exported(_ key: FunctionKey) -> ExportedFunction? {
        if let function = exportedFunctions.exported(key) { return function }
        return exportedFunction(key).map { .native(NativeFunction(definition: key, $0)) }
    }

    /// The exported function `key`, or `nil` when it is not exported.
    public func exportedFunction(_ key: FunctionKey) -> ErlangFunction? {
        if let function = exportedFunctions[key] { return function.body }
        guard key.name == Self.moduleInfo, key.arity <= 1 else { return nil }
        return { _, args in try self.moduleInfo(args) }   // no capture list: see `scripts/thunks`
    }
}

/// A module's own functions, seen from its code: local calls, imports
/// and the records in scope. Set up once, when the module is built.
final class LocalScope: Sendable {
    let module: Atom
    /// The file name used in stack frames (`counter.erl`).
    let file: String
    let records: RecordTable
    let imports: [FunctionKey: Atom]
    /// The functions the module defines (they shadow auto-imported BIFs).
    let defined: Set<FunctionKey>
    /// Where calls to sticky modules are bound when the code compiles.
    let linking: ModuleTable?
    /// The module's functions, sorted by their key's word: every local
    /// call looks one up, and a binary search over a few words costs less
    /// than hashing the key. Written once, by `install`, while the module
    /// loads and before any of its code can run; the module reaches other
    /// processes only through the module table's lock, which orders that
    /// write before every read, so a lookup takes no lock of its own.
    @exclusivity(unchecked) nonisolated(unsafe) private var words: [UInt64] = []
    @exclusivity(unchecked) nonisolated(unsafe) private var functions: [ModuleFunction] = []

    init(module: Atom, file: String, records: RecordTable, imports: [FunctionKey: Atom], defined: Set<FunctionKey>,
         linking: ModuleTable?) {
        self.module = module
        self.file = file
        self.records = records
        self.imports = imports
        self.defined = defined
        self.linking = linking
    }

    /// The module's functions that recurse into nothing and run wholly
    /// synchronously, added as they compile (callees first): a call of
    /// one compiles to a synchronous call. Written only while the module
    /// loads, as `words` is.
    @exclusivity(unchecked) nonisolated(unsafe) private var syncCallees: [FunctionKey: ModuleFunction] = [:]

    /// Adds `function`, `key`, to `syncCallees`.
    func addSyncCallee(_ key: FunctionKey, _ function: ModuleFunction) {
        syncCallees[key] = function
    }

    /// The module's function `key` when a call of it may be synchronous.
    func syncCallee(_ key: FunctionKey) -> ModuleFunction? {
        syncCallees[key]
    }

    /// Sets the module's functions, once, before its code runs.
    func install(_ table: [FunctionKey: ModuleFunction]) {
        let sorted = table.sorted { $0.key.word < $1.key.word }
        (words, functions) = (sorted.map(\.key.word), sorted.map(\.value))
    }

    /// The module's function `key`, if it defines one.
    func function(_ key: FunctionKey) -> ModuleFunction? {
        SortedWords.index(of: key, in: words).map { functions[$0] }
    }

    /// The interpreter for this module's code: local calls go to the
    /// module's functions, then to `-import`ed ones, then to BIFs.
    ///
    /// The local-call closure has no capture list (it names `self.`
    /// instead): an async closure with one is compiled `@concurrent`, so
    /// every call went through a reabstraction thunk and a
    /// `swift_task_switch` to the caller's own executor (`scripts/thunks`).
    var interpreter: Interpreter {
        let (defined, imports) = (self.defined, self.imports)
        var made = Interpreter(module: module, records: records, linking: linking,
                               shadowsBIF: { defined.contains($0) || imports[$0] != nil }) { _, key, args, process in
            if let local = self.function(key) { return try await local.call(process, args) }
            guard !self.imports.isEmpty else { return nil }
            if let from = self.imports[key] { return try await process.apply(module: from, function: key.name, args) }
            return nil
        }
        made.syncCallee = { [self] key in self.syncCallee(key) }
        made.localFunction = { [self] key in self.function(key) }
        return made
    }
}
