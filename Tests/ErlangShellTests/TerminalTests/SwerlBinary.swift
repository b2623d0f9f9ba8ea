import Foundation

/// Finds the `swerl` executable the tests run: `$SWERL_BINARY` if set,
/// else the one built next to the test bundle (`.build/debug/swerl` when
/// the bundle is `.build/debug/SwerlPackageTests.xctest`), else
/// `.build/debug/swerl` under the package root.
enum SwerlBinary {
    /// The path of an executable `swerl`, or `nil` when none is built.
    static let path: String? = {
        let files = FileManager.default
        var candidates: [String] = []
        if let override = ProcessInfo.processInfo.environment["SWERL_BINARY"], !override.isEmpty {
            candidates.append(override)
        }
        var bundleDirectories = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        if let executable = Bundle.main.executableURL {
            bundleDirectories.append(executable.deletingLastPathComponent())
        }
        for directory in bundleDirectories {
            // On Linux the bundle is an executable in the build directory; on
            // macOS it is a directory whose binary sits in Contents/MacOS.
            var dir = directory
            for _ in 0..<4 {
                candidates.append(dir.appendingPathComponent("swerl").path)
                dir = dir.deletingLastPathComponent()
            }
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/swerl").path)
        return candidates.first { files.isExecutableFile(atPath: $0) && !isDirectory($0) }
    }()

    /// The package's root directory (three levels above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TerminalTests
        .deletingLastPathComponent()  // ErlangShellTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `examples/`, holding greeter.erl and the other tutorial modules.
    static let examples = packageRoot.appendingPathComponent("examples")

    private static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
