#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process-wide atom table. It is the one global in Swerl, as in BEAM:
/// atoms are values that every term, module and process shares, and an
/// atom must mean the same thing wherever it travels.
///
/// Lookup is an open-addressing hash table over the texts' UTF-8 bytes
/// (FNV-1a, linear probing, at most half full), under one lock. A script
/// line such as `cache:put(7, v7).` interns three atoms, one of them new;
/// a `[String: UInt32]` spent about 1,100 instructions on each, in
/// SipHash and in `String` comparison (which also made two texts that
/// differ only in Unicode normalisation one atom; BEAM compares atoms'
/// code points, and so does this table).
final class AtomTable: Sendable {
    static let shared = AtomTable()

    private struct Storage {
        /// The atoms' texts, by index.
        var texts: [String] = []
        /// Each atom's hash, by index (so growing never rehashes a text).
        var hashes: [UInt64] = []
        /// The hash table: an atom's index + 1, or 0 for an empty slot. Its
        /// count is a power of two.
        var slots = [UInt32](repeating: 0, count: 1024)

        /// The slot holding `text`, or the empty slot where it would go.
        func slot(of text: String, hash: UInt64) -> (slot: Int, index: UInt32?) {
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = slots[i]
                if entry == 0 { return (i, nil) }
                let index = Int(entry - 1)
                if hashes[index] == hash, Self.sameBytes(texts[index], text) { return (i, UInt32(index)) }
                i = (i + 1) & mask
            }
        }

        /// Whether `a` and `b` have the same UTF-8 bytes (not `==`, which
        /// equates canonically equivalent texts).
        static func sameBytes(_ a: String, _ b: String) -> Bool {
            var a = a, b = b
            return a.withUTF8 { x in
                b.withUTF8 { y in
                    guard x.count == y.count else { return false }
                    guard let p = x.baseAddress, let q = y.baseAddress else { return true }
                    return memcmp(p, q, x.count) == 0
                }
            }
        }

        /// Adds `text` (not in the table yet) in `slot`; returns its index.
        mutating func add(_ text: String, hash: UInt64, slot: Int) -> UInt32 {
            let index = UInt32(texts.count)
            texts.append(text)
            hashes.append(hash)
            slots[slot] = index + 1
            if texts.count * 2 > slots.count { grow() }
            return index
        }

        /// Doubles the table and puts every atom back.
        private mutating func grow() {
            slots = [UInt32](repeating: 0, count: slots.count * 2)
            let mask = slots.count - 1
            for (index, hash) in hashes.enumerated() {
                var i = Int(truncatingIfNeeded: hash) & mask
                while slots[i] != 0 { i = (i + 1) & mask }
                slots[i] = UInt32(index + 1)
            }
        }
    }

    private let storage: Lock<Storage>

    /// Atoms that exist in every BEAM node from the start (the ones the
    /// runtime itself uses), so that `list_to_existing_atom("ok")` succeeds
    /// whether or not Swerl's own code has touched them yet. The atom
    /// constants come first (`Atom.constantTexts`), at their indices.
    static let preloaded = Atom.constantTexts + [
        "erlang", "lists", "maps", "io", "io_lib", "string", "proplists", "erl_eval", "shell", "nil",
        "latin1", "utf8", "unicode", "self", "node", "value", "none", "all", "infinity", "local", "external",
        "module", "name", "arity", "env", "type", "pid", "index", "uniq", "new_index", "new_uniq", "file",
        "line", "error_info", "registered_name", "trap_exit", "links", "monitors", "messages",
        "message_queue_len", "dictionary", "status", "running", "waiting", "exiting", "noconnection",
        "nocatch", "port", "reference", "function", "tuple", "list", "atom", "integer", "float", "binary",
        "bitstring", "map", "big", "little", "native", "signed", "unsigned", "default", "lower", "upper",
        "ignore", "stop", "reply", "noreply", "hibernate", "call", "cast", "info", "start", "abcast",
    ]

    init() {
        var initial = Storage()
        for text in Self.preloaded {
            let hash = Self.hash(text)
            let found = initial.slot(of: text, hash: hash)
            if found.index == nil { _ = initial.add(text, hash: hash, slot: found.slot) }
        }
        storage = Lock(initial)
    }

    /// FNV-1a over the UTF-8 bytes, with the high bits folded into the low
    /// ones that pick the slot.
    static func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            return h ^ (h >> 29)
        }
    }

    func intern(_ text: String) -> UInt32 {
        let hash = Self.hash(text)
        return storage.withLock { s in
            let found = s.slot(of: text, hash: hash)
            if let index = found.index { return index }
            return s.add(text, hash: hash, slot: found.slot)
        }
    }

    func lookup(_ text: String) -> UInt32? {
        let hash = Self.hash(text)
        return storage.withLock { $0.slot(of: text, hash: hash).index }
    }

    func text(of index: UInt32) -> String {
        storage.withLock { $0.texts[Int(index)] }
    }
}
