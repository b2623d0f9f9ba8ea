import ErlangEval
import ErlangTerms

/// A record definition written back as the `-record` attribute `rl()`
/// prints, as erl_pp lays it out: `-record(state,{count :: integer()}).`
/// on one line when `-record(Name,{...}` fits in 72 columns, otherwise one
/// field a line, lined up after the brace. Fields are `Name`,
/// `Name = Default` and `Name = Default :: Type`.
enum RecordText {
    /// erl_pp's line width.
    static let lineWidth = 72

    /// The attribute for record `name`, without a final newline.
    static func attribute(_ name: String, _ definition: RecordTable.Definition) -> String {
        let head = "-record(" + AtomText.quoted(name) + ",{"
        let fields = definition.fields.indices.map { index in
            var text = AtomText.quoted(definition.fields[index])
            if let value = definition.defaults[index] { text += " = " + ExprPrinter.text(value) }
            if index < definition.types.count, let type = definition.types[index] { text += " :: " + type }
            return text
        }
        let oneLine = fields.joined(separator: ", ")
        if (head + oneLine + "}").count <= lineWidth {
            return head + oneLine + "})."
        }
        return head + fields.joined(separator: ",\n" + String(repeating: " ", count: head.count)) + "})."
    }
}
