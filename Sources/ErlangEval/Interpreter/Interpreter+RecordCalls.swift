import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// The calls the compiler expands with the record definitions in scope,
/// as erl_expand_records does before erl_eval sees them:
/// `record_info(fields | size, R)` is a constant, and `is_record(T, R)`
/// (also `erlang:is_record/2`) with a literal record name tests the tag
/// and the tuple's size. An undefined record is an error found before
/// anything runs (`* 1:19: record r undefined`, at the name).
extension Interpreter {
    /// The compiled expansion of `function(arguments)` at `location`, or
    /// `nil` when it is an ordinary call.
    func compileRecordCall(_ function: Expr, _ arguments: [Expr], at location: SourceLocation) throws -> Compiled? {
        switch function {
        case .atom("record_info") where arguments.count == 2:
            return .constant(try recordInfo(arguments[0], arguments[1], at: location))
        case .atom("is_record") where arguments.count == 2,
             .remote(.atom("erlang"), .atom("is_record")) where arguments.count == 2:
            guard case .atom(let name) = arguments[1] else { return nil }
            guard let fields = records.fields(of: name) else {
                throw EvalDiagnostic("record \(name) undefined", at: location, argument: 2)
            }
            let tag = Term.atom(Atom(name))
            let size = fields.count + 1
            return .map(try compile(arguments[0])) { value, _, _ in
                guard case .tuple(let elements) = value, elements.count == size else { return .false }
                return .bool(elements[0] == tag)
            }
        default:
            return nil
        }
    }

    /// `record_info(fields, R)` (the field names) or `record_info(size, R)`
    /// (the tuple's size).
    func recordInfo(_ kind: Expr, _ record: Expr, at location: SourceLocation) throws -> Term {
        guard case .atom(let info) = kind, info == "fields" || info == "size", case .atom(let name) = record else {
            throw EvalDiagnostic("illegal record info", at: location, argument: 1)
        }
        guard let fields = records.fields(of: name) else {
            throw EvalDiagnostic("record \(name) undefined", at: location)
        }
        return info == "size" ? .int(fields.count + 1) : .list(fields.map { .atom(Atom($0)) })
    }
}
