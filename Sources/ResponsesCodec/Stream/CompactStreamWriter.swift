public import Conversation
public import TokModelCore

extension OpenAIResponses {
    /// The gateway's own `POST /v1/responses/compact` when streaming: canonical events → the raw UTF-8 bytes
    /// of the text deltas, nothing else (no SSE framing, no thinking, no tool calls). What the edge needs for
    /// its response headers or logs (usage, stop reason, a provider error) is kept on the writer.
    public struct CompactStreamWriter: Sendable {
        public private(set) var usage: Usage?
        public private(set) var stopReason: StopReason?
        public private(set) var error: GatewayError?

        public init() {}

        public mutating func write(_ event: StreamEvent) -> [UInt8] {
            switch event {
            case .textDelta(_, let text): return Array(text.utf8)
            case .usage(let latest): usage = latest
            case .finish(let reason, _): stopReason = reason
            case .error(let failure): error = failure
            default: break
            }
            return []
        }
    }
}
