// libedit's readline-compatible API. el_set and history() are C variadics
// that Swift cannot call, so LineEditing uses this header's functions only.
#include <stdio.h>
#include <editline/readline.h>
