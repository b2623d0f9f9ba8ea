/// What a format string asks of its arguments, as `erl_lint:check_format_string/1`
/// works it out: the shell and `erl_stdlib_errors` use it to explain a
/// failed `io:format/2` (`wrong number of arguments`, `element 2 must be of
/// type integer`, `format string invalid (invalid control ~z)`).
public enum FormatArgumentType: Sendable, Hashable {
    /// Any term (`~w ~p ~i ~+ ~#`, the term of `~W ~P`).
    case term
    /// An integer (`~c ~b ~B`, widths given by `*`, depths).
    case int
    /// A float (`~f ~e ~g`).
    case float
    /// Character data (`~s`, the prefix of `~x ~X`).
    case string
}

extension ErlangFormat {
    /// The types of the arguments `format` takes, in order, or erl's
    /// explanation of why it is invalid (`truncated`, `invalid control ~z`).
    public static func argumentTypes(of format: [Int]) -> Result<[FormatArgumentType], FormatCheckError> {
        var types: [FormatArgumentType] = []
        var i = 0
        func at(_ k: Int) -> Int? { k < format.count ? format[k] : nil }
        func isDigit(_ c: Int?) -> Bool { c.map { (0x30...0x39).contains($0) } ?? false }
        func skipDigits() { while isDigit(at(i)) { i += 1 } }
        while i < format.count {
            guard format[i] == 0x7E else {
                i += 1
                continue
            }
            i += 1
            // Field width.
            if at(i) == 0x2D, isDigit(at(i + 1)) {
                i += 1
                skipDigits()
            } else if isDigit(at(i)) {
                skipDigits()
            } else if at(i) == 0x2D, at(i + 1) == 0x2A {
                i += 2
                types.append(.int)
            } else if at(i) == 0x2A {
                i += 1
                types.append(.int)
            }
            // Precision and padding.
            var hasPrecisionDot = false
            if at(i) == 0x2E, isDigit(at(i + 1)) {
                i += 1
                skipDigits()
                hasPrecisionDot = true
            } else if at(i) == 0x2E, at(i + 1) == 0x2A {
                i += 2
                types.append(.int)
                hasPrecisionDot = true
            } else if at(i) == 0x2E {
                i += 1
                hasPrecisionDot = true
            }
            if hasPrecisionDot, at(i) == 0x2E {
                if at(i + 1) == 0x2A {
                    types.append(.int)
                    i += 2
                } else if at(i + 1) != nil {
                    i += 2
                }
            }
            // Modifiers: `t` before `c s p P w W`, `l` before `p P`, both as `lt`/`tl`.
            let t = 0x74, l = 0x6C
            var ahead = [at(i), at(i + 1), at(i + 2)]
            if ahead[0] == t, ahead[1] == l { ahead.swapAt(0, 1) }
            func text(_ codes: Int?...) -> String {
                String(String.UnicodeScalarView(codes.compactMap { $0.flatMap { Unicode.Scalar(UInt32(clamping: $0)) } }))
            }
            let tControls: Set<Int> = [0x63, 0x73, 0x70, 0x50, 0x77, 0x57]
            let lControls: Set<Int> = [0x70, 0x50]
            if ahead[0] == t, let c = ahead[1] {
                guard tControls.contains(c) else { return .failure(FormatCheckError("invalid control ~" + text(t, c))) }
                i += 1
            } else if ahead[0] == l, let c = ahead[1] {
                if lControls.contains(c) {
                    i += 1
                } else if c == t, let d = ahead[2] {
                    guard lControls.contains(d) else {
                        return .failure(FormatCheckError("invalid control ~" + text(l, t, d)))
                    }
                    i += 2
                } else {
                    return .failure(FormatCheckError("invalid control ~" + text(l, c)))
                }
            }
            guard let control = at(i) else { return .failure(FormatCheckError("truncated")) }
            let name = text(control)
            i += 1
            switch name {
            case "~", "n": break
            case "c", "b", "B": types.append(.int)
            case "f", "e", "g": types.append(.float)
            case "s": types.append(.string)
            case "w", "p", "+", "#", "i": types.append(.term)
            case "W", "P": types += [.term, .int]
            case "x", "X": types += [.int, .string]
            default: return .failure(FormatCheckError("invalid control ~" + name))
            }
        }
        return .success(types)
    }
}

/// Why `ErlangFormat.argumentTypes(of:)` refused a format string, in erl's words.
public struct FormatCheckError: Error, Sendable, Hashable {
    /// The explanation, as in `format string invalid (truncated)`.
    public let message: String

    /// An explanation.
    public init(_ message: String) { self.message = message }
}
