import Foundation
import LineEditing
import Testing

/// `HistoryFile`: `~/.swerl_history` on disk.
@Suite("HistoryFile")
struct HistoryFileTests {
    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("swerl-history-\(UUID().uuidString.prefix(8))").path
    }

    private func mode(of path: String) throws -> Int? {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
    }

    @Test func createsAPrivateFileWithTheHeader() throws {
        let path = temporaryPath()
        defer { unlink(path) }
        let file = HistoryFile(path: path)
        try file.append("1 + 2.")
        #expect(try mode(of: path) == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "_HiStOrY_V2_\n1\\040+\\0402.\n")
    }

    @Test(arguments: ["a.", "X = \"two words\".", "1 +\n2.", "back\\slash.", "h\u{e9}llo \u{1F600}.", "tab\there."])
    func entriesRoundTrip(entry: String) throws {
        let path = temporaryPath()
        defer { unlink(path) }
        let file = HistoryFile(path: path)
        try file.append("first.")
        try file.append(entry)
        #expect(file.entries() == ["first.", entry])
    }

    @Test func appendsExactlyOneLinePerEntry() throws {
        let path = temporaryPath()
        defer { unlink(path) }
        let file = HistoryFile(path: path)
        for i in 1...5 { try file.append("e\(i).") }
        #expect(file.entries() == ["e1.", "e2.", "e3.", "e4.", "e5."])
    }

    @Test func compactKeepsTheLastEntriesAndTheMode() throws {
        let path = temporaryPath()
        defer { unlink(path) }
        let file = HistoryFile(path: path)
        for i in 1...10 { try file.append("e\(i).") }
        try file.compact(keepingLast: 3)
        #expect(file.entries() == ["e8.", "e9.", "e10."])
        #expect(try mode(of: path) == 0o600)
    }

    @Test func readsLibeditsBackslashEscape() throws {
        let path = temporaryPath()
        defer { unlink(path) }
        try "_HiStOrY_V2_\na\\\\b\\040c\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(HistoryFile(path: path).entries() == ["a\\b c"])
    }

    @Test func missingFileHasNoEntries() {
        #expect(HistoryFile(path: "/nonexistent/.swerl_history").entries().isEmpty)
    }
}
