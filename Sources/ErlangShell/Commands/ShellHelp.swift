import ErlangStdlib
/// The text `help()` prints: the shell's commands and those of the `c`
/// and `i` modules, as erl 25 lists them. Mirrors `c:help/0`.
enum ShellHelp {
    /// The listing, ending in a newline.
    static let text = """
** shell internal commands **
b()        -- display all variable bindings
e(N)       -- repeat the expression in query <N>
f()        -- forget all variable bindings
f(X)       -- forget the binding of variable X
h()        -- history
h(Mod)     -- help about module
h(Mod,Func)-- help about function in module
h(Mod,Func,Arity) -- help about function with arity in module
ht(Mod)    -- help about a module's types
ht(Mod,Type) -- help about type in module
ht(Mod,Type,Arity) -- help about type with arity in module
hcb(Mod)    -- help about a module's callbacks
hcb(Mod,CB) -- help about callback in module
hcb(Mod,CB,Arity) -- help about callback with arity in module
history(N) -- set how many previous commands to keep
results(N) -- set how many previous command results to keep
catch_exception(B) -- how exceptions are handled
v(N)       -- use the value of query <N>
rd(R,D)    -- define a record
rf()       -- remove all record information
rf(R)      -- remove record information about R
rl()       -- display all record information
rl(R)      -- display record information about R
rp(Term)   -- display Term using the shell's record information
rr(File)   -- read record information from File (wildcards allowed)
rr(F,R)    -- read selected record information from file(s)
rr(F,R,O)  -- read selected record information with options
** commands in module c **
\(HelpCommands.moduleC)** commands in module i (interpreter interface) **
ih()       -- print help for the i module
"""

    /// swerl's keys at a terminal, listed after erl's text when the shell
    /// reads from a terminal (never in piped output, which must be erl's).
    static let terminalKeys = """
** swerl at a terminal **
Ctrl-C     -- stop the running evaluation (bindings are kept); at the prompt, clear the line
Ctrl-D     -- quit, on an empty line (as q() does)
Tab        -- complete a module, mod:function, variable, #record or registered name
Up/Down    -- walk the history (~/.swerl_history, kept across runs); Ctrl-R searches it
Ctrl-L     -- clear the screen

"""
}
