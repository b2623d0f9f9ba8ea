import ErlangTerms

/// Reads a whole `.erl` file into a `ModuleSource`: preprocesses it, then
/// parses each form. Mirrors `epp:parse_file/2` followed by the attribute
/// handling of erl_lint and the compiler: a form with a syntax error is
/// reported and dropped, the others are still read, as erl does.
public enum ModuleParser {
    /// Attributes whose contents are types, skipped without parsing.
    static let typeAttributes: Set<String> = ["type", "opaque", "spec", "callback"]
    /// Attributes the compiler consumes, not listed by `module_info(attributes)`.
    static let consumedAttributes: Set<String> = [
        "module", "export", "import", "compile", "record", "file", "export_type", "optional_callbacks", "behaviour", "behavior",
        "dialyzer", "on_load", "nifs", "deprecated", "removed",
    ]

    /// Parses `text`, the contents of `file`; includes are read with
    /// `readFile` relative to `directory`.
    /// `predefined`: macros defined before the first line (name and value
    /// as Erlang source, `nil` for `true`), from the compiler's options.
    public static func parse(_ text: String, file: String, directory: String,
                             predefined: [(name: String, valueText: String?)] = [],
                             readFile: @escaping Preprocessor.FileReader) -> ModuleSource {
        var source = ModuleSource(file: file)
        var preprocessor = Preprocessor(file: file, directory: directory, readFile: readFile)
        for macro in predefined { preprocessor.predefine(macro.name, valueText: macro.valueText) }
        let forms = preprocessor.forms(of: text)
        preprocessor.finish()
        source.errors += preprocessor.errors
        source.endOfInput = preprocessor.endOfInput
        for form in forms {
            do {
                try read(form, into: &source)
            } catch {
                source.errors.append(SourceDiagnostic(file: file, location: error.location, message: error.message))
            }
        }
        return source
    }

    static func read(_ form: [Token], into source: inout ModuleSource) throws(Diagnostic) {
        guard let first = form.first else { return }
        if first.kind == .symbol("-") {
            try readAttribute(form, into: &source)
            return
        }
        var parser = Parser(tokens: form)
        do {
            var definition = try parser.functionDefinition()
            definition.tokens = form
            source.functions.append(definition)
        } catch let d as Diagnostic {
            throw d
        } catch {
            throw Diagnostic("syntax error", at: first.location)
        }
    }

    static func readAttribute(_ form: [Token], into source: inout ModuleSource) throws(Diagnostic) {
        guard form.count >= 2 else { throw Diagnostic("syntax error before: '.'", at: form[0].location) }
        let nameToken = form[1]
        let name: String
        switch nameToken.kind {
        case .atom(let a): name = a
        case .keyword(let k): name = k
        default: throw Diagnostic("syntax error before: \(nameToken.errorText)", at: nameToken.location)
        }
        if source.firstAttributeLocation == nil { source.firstAttributeLocation = nameToken.location }
        if typeAttributes.contains(name) || name == "record" { noteTypes(name, form, into: &source) }
        if typeAttributes.contains(name) { return }
        var tokens = form
        if name == "record" { tokens = withoutFieldTypes(form) }
        var parser = Parser(tokens: tokens)
        parser.position = 2
        let args: [Expr]
        do {
            args = try parser.attributeArguments()
        } catch let d as Diagnostic {
            throw d
        } catch {
            throw Diagnostic("syntax error", at: nameToken.location)
        }
        let at = nameToken.location
        switch name {
        case "module":
            guard args.count == 1, case .atom(let m) = args[0] else { throw badAttribute("module", at) }
            source.name = m
            source.moduleLocation = at
        case "export":
            guard args.count == 1, let list = functionList(args[0]) else { throw badAttribute("export", at) }
            source.exports += list.map { ExportEntry(name: $0.0, arity: $0.1, location: at) }
        case "import":
            guard args.count == 2, case .atom(let m) = args[0], let list = functionList(args[1]) else {
                throw badAttribute("import", at)
            }
            source.imports += list.map { ImportEntry(module: m, name: $0.0, arity: $0.1) }
        case "compile":
            guard args.count == 1, let options = LiteralTerm.term(args[0]) else { throw badAttribute("compile", at) }
            readCompileOptions(options, into: &source)
            if source.exportAll, source.exportAllLocation == nil { source.exportAllLocation = at }
        case "record":
            source.records.append(try record(args, at, types: RecordFieldTypes.texts(form)))
        case "export_type":
            guard args.count == 1, let list = functionList(args[0]) else { throw badAttribute("export_type", at) }
            for (type, arity) in list { source.exportedTypes.insert("\(type)/\(arity)") }
        case "behaviour", "behavior":
            guard args.count == 1, case .atom(let behaviour) = args[0] else { throw badAttribute(name, at) }
            source.behaviours.append((name: behaviour, location: at))
            source.attributes.append((name: name, value: .list([.atom(Atom(behaviour))])))
        default:
            if consumedAttributes.contains(name) { return }
            guard args.count == 1, let value = LiteralTerm.term(args[0]) else { throw badAttribute(name, at) }
            source.attributes.append((name: name, value: value.isList ? value : .list([value])))
        }
    }

