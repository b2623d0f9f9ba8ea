/// How printed text treats characters above 255, as erl's `{encoding, E}`
/// option does: `~p`/`~w` print in `latin1`, `~tp`/`~tw` in `unicode`.
///
/// In `latin1`, atoms and strings escape characters above 255 as
/// `\x{400}`; in `unicode` every character from 160 up is written as is.
public enum PrintEncoding: Sendable, Hashable {
    /// Characters above 255 are escaped (`~p`, `~w`, the piped shell).
    case latin1
    /// Characters from 160 up are written as they are (`~tp`, `~tw`).
    case unicode
}

/// Which characters make a list print as a string: `io:printable_range/0`,
/// set by erl's `+pc` flag (`latin1` unless erl was started with `+pc unicode`).
public enum PrintableRange: Sendable, Hashable {
    /// Printable ASCII, Latin-1 from 160 to 255, and `\n\r\t\v\b\f\e`.
    case latin1
    /// Also every valid code point above 255.
    case unicode
}
