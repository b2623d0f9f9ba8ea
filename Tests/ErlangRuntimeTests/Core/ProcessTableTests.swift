import ErlangTerms
import Testing
@testable import ErlangRuntime

/// The process table against a plain dictionary: the same answers after a
/// seeded run of inserts and removals that grows and shrinks it.
@Suite struct ProcessTableTests {
    @Test func agreesWithADictionaryThroughGrowthAndShrinking() {
        let runtime = makeRuntime()
        var table = ProcessTable()
        var model: [Pid: ErlangProcess] = [:]
        var generator = SeededLCG(seed: 7)
        var nextSerial: UInt64 = 80
        for step in 0..<40_000 {
            let growing = step < 20_000
            if generator.next() % 3 != 0 && (growing || model.isEmpty == false && generator.next() % 4 == 0) {
                let process = ErlangProcess(pid: Pid(serial: nextSerial), runtime: runtime)
                nextSerial += 1
                table[process.pid] = process
                model[process.pid] = process
            } else if let victim = model.keys.randomElement(using: &generator) {
                table[victim] = nil
                model[victim] = nil
            }
            if step % 997 == 0 {
                #expect(table.count == model.count)
                #expect(Set(table.pids) == Set(model.keys))
            }
        }
        for serial in 80..<nextSerial {
            let pid = Pid(serial: serial)
            #expect(table[pid] === model[pid])
        }
        for pid in model.keys { table[pid] = nil }
        #expect(table.count == 0)
        #expect(table.pids.isEmpty)
    }
}

/// A seeded linear congruential generator (Knuth's MMIX constants), so
/// the run is the same every time.
private struct SeededLCG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state ^ (state >> 29)
    }
}
