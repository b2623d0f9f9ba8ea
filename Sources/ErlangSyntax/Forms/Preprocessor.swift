/// The preprocessor of `.erl` files. Mirrors `epp`: `-define` with and
/// without arguments, `?MODULE`, `?MODULE_STRING`, `?LINE`, `?FILE`,
/// `?FUNCTION_NAME`, `?FUNCTION_ARITY`, `??Arg`, `-undef`, `-ifdef`,
/// `-ifndef`, `-else`, `-endif`, `-include` and `-include_lib`.
///
/// It works form by form on the scanner's tokens: a directive form is
/// consumed, every other form comes out with its macros expanded.
/// Expansion depth and include depth are bounded, so a macro that expands
/// to itself is an error, not a native stack overflow.
public struct Preprocessor {
    /// A macro's parameters (`nil` for `-define(NAME, ...)`) and body.
    struct Macro {
        var parameters: [String]?
        var body: [Token]
    }

    /// Reads an included file's text, or `nil` when it does not exist.
    public typealias FileReader = (String) -> String?

    let file: String
    let directory: String
    let readFile: FileReader
    var macros: [String: [Macro]] = [:]
    var moduleName: String?
    /// The stack of open conditionals: whether each one's current branch is live.
    var conditions: [Conditional] = []
    var includeDepth = 0
    /// Errors, in order of discovery.
    public internal(set) var errors: [SourceDiagnostic] = []
    /// Where the text ends (after its last character), once `forms` has read it.
    public private(set) var endOfInput = SourceLocation(line: 1, column: 1)

    static let maxExpansionDepth = 100
    static let maxIncludeDepth = 16

    /// A preprocessor for `file`, whose includes are looked for in `directory`.
    public init(file: String, directory: String, readFile: @escaping FileReader) {
        self.file = file
        self.directory = directory
        self.readFile = readFile
    }

    /// The forms of `text`, each ending in its `.dot` token, macros expanded.
    public mutating func forms(of text: String) -> [[Token]] {
        var output: [[Token]] = []
        var form: [Token] = []
        var formIsBad = false
        var scanner = Scanner(text)
        while true {
            let before = scanner.index
            do {
                guard let token = try scanner.next() else { break }
                form.append(token)
                if token.kind == .dot {
                    // erl_scan drops a form with a scanning error and goes on after its dot.
                    if !formIsBad { process(form, into: &output) }
                    form = []
                    formIsBad = false
                }
            } catch {
                let location = (error as? Diagnostic)?.location ?? scanner.location
                let message = (error as? Diagnostic)?.message ?? "illegal input"
                errors.append(SourceDiagnostic(file: file, location: location, message: Self.escapedControls(message)))
                formIsBad = true
                if message.hasPrefix("unterminated") { break }
                if scanner.index == before { scanner.advance() }
            }
        }
        endOfInput = scanner.location
        if !form.isEmpty, !formIsBad, let last = form.last {
            // A directive cut off by the end is epp's; any other form is
            // the parser's, which finds nothing where it wanted a token.
            let isDirective = form.count >= 2 && form[0].kind == .symbol("-") && directiveName(form[1]) != nil
            errors.append(SourceDiagnostic(file: file, location: last.location,
                                           message: isDirective ? "premature end" : "syntax error before: "))
        }
        return output
    }

