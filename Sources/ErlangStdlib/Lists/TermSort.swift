import ErlangTerms

/// `lists:sort/1` as OTP 25 orders it. Terms that compare equal but are not
/// identical (`1` and `1.0`) come out in the order OTP's algorithm leaves
/// them, which is not always their input order: `[2, 1.0, 1, 2.0, 0]`
/// sorts to `[0, 1, 1.0, 2.0, 2]`. So this follows the same strategy:
///
/// 1. Split the input into runs. An ascending run keeps its two largest
///    elements `x =< y` apart and grows at either of them; a descending run
///    the same way round; a run ends at the second element that fits
///    neither end (the first one is the run's only "below" element), and
///    one more spare element starts the next run with its successor.
///    Ascending runs are kept largest first, descending ones smallest first.
/// 2. Merge the runs three at a time (two or one at the end), alternating
///    direction each pass: ascending lists merge into descending ones,
///    where equal elements keep list priority (earlier list first), and
///    descending lists merge into ascending ones, where the later list's
///    element is taken first, until one list is left.
///
/// Everything is iterative; runs are arrays whose index 0 is the list head.
enum TermSort {
    /// `a =< b` in term order.
    @inline(__always) static func le(_ a: Term, _ b: Term) -> Bool { Term.compare(a, b) <= 0 }

    /// `items` in erl's `lists:sort/1` order.
    static func sorted(_ items: [Term]) -> [Term] {
        guard items.count >= 2 else { return items }
        let (x, y) = (items[0], items[1])
        let rest = items[2...]
        if le(x, y) {
            if rest.isEmpty { return items }
            if rest.count == 1, let z = rest.first {
                if le(y, z) { return items }
                return le(x, z) ? [x, z, y] : [z, x, y]
            }
            if Term.compare(x, y) == 0 { return equalPrefix(y, rest, below: [x]) }
            return split(x, y, rest, below: [], runs: [], ascending: true)
        }
        if rest.count == 1, let z = rest.first {
            if le(x, z) { return [y, x, z] }
            return le(y, z) ? [y, z, x] : [z, y, x]
        }
        if rest.isEmpty { return [y, x] }
        return split(x, y, rest, below: [], runs: [], ascending: false)
    }

    /// A list that starts with equal elements (`sort_1`): they collect
    /// until an element differs, then splitting goes on in its direction
    /// with the collected ones as the run's lower part.
    private static func equalPrefix(_ first: Term, _ rest: ArraySlice<Term>, below: [Term]) -> [Term] {
        var x = first
        var below = below  // the collected elements, most recent last
        var index = rest.startIndex
        while index < rest.endIndex {
            let y = rest[index]
            let order = Term.compare(x, y)
            if order == 0 {
                below.append(x)
                x = y
                index += 1
                continue
            }
            return split(x, y, rest[(index + 1)...], below: below, runs: [], ascending: order < 0)
        }
        return below + [x]
    }

    /// Splits `rest` into runs, starting with the pair `x`, `y` (in the
    /// run's direction) and the lower part `below` (most recent last), then merges.
    private static func split(_ x: Term, _ y: Term, _ rest: ArraySlice<Term>, below: [Term], runs: [[Term]],
                              ascending: Bool) -> [Term] {
        // "fits" means: for an ascending run z >= bound, for a descending run z =< bound.
        func fits(_ z: Term, _ bound: Term) -> Bool {
            ascending ? Term.compare(z, bound) >= 0 : Term.compare(z, bound) <= 0
        }
        var (x, y) = (x, y)
        var below = below
        var runs = runs  // most recent last
        var spare: Term?
        for z in rest {
            if fits(z, y) {
                below.append(x)
                (x, y) = (y, z)
            } else if fits(z, x) {
                below.append(x)
                x = z
            } else if spare == nil, below.isEmpty {
                below.append(z)
            } else if let s = spare {
                runs.append([y, x] + below.reversed())
                // The spare and z start the next run, in its direction.
                let sFirst = ascending ? le(s, z) : Term.compare(s, z) > 0
                (x, y) = sFirst ? (s, z) : (z, s)
                below = []
                spare = nil
            } else {
                spare = z
            }
        }
        runs.append([y, x] + below.reversed())
        if let s = spare { runs.append([s]) }
        let newestFirst = Array(runs.reversed())
        return ascending ? mergeDescending(newestFirst) : mergeAscending(newestFirst)
    }

    /// One pass over ascending lists (erl's `mergel`): merged three (or two)
    /// at a time into descending lists, then a descending pass.
    static func mergeAscending(_ lists: [[Term]]) -> [Term] {
        var lists = lists.filter { !$0.isEmpty }
        while true {
            var merged: [[Term]] = []
            var i = 0
            while lists.count - i >= 3 {
                merged.append(mergeUp([lists[i], lists[i + 1], lists[i + 2]]))
                i += 3
            }
            switch lists.count - i {
            case 2: merged.append(mergeUp([lists[i], lists[i + 1]]))
            case 1:
                if merged.isEmpty { return lists[i] }
                merged.append(lists[i].reversed())
            default:
                if merged.isEmpty { return [] }
            }
            // The descending pass takes the results newest first.
            lists = descendingPass(Array(merged.reversed()))
        }
    }

    /// One pass over descending lists (erl's `rmergel`), giving ascending
    /// lists newest first, ready for the next ascending pass.
    static func descendingPass(_ lists: [[Term]]) -> [[Term]] {
        var merged: [[Term]] = []
        var i = 0
        while lists.count - i >= 3 {
            // The group's third list is the first of the merge.
            merged.append(mergeDown([lists[i + 2], lists[i + 1], lists[i]]))
            i += 3
        }
        switch lists.count - i {
        case 2: merged.append(mergeDown([lists[i + 1], lists[i]]))
        case 1: merged.append(lists[i].reversed())
        default: break
        }
        return merged.reversed()
    }

    /// Starts with a descending pass (erl's `rmergel` from the splitter).
    static func mergeDescending(_ lists: [[Term]]) -> [Term] {
        mergeAscending(descendingPass(lists.filter { !$0.isEmpty }))
    }

    /// Merges ascending lists; equal heads go in list order; the result is descending.
    static func mergeUp(_ lists: [[Term]]) -> [Term] {
        merge(lists) { $0 < 0 }
    }

    /// Merges descending lists, largest first, the later list's head first
    /// among equals; the result is ascending.
    static func mergeDown(_ lists: [[Term]]) -> [Term] {
        merge(lists) { $0 >= 0 }
    }

    /// Takes heads one at a time: a later list's head replaces the pick so
    /// far when `replaces` holds for their comparison; returns the taken
    /// terms last first.
    @inline(__always)
    private static func merge(_ lists: [[Term]], replaces: (Int) -> Bool) -> [Term] {
        var out: [Term] = []
        out.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        var index = [Int](repeating: 0, count: lists.count)
        while true {
            var pick: Int?
            for k in lists.indices where index[k] < lists[k].count {
                guard let p = pick else { pick = k; continue }
                if replaces(Term.compare(lists[k][index[k]], lists[p][index[p]])) { pick = k }
            }
            guard let p = pick else { break }
            out.append(lists[p][index[p]])
            index[p] += 1
        }
        return out.reversed()
    }
}
