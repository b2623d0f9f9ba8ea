@testable import ErlangStdlib
import ErlangTerms
import Testing

/// The `*** argument N:` explanations match erl's (recorded from OTP 25's shell).
struct ErtsErrorsTests {
    static let cases: [(String, [Term], [Int: String])] = [
        ("atom_to_list", [.int(1)], [1: "not an atom"]),
        ("list_to_atom", [.atom("a")], [1: "not a list"]),
        ("list_to_atom", [.list(.atom("a"))], [1: "not a list of characters"]),
        ("list_to_existing_atom", [.string("no_such_atom_xyz")], [1: "not an already existing atom"]),
        ("integer_to_list", [.atom("a"), .int(99)], [1: "not an integer", 2: "not an integer in the range 2 through 36"]),
        ("list_to_integer", [.string("1"), .int(99)], [2: "not an integer in the range 2 through 36"]),
        ("list_to_integer", [.atom("a")], [1: "not a list"]),
        ("element", [.atom("a"), .tuple([])], [1: "not an integer"]),
        ("element", [.int(1), .tuple([])], [1: "out of range"]),
        ("element", [.int(1), .atom("x")], [2: "not a tuple"]),
        ("setelement", [.int(5), .tuple([.atom("a")]), .atom("b")], [1: "out of range"]),
        ("size", [.atom("a")], [1: "not tuple or binary"]),
        ("hd", [.nil], [1: "not a nonempty list"]),
        ("abs", [.atom("a")], [1: "not a number"]),
        ("binary_to_list", [.binary([1, 2, 3]), .int(3), .int(2)], [2: "start position greater than stop position"]),
        ("split_binary", [.binary([1]), .int(9)], [2: "out of range"]),
        ("byte_size", [.atom("a")], [1: "not a bitstring"]),
        ("iolist_size", [.atom("a")], [1: "not an iodata term"]),
        ("map_get", [.atom("a"), .atom("b")], [2: "not a map"]),
        ("float_to_list", [.float(1), .list(.atom("bad"))], [2: "invalid option in list"]),
        ("binary_to_term", [.binary([1, 2])], [1: "invalid external representation of a term"]),
    ]

    @Test(arguments: cases)
    func explains(_ function: String, _ args: [Term], _ expected: [Int: String]) {
        #expect(ErtsErrors.explain(function, args, reason: .atom(.badarg)) == expected)
    }

    @Test func erlangBIFErrorsCarryErrorInfo() async {
        let result = await StdlibHarness.call("erlang", "atom_to_list", [.int(123)])
        guard case .failure(let e) = result, case .tuple(let frame)? = e.stacktrace.first, frame.count == 4 else {
            Issue.record("atom_to_list(123) did not raise with a frame")
            return
        }
        #expect(frame[3] == ErtsErrors.errorInfoLocation)
        let explained = await StdlibHarness.call("erl_erts_errors", "format_error", [e.reason, .list(e.stacktrace)])
        guard case .success(let map) = explained else {
            Issue.record("format_error/2 raised")
            return
        }
        #expect(map == .map([(.int(1), .string("not an atom"))]))
    }
}
