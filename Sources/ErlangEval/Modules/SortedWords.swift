import ErlangRuntime

/// Lookup in a sorted array of function-key words (`FunctionKey.word`):
/// a module's few keys are found by binary search in fewer instructions
/// than hashing one key takes, and the array allocates once.
enum SortedWords {
    /// Where `key` is in `words` (sorted ascending), or `nil`.
    static func index(of key: FunctionKey, in words: [UInt64]) -> Int? {
        let word = key.word
        var (low, high) = (0, words.count)
        while low < high {
            let middle = (low + high) / 2
            if words[middle] < word { low = middle + 1 } else { high = middle }
        }
        return low < words.count && words[low] == word ? low : nil
    }
}
