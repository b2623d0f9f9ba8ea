extension Term {
    /// The text of a name given as an atom or as a flat string (a list of
    /// character codes), as file names, module names and macro names are
    /// given to the compiler and the shell's commands; `nil` for anything else.
    public var nameText: String? {
        if case .atom(let a) = self { return a.text }
        guard let codes = listElements else { return nil }
        var scalars = String.UnicodeScalarView()
        for code in codes {
            guard case .int(let c) = code, let scalar = Unicode.Scalar(UInt32(clamping: c)) else { return nil }
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
