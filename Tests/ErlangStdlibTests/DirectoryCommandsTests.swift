@testable import ErlangStdlib
import Testing

/// `pwd/0`'s text is the process's working directory.
struct DirectoryCommandsTests {
    @Test func theCurrentDirectoryIsAnAbsolutePath() {
        let directory = DirectoryCommands.currentDirectory()
        #expect(directory.hasPrefix("/"))
        #expect(ListingCommands.listing(of: directory) != "no such file or directory\n")
    }
}
