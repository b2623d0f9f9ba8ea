import ErlangRuntime
import Testing

/// Standard I/O's two encodings: latin1 (erl reading a pipe) writes one
/// byte per character and reads one character per byte; unicode is UTF-8.
@Suite struct IOEncodingTests {
    @Test func latin1WritesOneBytePerCharacterAndEscapesTheRest() {
        var bytes: [UInt8] = []
        IOEncoding.latin1.encode("\"é\" \u{3BB}!", into: &bytes)
        #expect(bytes == Array("\"".utf8) + [0xE9] + Array("\" \\x{3BB}!".utf8))
    }

    @Test func unicodeWritesUTF8() {
        var bytes: [UInt8] = []
        IOEncoding.unicode.encode("é\u{3BB}", into: &bytes)
        #expect(bytes == [0xC3, 0xA9, 0xCE, 0xBB])
    }

    @Test func latin1ReadsEveryByteAsACharacter() {
        // Typed UTF-8 "é" is two latin1 characters, as in erl.
        #expect(IOEncoding.latin1.decode([0x63, 0xC3, 0xA9]).unicodeScalars.map(\.value) == [0x63, 0xC3, 0xA9])
        #expect(IOEncoding.unicode.decode([0x63, 0xC3, 0xA9]) == "cé")
    }

    @Test func typedTextComesBackByteForByteInLatin1() {
        let typed: [UInt8] = [0x63, 0x61, 0x66, 0xC3, 0xA9, 0xCE, 0xBB]
        var written: [UInt8] = []
        IOEncoding.latin1.encode(IOEncoding.latin1.decode(typed[...]), into: &written)
        #expect(written == typed)
    }

    @Test func aSettingChangesForEveryone() {
        let setting = IOEncodingSetting(.latin1)
        #expect(setting.value == .latin1)
        setting.set(.unicode)
        #expect(setting.value == .unicode)
    }
}
