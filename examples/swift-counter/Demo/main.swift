// swift run swift-counter: starts a node, loads the Swift counter and the
// tutorial's greeter.erl side by side, and drives both from Swift.
import Swerl
import SwiftCounter

let node = SwerlNode(codePath: ["examples"])
node.install(Counter())
let value = try await node.run { process in
    _ = try await process.call("gen_server", "start_link", .tuple([.atom("local"), .atom("swift_counter")]),
                               .atom("swift_counter"), .int(41), .nil)
    _ = try await process.call("gen_server", "cast", .atom("swift_counter"), .atom("inc"))
    _ = try await process.call("greeter", "start_link")
    _ = try await process.call("greeter", "greet", .string("Swift"))
    return try await process.call("gen_server", "call", .atom("swift_counter"), .atom("value"))
}
print("swift_counter value: \(TermWriter.write(value))")
print(TermWriter.write(try await node.evaluate("lists:sum(lists:seq(1, 10))")))
