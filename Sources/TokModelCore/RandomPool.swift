#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Cryptographic random words for per-request identifiers, fetched from the kernel 4 KiB at a time.
///
/// `arc4random_buf` in glibc is one getrandom(2) system call per use; request ids are made on every request,
/// so the pool refills once per 170 ids instead. The bytes are the kernel's own and each is handed out once;
/// the pool is process-local (TokModel's processes never fork, which would duplicate it).
final class RandomPool: Sendable {
    static let shared = RandomPool()
    static let blockWords = 512

    private struct Block: ~Copyable {
        let words = UnsafeMutablePointer<UInt64>.allocate(capacity: RandomPool.blockWords)
        var next = RandomPool.blockWords
    }

    private let block = Mutex(Block())

    func threeWords() -> (UInt64, UInt64, UInt64) {
        block.withLock { block in
            if block.next + 3 > Self.blockWords {
                arc4random_buf(block.words, Self.blockWords * MemoryLayout<UInt64>.size)
                block.next = 0
            }
            defer {
                // Used words are wiped so that no later reader of this memory could learn an earlier id's bits.
                (block.words + block.next).update(repeating: 0, count: 3)
                block.next += 3
            }
            return (block.words[block.next], block.words[block.next + 1], block.words[block.next + 2])
        }
    }
}
