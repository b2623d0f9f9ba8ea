/// Generates well-formed, pure Erlang expressions (no receive, no
/// recursion, small numbers), often ill-typed on purpose, so the evaluator,
/// the BIFs and the printers meet every kind of term and error.
struct ExpressionGenerator {
    /// The deepest nesting generated.
    let maxDepth: Int

    static let calls: [(String, Int)] = [
        ("lists:reverse", 1), ("lists:sort", 1), ("lists:usort", 1), ("lists:flatten", 1), ("lists:sum", 1),
        ("lists:max", 1), ("lists:last", 1), ("lists:nth", 2), ("lists:member", 2), ("lists:append", 2),
        ("lists:zip", 2), ("lists:keyfind", 3), ("lists:split", 2),
        ("lists:sublist", 2), ("lists:delete", 2), ("lists:subtract", 2),
        ("maps:from_list", 1), ("maps:to_list", 1), ("maps:get", 2), ("maps:put", 3), ("maps:keys", 1),
        ("maps:merge", 2), ("maps:remove", 2), ("maps:find", 2),
        ("length", 1), ("hd", 1), ("tl", 1), ("element", 2), ("setelement", 3), ("tuple_size", 1),
        ("abs", 1), ("min", 2), ("max", 2), ("round", 1), ("trunc", 1), ("float", 1),
        ("atom_to_list", 1), ("list_to_atom", 1), ("integer_to_list", 1), ("list_to_integer", 1),
        ("list_to_tuple", 1), ("tuple_to_list", 1), ("term_to_binary", 1), ("binary_to_list", 1),
        ("list_to_binary", 1), ("iolist_to_binary", 1), ("integer_to_binary", 1), ("float_to_list", 1),
        ("is_atom", 1), ("is_list", 1), ("is_integer", 1), ("is_map", 1), ("erlang:phash2", 1),
        ("string:length", 1), ("string:uppercase", 1), ("string:split", 2), ("string:trim", 1),
        ("io_lib:format", 2), ("lists:concat", 1), ("binary_to_term", 1),
    ]
    static let binaryOperators = [
        "+", "-", "*", "/", "div", "rem", "band", "bor", "bxor", "bsl", "bsr", "++", "--",
        "==", "/=", "=:=", "=/=", "<", ">", "=<", ">=", "andalso", "orelse", "and", "or", "xor",
    ]
    static let atoms = ["a", "ok", "error", "true", "false", "undefined", "'hello world'", "[]", "'Q'"]

    /// One expression, without the final `.`.
    func expression(_ random: inout SeededRandom, depth: Int = 0) -> String {
        if depth >= maxDepth || random.chance(0.25) { return leaf(&random) }
        let d = depth + 1
        switch Int.random(in: 0..<13, using: &random) {
        case 0: return "(\(expression(&random, depth: d)) \(random.pick(Self.binaryOperators)) \(expression(&random, depth: d)))"
        case 1: return "\(random.pick(["-", "not ", "bnot ", "+"]))(\(expression(&random, depth: d)))"
        case 2: return "{" + items(&random, d) + "}"
        case 3: return "[" + items(&random, d) + "]"
        case 4: return "[\(expression(&random, depth: d)) | \(expression(&random, depth: d))]"
        case 5: return "#{" + (0..<Int.random(in: 0...3, using: &random)).map { _ in
                "\(expression(&random, depth: d)) => \(expression(&random, depth: d))" }.joined(separator: ", ") + "}"
        case 6 where random.chance(0.1):
            // Functions whose cost grows with an argument get small counts,
            // as erl would need minutes and gigabytes for the big ones too.
            let count = Int.random(in: -2...20, using: &random)
            return random.pick(["lists:seq(1, \(count))", "lists:duplicate(\(count), \(expression(&random, depth: d)))",
                                "erlang:make_tuple(\(count), \(expression(&random, depth: d)))"])
        case 6:
            let (name, arity) = random.pick(Self.calls)
            return name + "(" + (0..<arity).map { _ in expression(&random, depth: d) }.joined(separator: ", ") + ")"
        case 7:
            return "[X || X <- \(list(&random, d)), \(random.pick(["is_integer(X)", "true", "X > 1", "is_atom(X)"]))]"
        case 8:
            return "case \(expression(&random, depth: d)) of {A, B} -> {B, A}; [H | _] -> H; "
                + "X when is_integer(X), X > 0 -> X * 2; _ -> \(expression(&random, depth: d)) end"
        case 9: return "(fun(X) -> {X, \(expression(&random, depth: d))} end)(\(expression(&random, depth: d)))"
        case 10: return "catch \(expression(&random, depth: d))"
        case 11: return "try \(expression(&random, depth: d)) of V -> {ok, V} catch C:R -> {C, R} end"
        default: return "<<" + (0..<Int.random(in: 0...3, using: &random)).map { _ in
                "\(Int.random(in: 0...300, using: &random))\(random.pick(["", ":8", ":16/little", ":4", "/utf8"]))"
            }.joined(separator: ", ") + ">>"
        }
    }

    private func items(_ random: inout SeededRandom, _ depth: Int) -> String {
        (0..<Int.random(in: 0...4, using: &random)).map { _ in expression(&random, depth: depth) }.joined(separator: ", ")
    }

    private func list(_ random: inout SeededRandom, _ depth: Int) -> String { "[" + items(&random, depth) + "]" }

    private func leaf(_ random: inout SeededRandom) -> String {
        switch Int.random(in: 0..<7, using: &random) {
        case 0: return String(Int.random(in: -5...300, using: &random))
        case 1: return random.pick(["0", "1", "-1", "255", "4294967296", "123456789012345678901234567890"])
        case 2: return random.pick(["0.0", "1.5", "-2.25", "1.0e10", "3.14159"])
        case 3: return random.pick(Self.atoms)
        case 4: return random.pick(["\"\"", "\"abc\"", "\"a\\nb\"", "[104,105]", "[256, 1]"])
        case 5: return random.pick(["<<>>", "<<\"bin\">>", "<<1,2,3>>", "<<1:3>>"])
        default: return random.pick(["{}", "[]", "#{}", "self()", "make_ref()"])
        }
    }
}
