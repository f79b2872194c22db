import Dialects

/// A snapshot of what the mock has served, for `GET /mock/stats`.
public struct MockStats: Sendable, Equatable {
    /// Chat requests received (every POST to a chat endpoint of any dialect, whatever its outcome).
    public var requests: Int
    /// Of those, the ones answered with a stream.
    public var streams: Int

    public init(requests: Int, streams: Int) {
        self.requests = requests
        self.streams = streams
    }

    /// `{"requests": N, "streams": N}`.
    public var body: [UInt8] {
        JSONWriter.bytes(.object([("requests", .int(requests)), ("streams", .int(streams))]))
    }
}
