/// The measured form of a term that `PrettyPrinter` lays out (erl's
/// "intermediate format"): every node knows its width on one line before
/// any line is broken. Nodes live in one array and refer to their children
/// by index, so a tree hundreds of thousands of levels deep is built,
/// walked and freed without native recursion.
///
/// Split: this file holds the nodes and writes them on one line;
/// `PrettyTree+Measure` builds them from a term (erl's `print_length`);
/// `PrettyTree+Printable` decides which lists and binaries print as text.
struct PrettyTree {
    /// What a node is.
    enum Kind {
        /// Finished text: atoms, numbers, strings, printable binaries,
        /// `[...]`. Only such nodes (erl's `?ATM`) share a line with their
        /// neighbours once their parent breaks.
        case text(String)
        /// A binary written as bytes; breaks inside when too long.
        case bytes(pieces: [String], bits: (value: String, size: String)?)
        /// `[...]`; the children are the elements.
        case list
        /// `{...}`; tagged when the first element is an atom and there are more.
        case tuple(tagged: Bool)
        /// `#{...}`; the children are `mapPair` nodes.
        case map
        /// `K => V`; the two children are the key and the value.
        case mapPair
        /// `#name{...}`; the children are `field` nodes. `nameLength` counts the `#`.
        case record(name: String, nameLength: Int)
        /// `name = V`; the child is the value. `nameLength` counts the ` = `.
        case field(name: String, nameLength: Int)
    }

    /// What ends a node's children.
    enum Tail: Equatable {
        /// Nothing more.
        case none
        /// Elements cut by the depth limit: `|...` or `,...`.
        case dots
        /// The tail of an improper list, a node index: `|Tail`.
        case improper(Int)
    }

    struct Node {
        var kind: Kind
        /// The width of the node written on one line.
        var length: Int
        /// The node's children are `childIndices[first ..< first + count]`.
        var first: Int
        var count: Int
        var tail: Tail

        /// Whether the node is plain text (erl's `?ATM`).
        var isText: Bool {
            if case .text = kind { return true }
            return false
        }
    }

    var nodes: [Node] = []
    /// Child node indices, a contiguous run per node.
    var childIndices: [Int] = []

    subscript(_ index: Int) -> Node { nodes[index] }

    /// The node's children.
    func children(of index: Int) -> ArraySlice<Int> {
        let node = nodes[index]
        return childIndices[node.first ..< node.first + node.count]
    }

    /// Whether a map pair's key and value are both plain text (erl's `?ATM_PAIR`).
    func isTextPair(_ index: Int) -> Bool {
        children(of: index).allSatisfy { nodes[$0].isText }
    }

    /// Whether a record field's value is plain text (erl's `?ATM_FLD`).
    func isTextField(_ index: Int) -> Bool {
        children(of: index).allSatisfy { nodes[$0].isText }
    }

    /// Appends node `index` written on one line (erl's `write/1`).
    func write(_ index: Int, into out: inout String) {
        enum Step {
            case node(Int)
            case text(String)
        }
        var stack: [Step] = [.node(index)]
        while let step = stack.popLast() {
            switch step {
            case .text(let s):
                out += s
            case .node(let i):
                let node = nodes[i]
                let kids = children(of: i)
                switch node.kind {
                case .text(let s):
                    out += s
                case .bytes(let pieces, _):
                    out += "<<" + pieces.joined(separator: ",") + ">>"
                case .mapPair:
                    guard let key = kids.first, let value = kids.last else { continue }
                    stack.append(.node(value))
                    stack.append(.text(" => "))
                    stack.append(.node(key))
                case .field(let name, _):
                    out += name + " = "
                    if let value = kids.first { stack.append(.node(value)) }
                case .list, .tuple, .map, .record:
                    let (open, separator, close) = PrettyTree.brackets(node.kind)
                    out += open
                    stack.append(.text(close))
                    switch node.tail {
                    case .none: break
                    case .dots: stack.append(.text(kids.isEmpty ? "..." : separator + "..."))
                    case .improper(let t):
                        stack.append(.node(t))
                        stack.append(.text(separator))
                    }
                    for (n, child) in kids.enumerated().reversed() {
                        stack.append(.node(child))
                        if n > 0 { stack.append(.text(",")) }
                    }
                }
            }
        }
    }

    /// The opening text, the separator before a tail, and the closing text.
    static func brackets(_ kind: Kind) -> (String, String, String) {
        switch kind {
        case .list: return ("[", "|", "]")
        case .tuple: return ("{", ",", "}")
        case .map: return ("#{", ",", "}")
        case .record(let name, _): return (name + "{", ",", "}")
        case .text, .bytes, .mapPair, .field: return ("", ",", "")
        }
    }
}
