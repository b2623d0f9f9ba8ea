import ErlangRuntime
import ErlangTerms

/// The `dict` module. Mirrors OTP 25's `dict.erl` (linear hashing): a
/// dictionary is the record `{dict, Size, N, MaxN, BSO, ExpSize, ConSize,
/// Empty, Segs}`, whose segments are tuples of 16 buckets, each a list of
/// `[Key | Value]` cells. A key's slot is `erlang:phash(Key, MaxN)`
/// (`LegacyHash`), folded back below `N`; the table grows one slot at a time
/// past 5 entries a slot and shrinks below 3, doubling or halving its
/// segments, exactly as erl's, so printed dicts and `to_list/1` order are
/// erl's. Keys match exactly (`=:=`).
///
/// `+Access` holds lookups and changes; `+Higher` the functions that take funs.
enum DictModule {
    /// The exported functions.
    static let functions: FunctionTable = access + higher

    /// Slots per segment.
    static let segmentSize = 16
    /// Average bucket length that triggers growth.
    static let expandLoad = 5
    /// Average bucket length that triggers shrinking.
    static let contractLoad = 3

    /// A dict record's fields.
    struct Table {
        var size: Int
        var n: Int
        var maxN: Int
        var bso: Int
        var expSize: Int
        var conSize: Int
        var empty: Term
        var segments: [[Term]]

        /// The record term.
        var term: Term {
            .tuple([.atom("dict"), .int(size), .int(n), .int(maxN), .int(bso), .int(expSize), .int(conSize), empty,
                    .tuple(segments.map { .tuple($0) })])
        }

        /// The empty dict (`dict:new()`).
        static var new: Table {
            let empty = [Term](repeating: .nil, count: segmentSize)
            return Table(size: 0, n: segmentSize, maxN: segmentSize, bso: segmentSize / 2,
                         expSize: segmentSize * expandLoad, conSize: segmentSize * contractLoad,
                         empty: .tuple(empty), segments: [empty])
        }

        /// The record in `term`, or `nil` when it is not a dict.
        init?(_ term: Term) {
            guard case .tuple(let e) = term, e.count == 9, e[0] == .atom("dict"),
                  case .int(let size) = e[1], case .int(let n) = e[2], case .int(let maxN) = e[3],
                  case .int(let bso) = e[4], case .int(let expSize) = e[5], case .int(let conSize) = e[6],
                  case .tuple(let segs) = e[8], bso >= 1, bso < n, n <= maxN, segs.count * segmentSize >= maxN
            else { return nil }
            var segments: [[Term]] = []
            for seg in segs {
                guard case .tuple(let buckets) = seg, buckets.count == segmentSize else { return nil }
                segments.append(buckets)
            }
            self.init(size: size, n: n, maxN: maxN, bso: bso, expSize: expSize, conSize: conSize, empty: e[7], segments: segments)
        }

        init(size: Int, n: Int, maxN: Int, bso: Int, expSize: Int, conSize: Int, empty: Term, segments: [[Term]]) {
            (self.size, self.n, self.maxN, self.bso, self.expSize, self.conSize, self.empty, self.segments)
                = (size, n, maxN, bso, expSize, conSize, empty, segments)
        }

        /// The slot (1-based) of `key`.
        func slot(_ key: Term) -> Int {
            let h = Int(LegacyHash.phash(key, range: UInt64(maxN)))
            return h > n ? h - bso : h
        }

        /// The bucket at `slot`.
        subscript(slot: Int) -> Term {
            get { segments[(slot - 1) / segmentSize][(slot - 1) % segmentSize] }
            set { segments[(slot - 1) / segmentSize][(slot - 1) % segmentSize] = newValue }
        }

        /// After adding `added` (0 or 1) entries: the size, and one more slot when over the load.
        mutating func expand(_ added: Int) {
            guard size + added > expSize else { size += added; return }
            if n == maxN {
                maxN *= 2
                bso *= 2
                let emptyBuckets = empty.tupleElements ?? [Term](repeating: .nil, count: segmentSize)
                segments += [[Term]](repeating: emptyBuckets, count: segments.count)
            }
            let newSlot = n + 1
            let oldSlot = newSlot - bso
            let (stay, move) = DictModule.rehash(self[oldSlot], oldSlot, newSlot, maxN)
            self[oldSlot] = stay
            self[newSlot] = move
            size += added
            n = newSlot
            expSize = newSlot * expandLoad
            conSize = newSlot * contractLoad
        }

        /// After removing `removed` entries: the size, and one slot fewer when under the load.
        mutating func contract(_ removed: Int) {
            guard size - removed < conSize, n > segmentSize else { size -= removed; return }
            let last = self[n]
            self[n] = .nil
            let target = n - bso
            self[target] = (try? ListOperators.append(self[target], last)) ?? self[target]
            size -= removed
            n -= 1
            expSize = n * expandLoad
            conSize = n * contractLoad
            if n == bso {
                maxN /= 2
                bso /= 2
                segments.removeLast(segments.count / 2)
            }
        }

        /// The cells `[Key | Value]` of every bucket, in erl's fold order
        /// (last segment's last bucket first, each bucket front to back).
        var foldOrder: [(key: Term, value: Term)] {
            var out: [(key: Term, value: Term)] = []
            out.reserveCapacity(size)
            for seg in segments.reversed() {
                for bucket in seg.reversed() {
                    var rest = bucket
                    while case .cons(let cell) = rest {
                        if case .cons(let entry) = cell.head { out.append((entry.head, entry.tail)) }
                        rest = cell.tail
                    }
                }
            }
            return out
        }
    }

    /// Splits a bucket between its slot and `slot2` by the keys' hashes, keeping order.
    static func rehash(_ bucket: Term, _ slot1: Int, _ slot2: Int, _ maxN: Int) -> (Term, Term) {
        var stay: [Term] = [], move: [Term] = []
        var rest = bucket
        while case .cons(let cell) = rest {
            if case .cons(let entry) = cell.head, Int(LegacyHash.phash(entry.head, range: UInt64(maxN))) == slot2 {
                move.append(cell.head)
            } else {
                stay.append(cell.head)
            }
            rest = cell.tail
        }
        return (.list(stay), .list(move))
    }

    /// The cells of a bucket.
    static func cells(_ bucket: Term) -> [Term] { bucket.listElements ?? [] }

    /// The index of `key`'s cell in a bucket's cells.
    static func index(of key: Term, in cells: [Term]) -> Int? {
        cells.firstIndex { if case .cons(let entry) = $0 { return entry.head == key }; return false }
    }

    /// The value of a cell `[Key | Value]`.
    static func value(_ cell: Term) -> Term {
        if case .cons(let entry) = cell { return entry.tail }
        return .nil
    }

    /// `{badrecord, Term}`, erl's error for a term that is not a dict,
    /// raised where dict.erl first reads the record (`get_slot/2`, or `fold_dict/3` for folds).
    static func table(_ term: Term, fold: Bool = false) throws -> Table {
        guard let table = Table(term) else {
            throw StdlibError.raised(.tuple([.atom("badrecord"), term]), in: "dict", fold ? "fold_dict" : "get_slot",
                                     arity: fold ? 3 : 2, line: fold ? 448 : 414)
        }
        return table
    }
}
