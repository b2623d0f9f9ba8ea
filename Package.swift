// swift-tools-version:6.0
// Swerl: the Erlang shell and OTP's gen_server, rebuilt natively in Swift.
// The targets and their import directions follow ../shared/DESIGN.md.
import PackageDescription

let package = Package(
    name: "Swerl",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Swerl", targets: ["Swerl"]),
        .executable(name: "swerl", targets: ["swerl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/attaswift/BigInt", exact: "6.0.1"),
        .package(url: "https://github.com/apple/swift-collections", exact: "1.6.0"),
    ],
    targets: [
        .target(name: "ErlangTerms", dependencies: [
            .product(name: "BigInt", package: "BigInt"),
            .product(name: "HashTreeCollections", package: "swift-collections"),
        ]),
        .target(name: "ErlangSyntax", dependencies: [
            "ErlangTerms",
            .product(name: "BigInt", package: "BigInt"),
        ]),
        // The address of the Swift runtime's global-enqueue hook (C, because
        // Swift cannot name an external variable); see ProcessScheduler+GlobalExecutor.
        .target(name: "CSwiftConcurrencyHooks"),
        .target(name: "ErlangRuntime", dependencies: [
            "ErlangTerms", "CSwiftConcurrencyHooks",
            .product(name: "DequeModule", package: "swift-collections"),
        ]),
        .target(name: "ErlangEval", dependencies: [
            "ErlangTerms", "ErlangSyntax", "ErlangRuntime",
            .product(name: "HashTreeCollections", package: "swift-collections"),
        ]),
        .target(name: "ErlangOTP", dependencies: ["ErlangTerms", "ErlangRuntime"]),
        .target(name: "ErlangStdlib", dependencies: [
            "ErlangTerms", "ErlangSyntax", "ErlangRuntime", "ErlangEval", "ErlangOTP",
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "LineEditing", dependencies: ["CLibEdit"]),
        .target(name: "ErlangShell", dependencies: [
            "ErlangTerms", "ErlangSyntax", "ErlangRuntime", "ErlangEval", "ErlangOTP", "ErlangStdlib", "LineEditing",
            .product(name: "DequeModule", package: "swift-collections"),
        ]),
        .target(name: "Swerl", dependencies: [
            "ErlangTerms", "ErlangSyntax", "ErlangRuntime", "ErlangEval", "ErlangOTP", "ErlangStdlib", "ErlangShell",
        ]),
        // The README's Swift example: a gen_server written in Swift (`swift run swift-counter`).
        .target(name: "SwiftCounter", dependencies: ["Swerl"], path: "examples/swift-counter/Counter"),
        .executableTarget(name: "swift-counter", dependencies: ["SwiftCounter", "Swerl"],
                          path: "examples/swift-counter/Demo"),
        .executableTarget(name: "swerl", dependencies: ["Swerl", "ErlangShell", "LineEditing"]),
        .executableTarget(name: "swerl-fuzz", dependencies: [
            "ErlangSyntax", "ErlangRuntime", "ErlangStdlib", "ErlangShell", "LineEditing",
        ]),
        .testTarget(name: "ErlangTermsTests", dependencies: ["ErlangTerms"]),
        .testTarget(name: "ErlangSyntaxTests", dependencies: ["ErlangSyntax"]),
        .testTarget(name: "ErlangEvalTests", dependencies: [
            "ErlangEval", "ErlangSyntax", "ErlangRuntime", "ErlangTerms", "ErlangStdlib",
        ]),
        .testTarget(name: "ErlangRuntimeTests", dependencies: ["ErlangRuntime", "ErlangTerms", "ErlangStdlib"]),
        .testTarget(name: "ErlangOTPTests", dependencies: ["ErlangOTP", "ErlangStdlib", "ErlangRuntime", "ErlangTerms"]),
        .testTarget(name: "SwerlTests", dependencies: ["Swerl", "SwiftCounter"]),
        .testTarget(name: "ErlangShellTests", dependencies: [
            "ErlangShell", "LineEditing", "ErlangRuntime", "ErlangStdlib", "ErlangTerms",
        ]),
        .testTarget(name: "ErlangStdlibTests", dependencies: [
            "ErlangStdlib", "ErlangEval", "ErlangRuntime", "ErlangSyntax", "ErlangTerms",
            .product(name: "BigInt", package: "BigInt"),
        ], exclude: ["Recording"]),
    ]
)

// Nonisolated async functions run on their caller's executor (SE-0461)
// instead of hopping to the generic executor at every call: with a task
// executor preference (every process has one), each such hop was a
// `swift_task_switch` that takes the task's status-record lock to find the
// preferred executor, about a fifth of a gen_server:call. Nothing here is
// actor-isolated, so no code depends on the hop.
for target in package.targets where target.type != .system && !target.name.hasPrefix("C") {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]
}
