import ErlangRuntime
import ErlangTerms

/// `erlang:crc32/1,2`, `erlang:adler32/1,2` and `erlang:md5/1` over iodata.
extension ErlangBIFs {
    static let checksums: FunctionTable = [
        bif("crc32", 1, { _, a in .int(Int(Checksums.crc32(try iodata(a[0])))) }),
        bif("crc32", 2, { _, a in
            let old = try checksum(a[0])
            return .int(Int(Checksums.crc32(try iodata(a[1]), continuing: old)))
        }),
        bif("adler32", 1, { _, a in .int(Int(Checksums.adler32(try iodata(a[0])))) }),
        bif("adler32", 2, { _, a in
            let old = try checksum(a[0])
            return .int(Int(Checksums.adler32(try iodata(a[1]), continuing: old)))
        }),
        bif("md5", 1, { _, a in .binary(Checksums.md5(try iodata(a[0]))) }),
    ]

    /// The bytes of iodata (a binary or an iolist), or `badarg`.
    static func iodata(_ term: Term) throws -> [UInt8] {
        guard let bytes = Text.iolistBytes(term) else { throw ErlangException.badarg }
        return bytes
    }

    /// A previous checksum: an integer from 0 to 2^32 - 1.
    private static func checksum(_ term: Term) throws -> UInt32 {
        guard case .int(let n) = term, let value = UInt32(exactly: n) else { throw ErlangException.badarg }
        return value
    }
}
