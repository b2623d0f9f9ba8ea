/// Lays out completion candidates in columns, as erl's
/// `edlin_expand:format_matches/1` does: sorted (by name, then arity for
/// `name/arity` candidates), every column as wide as the longest name plus
/// four, as many columns as fit in 79 characters. Each line ends in `\n`.
public enum CompletionListing {
    /// The listing of `candidates` for a line of `lineWidth` characters.
    public static func format(_ candidates: [String], lineWidth: Int = 79) -> String {
        guard !candidates.isEmpty else { return "" }
        let entries = candidates.map(Entry.init).sorted()
        let longestName = entries.map { $0.name.count }.max() ?? 0
        let width = longestName < lineWidth - 3 ? longestName + 4 : lineWidth
        var out = ""
        var used = 0
        for entry in entries {
            if used + width > lineWidth {
                out += "\n"
                used = 0
            }
            var text = entry.name + entry.suffix
            let room = lineWidth - entry.suffix.count
            if entry.name.count > room {
                text = String(entry.name.prefix(max(0, room - 3))) + "..." + entry.suffix
            }
            out += text.padding(to: width)
            used += width
        }
        return out + "\n"
    }

    /// A candidate split into its name and its `/Arity` suffix (if any).
    private struct Entry: Comparable {
        let name: String
        let suffix: String
        let arity: Int?

        init(_ candidate: String) {
            if let slash = candidate.lastIndex(of: "/"),
               let arity = Int(candidate[candidate.index(after: slash)...]),
               slash != candidate.startIndex {
                name = String(candidate[..<slash])
                suffix = String(candidate[slash...])
                self.arity = arity
            } else {
                name = candidate
                suffix = ""
                arity = nil
            }
        }

        static func < (a: Entry, b: Entry) -> Bool {
            if a.name != b.name { return a.name.unicodeScalars.lexicographicallyPrecedes(b.name.unicodeScalars) }
            return (a.arity ?? -1) < (b.arity ?? -1)
        }
    }
}

extension String {
    /// `self` followed by spaces up to `width` characters (never cut).
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
