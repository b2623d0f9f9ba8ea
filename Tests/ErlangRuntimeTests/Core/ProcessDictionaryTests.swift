import ErlangRuntime
import ErlangTerms
import Testing

/// The process dictionary keeps insertion order and the same answers
/// whether it searches its few keys or indexes many.
@Suite struct ProcessDictionaryTests {
    @Test func putGetEraseAgreeWithAModelAcrossTheIndexThreshold() {
        var dictionary = ProcessDictionary()
        var model: [(key: Term, value: Term)] = []
        let keys: [Term] = (0..<20).map { .int($0) } + [.atom("a"), .tuple([.int(1), .nil]), .string("k")]
        var seed: UInt64 = 12345
        for step in 0..<3000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let key = keys[Int(seed >> 33) % keys.count]
            let old = model.first { $0.key == key }?.value
            if (seed >> 20) % 3 == 0 {
                #expect(dictionary.erase(key) == old)
                model.removeAll { $0.key == key }
            } else {
                let value = Term.int(step)
                #expect(dictionary.put(key, value) == old)
                if let i = model.firstIndex(where: { $0.key == key }) { model[i].value = value } else { model.append((key, value)) }
            }
            #expect(dictionary.entries.map(\.key) == model.map(\.key))
            for probe in keys { #expect(dictionary[probe] == model.first { $0.key == probe }?.value) }
        }
        #expect(dictionary.eraseAll().count == model.count)
        #expect(dictionary.isEmpty)
    }
}
