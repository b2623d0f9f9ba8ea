// libedit's readline-compatible API (libedit-dev: <editline/readline.h>).
// el_set() and history() are C variadics that Swift cannot call, so
// LineEditing uses only the readline-style functions declared there:
// readline, add_history, stifle_history, rl_forced_update_display, and the
// completion hook rl_attempted_completion_function.
//
// Swift 6 refuses to touch C global variables (shared mutable state), so the
// few libedit globals Swerl needs are read and written through the small
// inline accessors below. They are called only while LineEditing holds its
// readline lock, or from inside readline on the thread that called it.
#include <stdio.h>
#include <editline/readline.h>

/// Names the program for ~/.editrc and keeps libedit's own signal handlers
/// out (Swerl routes SIGINT itself). Call before rl_initialize().
static inline void swerl_rl_configure(const char *name) {
    rl_readline_name = name;
    rl_catch_signals = 0;
}

/// Makes `getc` libedit's source of characters. Call before rl_initialize(),
/// which installs the adapter that calls it. `getc` returns one character
/// (a Unicode scalar value, not a byte) or -1 for end of input.
static inline void swerl_rl_set_getc(int (*getc)(FILE *)) {
    rl_getc_function = getc;
}

/// The edit line as of the last key binding call (not NUL-terminated at
/// the cursor: use swerl_rl_point()).
static inline const char *swerl_rl_line_buffer(void) { return rl_line_buffer; }

/// The cursor's byte offset in swerl_rl_line_buffer().
static inline int swerl_rl_point(void) { return rl_point; }

/// Installs the Tab completion hook. Nothing is appended after a single
/// match (erl appends nothing either), and libedit never falls back to
/// completing file names.
static inline void swerl_rl_set_completer(rl_completion_func_t *completer) {
    rl_attempted_completion_function = completer;
    rl_completion_append_character = '\0';
}

/// Flushes libedit's output stream (stdout until configured otherwise).
static inline void swerl_rl_flush_output(void) {
    fflush(rl_outstream != NULL ? rl_outstream : stdout);
}
