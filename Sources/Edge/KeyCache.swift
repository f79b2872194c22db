import Synchronization

/// Remembers which account and key id a key hash belongs to.
///
/// The mapping never changes for a key (revocation, limits and balance live in the records the admission
/// script reads on every request), so caching it is safe and saves a Redis round trip per request: with a
/// warm cache, admission is exactly one round trip. Unknown keys are not cached, so a new key works at once.
final class KeyCache: Sendable {
    struct Entry: Sendable {
        var accountID: Int64
        var keyID: Int64
    }

    private let entries = Mutex([String: Entry]())
    private let capacity: Int

    init(capacity: Int = 100_000) { self.capacity = capacity }

    func lookup(_ hash: String) -> Entry? { entries.withLock { $0[hash] } }

    func store(_ hash: String, _ entry: Entry) {
        entries.withLock { entries in
            // Crude but bounded: start over when full (every key costs one extra round trip once).
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[hash] = entry
        }
    }
}
