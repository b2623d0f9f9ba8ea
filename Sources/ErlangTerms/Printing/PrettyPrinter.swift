/// `~p`: prints a term across lines within a line length, exactly as
/// OTP's `io_lib_pretty:print/2` does. The term is measured first
/// (`PrettyTree`), then written whole when it fits, else broken: plain
/// elements fill lines, structured ones start a new line, a tuple tagged
/// with an atom indents its elements after `{tag,`, and map values that do
/// not fit go below their key.
///
/// Split: this file holds the settings and the entry point;
/// `PrettyPrinter+Indent` chooses the indentation of tagged tuples (erl's
/// `cind`); `PrettyPrinter+Layout` breaks lines (erl's `pp`). Every pass
/// uses an explicit stack, so terms nested hundreds of thousands deep print.
public struct PrettyPrinter: Sendable {
    /// The line length (erl's `line_length`, 80 by default; 0 writes one line).
    public var lineLength = 80
    /// The most characters on one line of a broken term (erl's
    /// `line_max_chars`: 60 in the shell; -1 means no limit).
    public var lineMaxChars = -1
    /// The nesting depth printed before `...` (erl's `depth`: -1 means no
    /// limit; 30 in the shell).
    public var depth = -1
    /// How characters above 255 print (`~p` is `latin1`, `~tp` is `unicode`).
    public var encoding = PrintEncoding.latin1
    /// Which characters make a list a string when `encoding` is `unicode`.
    public var printableRange = PrintableRange.latin1
    /// Whether lists and binaries may print as strings (`~lp` turns this off).
    public var strings = true

    /// A printer with erl's `io_lib_pretty:print/2` defaults.
    public init(lineLength: Int = 80, lineMaxChars: Int = -1, depth: Int = -1, unicode: Bool = false,
                strings: Bool = true) {
        self.lineLength = lineLength
        self.lineMaxChars = lineMaxChars
        self.depth = depth
        self.encoding = unicode ? .unicode : .latin1
        self.strings = strings
    }

    /// The settings the shell prints results with (`shell:pp/4`: depth 30,
    /// 60 characters per line, line length 80).
    public static let shell = PrettyPrinter(lineLength: 80, lineMaxChars: 60, depth: 30)

    /// Whether lists of any printable code points show as strings (`~tp`).
    public var unicode: Bool {
        get { encoding == .unicode }
        set { encoding = newValue ? .unicode : .latin1 }
    }

    /// Prints `term` as if the cursor were at `column` (1-based): the first
    /// line is not indented, continuation lines are. `records` gives the
    /// field names of a record the shell knows, from its name and field
    /// count, so that `{person,"Joe",42}` prints as `#person{name = "Joe",age = 42}`.
    public func print(_ term: Term, column: Int = 1, records: ((Atom, Int) -> [Atom]?)? = nil) -> String {
        var out = ""
        print(term, column: column, records: records, into: &out)
        return out
    }

    /// Appends the printed term to `out` (see `print(_:column:records:)`).
    public func print(_ term: Term, column: Int = 1, records: ((Atom, Int) -> [Atom]?)? = nil,
                      into out: inout String) {
        // Layout arithmetic adds and subtracts columns and lengths: keep them
        // far inside Int's range (any width beyond a few million behaves alike).
        let bound = 1 << 40
        func outside(_ v: Int) -> Bool { v < -bound || v > bound }
        if outside(lineLength) || outside(lineMaxChars) || column > bound {
            var clamped = self
            clamped.lineLength = min(max(lineLength, -bound), bound)
            clamped.lineMaxChars = min(max(lineMaxChars, -1), bound)
            clamped.print(term, column: min(column, bound), records: records, into: &out)
            return
        }
        if depth == 0 {
            out += "..."
            return
        }
        let col = max(column, 1)
        switch term {
        case .atom(let a):
            out += AtomText.quoted(a, encoding: encoding)
            return
        case .int, .bigInt, .float, .pid, .ref, .fun:
            out += TermWriter.atomic(term)
            return
        case .tuple, .nil, .cons, .map, .binary:
            break
        }
        let settings = PrettyTree.Settings(encoding: encoding, printableRange: printableRange,
                                           strings: strings, records: records)
        // Any negative depth means no limit; -1 keeps the decrements from overflowing.
        let tree = PrettyTree(measuring: term, depth: depth < 0 ? -1 : depth, settings: settings)
        let length = tree[0].length
        let maxChars = lineMaxChars < 0 ? length : lineMaxChars
        if lineLength == 0 || (length < lineLength - col && length <= maxChars) {
            tree.write(0, into: &out)
            return
        }
        var layout = PrettyLayout(tree: tree, lineLength: lineLength, maxChars: maxChars, tagIndent: 1)
        for candidate in [-1, 4] where layout.indentFits(candidate, column: col) {
            layout.tagIndent = candidate
            break
        }
        layout.print(column: col, into: &out)
    }
}

/// The state shared by the indentation check and the line breaker.
struct PrettyLayout {
    let tree: PrettyTree
    /// erl's `Ll`.
    let lineLength: Int
    /// erl's `M`.
    let maxChars: Int
    /// erl's `TInd`: how far a tagged tuple's elements and a map's values indent.
    var tagIndent: Int

    /// Whether `node`, written whole from `column` with `w` characters already
    /// on the line, fits with `lastDepth` closing brackets after it.
    func fits(_ node: Int, column: Int, lastDepth: Int, w: Int) -> Bool {
        let length = tree[node].length
        return length < lineLength - column - lastDepth && length + w + lastDepth <= maxChars
    }

    /// Whether element `node`, preceded by a comma on the current line
    /// (erl's `pp_tail` test), still fits there. `lastDepth` is 0 when more
    /// elements follow.
    func fitsAfterComma(_ node: Int, column: Int, lastDepth: Int, w: Int) -> Bool {
        let elementLength = 1 + tree[node].length
        if lastDepth == 0 {
            return elementLength + 1 < lineLength - column && w + elementLength + 1 <= maxChars
        }
        return elementLength < lineLength - column - lastDepth && w + elementLength + lastDepth <= maxChars
    }

    /// Whether an improper list's tail fits after `|` on the current line.
    func tailFits(_ node: Int, column: Int, lastDepth: Int, w: Int) -> Bool {
        let length = tree[node].length
        return length + 1 < lineLength - column - (lastDepth + 1) && length + 1 + w + (lastDepth + 1) <= maxChars
            && tree[node].isText
    }

    /// erl's `last_depth/2`: closing brackets that follow the element at
    /// `position` among `count` elements.
    static func lastDepth(position: Int, count: Int, _ ld: Int) -> Int {
        position + 1 < count ? 0 : ld + 1
    }

    /// How far a map value that does not fit after its key indents.
    var mapValueIndent: Int { tagIndent > 0 ? tagIndent : 4 }
}