    /// `message` with newlines and tabs written as erl writes them in strings.
    static func escapedControls(_ message: String) -> String {
        var out = ""
        for scalar in message.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Checks that every conditional was closed; call after the last form.
    /// erl reports one left open at the end of the file, by its latest
    /// directive.
    public mutating func finish() {
        if let open = conditions.last {
            errors.append(SourceDiagnostic(file: file, location: endOfInput, message: "unterminated '-\(open.directive)'"))
        }
        conditions = []
    }

    var isLive: Bool { conditions.allSatisfy(\.live) }

    mutating func process(_ form: [Token], into output: inout [[Token]]) {
        if form.count >= 2, form[0].kind == .symbol("-"), let directive = directiveName(form[1]) {
            handleDirective(directive, form, into: &output)
            return
        }
        guard isLive else { return }
        if form.count >= 5, form[0].kind == .symbol("-"), form[1].kind == .atom("module"),
           case .atom(let name) = form[3].kind {
            moduleName = name
        }
        var expanded: [Token] = []
        let context = functionContext(form)
        let errorsBefore = errors.count
        expand(form[...], into: &expanded, depth: 0, function: context)
        // epp drops a form whose macros could not be expanded.
        if errors.count == errorsBefore { output.append(expanded) }
    }

    func directiveName(_ token: Token) -> String? {
        switch token.kind {
        case .atom(let a) where ["define", "undef", "ifdef", "ifndef", "endif", "include", "include_lib"].contains(a):
            return a
        case .keyword("if"):
            return "if"
        case .atom("else"):
            return "else"
        case .atom("elif"):
            return "elif"
        default:
            return nil
        }
    }

    /// `-define(Name, Body).`, `-define(Name(P1, ...), Body).` and the other directives.
    mutating func handleDirective(_ directive: String, _ form: [Token], into output: inout [[Token]]) {
        let at = form[1].location
        switch directive {
        case "ifdef", "ifndef":
            guard let name = singleName(form) else { return bad(directive, at) }
            let defined = macros[name] != nil || predefined(name)
            let live = directive == "ifdef" ? defined : !defined
            conditions.append(Conditional(live: live, taken: live, sawElse: false, location: at, directive: directive))
        case "if":
            let live = isLive ? (condition(form, "if") ?? false) : false
            conditions.append(Conditional(live: live, taken: live, sawElse: false, location: at, directive: "if"))
        case "elif":
            guard var last = conditions.popLast(), !last.sawElse else { return bad("elif", at) }
            let outerLive = isLive
            if last.taken {
                last.live = false
            } else {
                last.live = outerLive ? (condition(form, "elif") ?? false) : false
                last.taken = last.live
            }
            last.directive = "elif"
            conditions.append(last)
        case "else":
            guard var last = conditions.popLast(), !last.sawElse else { return bad("else", at) }
            last.live = !last.taken
            last.taken = true
            last.sawElse = true
            last.directive = "else"
            conditions.append(last)
        case "endif":
            guard conditions.popLast() != nil else { return bad("endif", at) }
        default:
            guard isLive else { return }
            switch directive {
            case "define": define(form, at)
            case "undef":
                guard let name = singleName(form) else { return bad("undef", at) }
                macros[name] = nil
            default: include(form, at, library: directive == "include_lib", into: &output)
            }
        }
    }

    mutating func bad(_ directive: String, _ at: SourceLocation) {
        errors.append(SourceDiagnostic(file: file, location: at, message: "badly formed '\(directive)'"))
    }

    /// The name in `-ifdef(NAME).`.
    func singleName(_ form: [Token]) -> String? {
        guard form.count == 6, form[2].kind == .symbol("("), form[4].kind == .symbol(")") else { return nil }
        return macroName(form[3])
    }

    func macroName(_ token: Token) -> String? {
        switch token.kind {
        case .atom(let a): return a
        case .variable(let v): return v
        case .keyword(let k): return k
        default: return nil
        }
    }

    func predefined(_ name: String) -> Bool {
        ["MODULE", "MODULE_STRING", "LINE", "FILE", "FUNCTION_NAME", "FUNCTION_ARITY", "MACHINE", "OTP_RELEASE"]
            .contains(name) && (name != "MODULE" && name != "MODULE_STRING" || moduleName != nil)
    }

    /// Defines `name` before the file's first line, as the compiler's
    /// `{d, Name}` (the body `true`) and `{d, Name, Value}` options do;
    /// `valueText` is the value written as Erlang source.
    public mutating func predefine(_ name: String, valueText: String?) {
        var body: [Token] = []
        if let valueText {
            var scanner = Scanner(valueText)
            while let token = try? scanner.next() { body.append(token) }
        } else {
            body = [Token(.atom("true"), at: SourceLocation(line: 1, column: 1))]
        }
        macros[name] = [Macro(parameters: nil, body: body)]
    }

    mutating func define(_ form: [Token], _ at: SourceLocation) {
        // - define ( Name [ ( Params ) ] , Body ) .
        guard form.count >= 6, form[2].kind == .symbol("("), let name = macroName(form[3]) else { return bad("define", at) }
        var i = 4
        var parameters: [String]?
        if form[i].kind == .symbol("(") {
            var params: [String] = []
            i += 1
            while i < form.count, form[i].kind != .symbol(")") {
                guard case .variable(let v) = form[i].kind else { return bad("define", at) }
                params.append(v)
                i += 1
                if i < form.count, form[i].kind == .symbol(",") { i += 1 }
            }
            i += 1
            parameters = params
        }
        let closeIndex = form.count - 2
        guard i < form.count, closeIndex >= i, form[closeIndex].kind == .symbol(")") else { return bad("define", at) }
        var body: [Token] = []
        if form[i].kind == .symbol(",") {
            body = Array(form[(i + 1)..<closeIndex])
        } else if i != closeIndex {
            return bad("define", at)
        }
        let macro = Macro(parameters: parameters, body: body)
        var list = macros[name] ?? []
        if list.contains(where: { $0.parameters?.count == parameters?.count }) {
            errors.append(SourceDiagnostic(file: file, location: form[3].location, message: "redefining macro '\(name)'"))
            return
        }
        list.append(macro)
        macros[name] = list
    }

    mutating func include(_ form: [Token], _ at: SourceLocation, library: Bool, into output: inout [[Token]]) {
        guard form.count == 6, case .string(let codes) = form[3].kind else {
            return bad(library ? "include_lib" : "include", at)
        }
        let name = String(String.UnicodeScalarView(codes.compactMap { Unicode.Scalar(UInt32(clamping: $0)) }))
        var candidates = [name.hasPrefix("/") ? name : directory + "/" + name]
        if library, let last = name.split(separator: "/").last { candidates.append(directory + "/" + last) }
        let read = readFile
        guard includeDepth < Self.maxIncludeDepth,
              let text = candidates.lazy.compactMap({ read($0) }).first else {
            errors.append(SourceDiagnostic(file: file, location: form[3].location,
                                           message: "can't find include \(library ? "lib" : "file") \"\(name)\""))
            return
        }
        includeDepth += 1
        output += forms(of: text)
        includeDepth -= 1
    }
}
