import ErlangTerms

/// A message as a mailbox holds it: a term, or a `gen_server:cast`
/// queued as its request alone.
///
/// Why the cast has its own case: a stream of casts is the one traffic
/// where a message's memory always crosses between cores. The sender
/// made `{'$gen_cast', Request}`, the server dropped it, and glibc had to
/// carry every such block back from the server's thread to the sender's
/// arena. `scripts/bench cast` spent about a fifth of the sender's time
/// in that allocation. Queued as `.cast(Request)`, the envelope is never
/// made when the server's loop takes the message (`takeOldestMessage`),
/// and is made once, in place, when anything else reads the mailbox
/// (a selective receive, `process_info(P, messages)`): what every reader
/// sees is exactly the tuple that was sent.
public enum MailboxMessage: Sendable {
    /// Any message.
    case term(Term)
    /// `{'$gen_cast', Request}`, with only `Request` kept.
    case cast(request: Term)

    /// `'$gen_cast'`, the tag of a cast (`OTPAtom.genCast`).
    public static let castTag = Atom(constant: 32)

    /// The message as the term that was sent.
    public var term: Term {
        switch self {
        case .term(let message): message
        case .cast(let request): .tuple([.atom(Self.castTag), request])
        }
    }

    /// Makes the term of a cast once, in place, and returns it: for
    /// readers that may look at the same message again (a selective
    /// receive's scan), so that it is not made anew each time.
    mutating func materialize() -> Term {
        switch self {
        case .term(let message):
            return message
        case .cast:
            let message = term
            self = .term(message)
            return message
        }
    }
}
