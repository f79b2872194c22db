import Hummingbird
import Synchronization

/// The little the mock remembers across requests: counters and the last chat body, whatever its dialect. Shared by all
/// connections, so it uses atomics and a mutex rather than an actor, to add no hop on the hot path.
final class MockProviderState: Sendable {
    private let requests = Atomic<Int>(0)
    private let streams = Atomic<Int>(0)
    /// Source of completion ids; never reset, so ids stay unique for the life of the process.
    private let completions = Atomic<Int>(0)
    /// Kept as the received buffer (no copy): tests read it back to see what the gateway sent upstream.
    private let lastRequest = Mutex<ByteBuffer?>(nil)

    init() {}

    func recordRequest(_ body: ByteBuffer) {
        requests.wrappingAdd(1, ordering: .relaxed)
        lastRequest.withLock { $0 = body }
    }

    func recordStream() {
        streams.wrappingAdd(1, ordering: .relaxed)
    }

    func nextCompletionID() -> String {
        "chatcmpl-mock-\(nextSerial())"
    }

    /// The next answer number, shared by every dialect's ids (`chatcmpl-mock-<n>`, `msg_mock_<n>`,
    /// `mock-resp-<n>`).
    func nextSerial() -> Int {
        completions.wrappingAdd(1, ordering: .relaxed).newValue
    }

    var stats: MockStats {
        MockStats(requests: requests.load(ordering: .relaxed), streams: streams.load(ordering: .relaxed))
    }

    var lastRequestBody: ByteBuffer? {
        lastRequest.withLock { $0 }
    }

    /// Zeroes the counters and forgets the last request (`POST /mock/reset`), so that a test sees only
    /// its own traffic. Ids keep counting.
    func reset() {
        requests.store(0, ordering: .relaxed)
        streams.store(0, ordering: .relaxed)
        lastRequest.withLock { $0 = nil }
    }
}
