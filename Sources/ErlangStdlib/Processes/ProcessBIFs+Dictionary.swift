import ErlangRuntime
import ErlangTerms

/// The process dictionary: `put/2`, `get/0,1`, `get_keys/0,1`,
/// `erase/0,1`. Entries are listed in insertion order (see
/// `ProcessDictionary`).
extension ProcessBIFs {
    static let dictionary: FunctionTable = [
        bif("put", 2, { p, a in p.put(a[0], a[1]) ?? .undefined }),
        bif("get", 1, { p, a in p.get(a[0]) ?? .undefined }),
        bif("get", 0, { p, _ in .list(p.dictionaryEntries.map { .tuple([$0.key, $0.value]) }) }),
        bif("get_keys", 0, { p, _ in .list(p.dictionaryEntries.map(\.key)) }),
        bif("get_keys", 1, { p, a in .list(p.dictionaryEntries.filter { $0.value == a[0] }.map(\.key)) }),
        bif("erase", 1, { p, a in p.erase(a[0]) ?? .undefined }),
        bif("erase", 0, { p, _ in .list(p.eraseDictionary().map { .tuple([$0.key, $0.value]) }) }),
    ]
}
