/// erl's command line, as far as Swerl takes it, parsed by hand (erl's
/// single-dash long flags, flags that take several values, and `+` emulator
/// flags do not fit an argument-parsing library).
///
/// A flag's values are the arguments after it up to the next one starting
/// with `-` or `+`, as in erl; `-eval` takes exactly the next argument.
/// A plain argument names a script file, run as if piped into the shell.
struct CommandLineOptions: Equatable {
    /// `-eval`, `-s` and `-run`, in command-line order.
    var startup: [StartupAction] = []
    /// `-noshell` / `-noinput`: no shell is started.
    var noShell = false
    /// `-pa` directories (searched before `.`).
    var codePathFront: [String] = []
    /// `-pz` directories (searched after `.`).
    var codePathBack: [String] = []
    /// A script file to read shell input from instead of standard input.
    var scriptPath: String?

    /// The code path handed to the shell: `-pa` dirs, `.`, `-pz` dirs.
    var codePath: [String] { codePathFront + ["."] + codePathBack }

    /// What the command line asks for.
    enum Command: Equatable {
        case help
        case version
        case run(CommandLineOptions)
    }

    /// Emulator flags that take no value (all others take the next
    /// argument, when it is not a flag).
    private static let emulatorFlagsWithoutValue: Set<String> = [
        "+B", "+Bc", "+Bd", "+Bi", "+d", "+ec", "+L", "+r", "+v", "+V",
        "+fna", "+fnl", "+fnu", "+fnaw", "+fnlw", "+fnuw", "+fnae", "+fnle", "+fnue",
    ]

    /// Parses `arguments` (without the program name).
    static func parse(_ arguments: [String]) -> Result<Command, CommandLineError> {
        var options = CommandLineOptions()
        var i = 0
        /// The arguments after the flag at `i` up to the next flag.
        func values() -> [String] {
            var found: [String] = []
            while i + 1 < arguments.count, !isFlag(arguments[i + 1]) {
                i += 1
                found.append(arguments[i])
            }
            return found
        }
        while i < arguments.count {
            let argument = arguments[i]
            switch argument {
            case "--help", "-help", "-h":
                return .success(.help)
            case "--version", "-version":
                return .success(.version)
            case "-noshell", "-noinput":
                options.noShell = true
            case "-eval":
                guard i + 1 < arguments.count else { return .failure(.missingValue(flag: argument)) }
                i += 1
                options.startup.append(.eval(arguments[i]))
            case "-s", "-run":
                let given = values()
                guard let module = given.first else { return .failure(.missingValue(flag: argument)) }
                let function = given.count > 1 ? given[1] : nil
                let args = Array(given.dropFirst(2))
                options.startup.append(argument == "-s"
                    ? .callWithAtoms(module: module, function: function, arguments: args)
                    : .callWithStrings(module: module, function: function, arguments: args))
            case "-pa":
                options.codePathFront += values()
            case "-pz":
                options.codePathBack += values()
            case "-sname", "-name":
                return .failure(.distributionUnsupported(flag: argument))
            default:
                if argument.hasPrefix("+") {
                    // Emulator flags (+P N, +S 2, ...) mean nothing to Swerl.
                    if !emulatorFlagsWithoutValue.contains(argument),
                       i + 1 < arguments.count, !isFlag(arguments[i + 1]) {
                        i += 1
                    }
                } else if argument.hasPrefix("-") && argument != "-" {
                    return .failure(.unknownFlag(argument))
                } else if options.scriptPath == nil {
                    options.scriptPath = argument
                } else {
                    return .failure(.extraArgument(argument))
                }
            }
            i += 1
        }
        if options.noShell, let script = options.scriptPath {
            return .failure(.scriptWithoutShell(script))
        }
        return .success(.run(options))
    }

    /// Whether `argument` starts a new flag (erl: a leading `-` or `+`).
    private static func isFlag(_ argument: String) -> Bool {
        argument.count > 1 && (argument.hasPrefix("-") || argument.hasPrefix("+"))
    }
}

/// Why a command line was refused. Every case exits with status 2.
enum CommandLineError: Error, Equatable {
    /// A flag that Swerl does not know.
    case unknownFlag(String)
    /// A flag given without the value it needs.
    case missingValue(flag: String)
    /// A second script file.
    case extraArgument(String)
    /// `-sname` / `-name`: distribution is not implemented.
    case distributionUnsupported(flag: String)
    /// `-noshell` together with a script file.
    case scriptWithoutShell(String)

    /// The text printed on standard error.
    var message: String {
        switch self {
        case .unknownFlag(let flag):
            return "swerl: unknown flag \(flag)\n" + Usage.text
        case .missingValue(let flag):
            return "swerl: \(flag) needs a value\n" + Usage.text
        case .extraArgument(let argument):
            return "swerl: unexpected argument \(argument) (only one script file can be given)\n" + Usage.text
        case .distributionUnsupported(let flag):
            return "swerl: \(flag): distributed Erlang is not supported yet; run without \(flag)\n"
        case .scriptWithoutShell(let script):
            return "swerl: \(script) is shell input, but -noshell starts no shell\n" + Usage.text
        }
    }
}
