/// swerl's help text and version.
enum Usage {
    /// Swerl's version.
    static let version = "0.1.0-dev"

    /// The text of `swerl --help` (also printed after a bad flag).
    static let text = """
    usage: swerl [flags] [script]

    Runs the Erlang shell as erl does. With a script file, or when standard
    input is not a terminal, shell input is read from it as `erl < file` does.

    flags (spelled as erl spells them):
      -eval Expr               evaluate Expr before the shell starts (repeatable)
      -s Mod [Fun [Arg...]]    call Mod:Fun() or Mod:Fun([Arg...]) with atoms
                               (Fun defaults to start)
      -run Mod [Fun [Arg...]]  the same with the arguments as strings
      -pa Dir...               look for modules in Dir... before "."
      -pz Dir...               look for modules in Dir... after "."
      -noshell, -noinput       start no shell; run -eval/-s/-run, then keep
                               running until halt()
      +Flag [Value]            emulator flags (+P 1000000, ...): ignored
      --help                   show this text
      --version                show the version

    not supported yet: -sname, -name (distributed Erlang)

    """
}
