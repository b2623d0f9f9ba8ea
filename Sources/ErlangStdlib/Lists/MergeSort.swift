/// A stable, iterative bottom-up merge sort: what `lists:sort/1,2` and
/// `lists:keysort/2` need (elements that compare equal keep their order),
/// with an ordering that may throw, or call back into Erlang (`async`).
enum MergeSort {
    /// `items` sorted so that `inOrder(a, b)` holds for neighbours; stable.
    /// `inOrder(a, b)` is "a may come before b" (`=<`).
    static func sorted<T>(_ items: [T], _ inOrder: (T, T) throws -> Bool) rethrows -> [T] {
        guard items.count > 1 else { return items }
        var source = items
        var target = items
        var width = 1
        while width < source.count {
            var start = 0
            while start < source.count {
                let mid = min(start + width, source.count)
                let end = min(start + 2 * width, source.count)
                var (i, j, k) = (start, mid, start)
                while i < mid && j < end {
                    if try inOrder(source[i], source[j]) {
                        target[k] = source[i]
                        i += 1
                    } else {
                        target[k] = source[j]
                        j += 1
                    }
                    k += 1
                }
                while i < mid { target[k] = source[i]; i += 1; k += 1 }
                while j < end { target[k] = source[j]; j += 1; k += 1 }
                start = end
            }
            swap(&source, &target)
            width *= 2
        }
        return source
    }

    /// `sorted(_:_:)` with an ordering that suspends (a user fun).
    static func sorted<T>(_ items: [T], _ inOrder: (T, T) async throws -> Bool) async throws -> [T] {
        guard items.count > 1 else { return items }
        var source = items
        var target = items
        var width = 1
        while width < source.count {
            var start = 0
            while start < source.count {
                let mid = min(start + width, source.count)
                let end = min(start + 2 * width, source.count)
                var (i, j, k) = (start, mid, start)
                while i < mid && j < end {
                    if try await inOrder(source[i], source[j]) {
                        target[k] = source[i]
                        i += 1
                    } else {
                        target[k] = source[j]
                        j += 1
                    }
                    k += 1
                }
                while i < mid { target[k] = source[i]; i += 1; k += 1 }
                while j < end { target[k] = source[j]; j += 1; k += 1 }
                start = end
            }
            swap(&source, &target)
            width *= 2
        }
        return source
    }

    /// Merges two lists that are each in order; on a tie the left element comes first.
    /// With `unique`, an element of `right` equal to the left one it ties with is dropped.
    static func merge<T>(_ left: [T], _ right: [T], unique: Bool = false,
                         _ inOrder: (T, T) async throws -> Bool) async throws -> [T] {
        var out: [T] = []
        out.reserveCapacity(left.count + right.count)
        var (i, j) = (0, 0)
        while i < left.count && j < right.count {
            if try await inOrder(left[i], right[j]) {
                if unique, try await inOrder(right[j], left[i]) { j += 1 }
                out.append(left[i])
                i += 1
            } else {
                out.append(right[j])
                j += 1
            }
        }
        out.append(contentsOf: left[i...])
        out.append(contentsOf: right[j...])
        return out
    }
}