    static func badAttribute(_ name: String, _ at: SourceLocation) -> Diagnostic {
        Diagnostic("bad \(name) declaration", at: at)
    }

    /// Records a `-type`/`-opaque` definition, and every local type the
    /// form refers to (`name(...)` not after `:`).
    static func noteTypes(_ name: String, _ form: [Token], into source: inout ModuleSource) {
        var start = 3
        if name == "type" || name == "opaque", form.count > 3, case .atom(let type) = form[2].kind,
           form[3].kind == .symbol("("), let arity = argumentCount(form, open: 3) {
            source.types.append((name: type, arity: arity, location: form[1].location))
            start = 4
        }
        guard form.count > start else { return }
        for i in start..<(form.count - 1) {
            guard case .atom(let type) = form[i].kind, form[i + 1].kind == .symbol("("),
                  form[i - 1].kind != .symbol(":"), let arity = argumentCount(form, open: i + 1) else { continue }
            source.typeReferences.insert("\(type)/\(arity)")
        }
    }

    /// The number of comma-separated arguments in the parentheses opening at `open`.
    static func argumentCount(_ tokens: [Token], open: Int) -> Int? {
        var depth = 0
        var commas = 0
        var empty = true
        for i in open..<tokens.count {
            switch tokens[i].kind {
            case .symbol("("), .symbol("["), .symbol("{"), .symbol("<<"): depth += 1
            case .symbol(")"), .symbol("]"), .symbol("}"), .symbol(">>"):
                depth -= 1
                if depth == 0 { return empty ? 0 : commas + 1 }
            case .symbol(",") where depth == 1: commas += 1
            case .dot: return nil
            default: break
            }
            if i > open && depth >= 1 { empty = false }
        }
        return nil
    }

    /// `[f/1, g/2]` as name/arity pairs.
    static func functionList(_ expr: Expr) -> [(String, Int)]? {
        guard case .list(let items, nil) = expr else { return nil }
        var result: [(String, Int)] = []
        for item in items {
            guard case .binaryOp("/", .atom(let f), .integer(let a), _) = item else { return nil }
            result.append((f, a))
        }
        return result
    }

    static func readCompileOptions(_ options: Term, into source: inout ModuleSource) {
        let list = options.isList ? (options.listElements ?? []) : [options]
        source.compileOptions += list
        for option in list {
            if option == .atom(Atom("export_all")) { source.exportAll = true }
            if case .tuple(let pair) = option, pair.count == 2, pair[0] == .atom(Atom("no_auto_import")) {
                for entry in pair[1].listElements ?? [] {
                    if case .tuple(let fa) = entry, fa.count == 2, case .atom(let f) = fa[0], case .int(let a) = fa[1] {
                        source.noAutoImport.insert("\(f.text)/\(a)")
                    }
                }
            }
        }
    }

    /// record -> '-' 'record' '(' atom ',' '{' field (',' field)* '}' ')' '.'
    /// `types`: each field's `:: Type` as text (`RecordFieldTypes`).
    static func record(_ args: [Expr], _ at: SourceLocation, types: [String?] = []) throws(Diagnostic) -> RecordDefinition {
        guard args.count == 2, case .atom(let name) = args[0], case .tuple(let items) = args[1] else {
            throw badAttribute("record", at)
        }
        var fields: [(name: String, defaultValue: Expr?, type: String?)] = []
        for (index, item) in items.enumerated() {
            let type = index < types.count ? types[index] : nil
            switch item {
            case .atom(let f): fields.append((name: f, defaultValue: nil, type: type))
            case .match(.atom(let f), let value, _): fields.append((name: f, defaultValue: value, type: type))
            default: throw badAttribute("record", at)
            }
        }
        return RecordDefinition(name: name, fields: fields, location: at)
    }

    /// The record attribute's tokens without `:: Type` annotations.
    static func withoutFieldTypes(_ form: [Token]) -> [Token] {
        var result: [Token] = []
        var depth = 0
        var skipping = false
        var braceDepth: Int?
        for token in form {
            let opens = [Token.Kind.symbol("("), .symbol("["), .symbol("{"), .symbol("<<")].contains(token.kind)
            let closes = [Token.Kind.symbol(")"), .symbol("]"), .symbol("}"), .symbol(">>")].contains(token.kind)
            if skipping {
                if opens { depth += 1; continue }
                if closes && depth > (braceDepth ?? 0) { depth -= 1; continue }
                if closes || (token.kind == .symbol(",") && depth == braceDepth) {
                    skipping = false
                } else {
                    continue
                }
            }
            if token.kind == .symbol("::"), let b = braceDepth, depth == b {
                skipping = true
                continue
            }
            if opens {
                depth += 1
                if token.kind == .symbol("{"), braceDepth == nil { braceDepth = depth }
            }
            if closes { depth -= 1 }
            result.append(token)
        }
        return result
    }
}
