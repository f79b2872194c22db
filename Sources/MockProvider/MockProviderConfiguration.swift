/// How the mock provider listens and paces its answers. Every field has a default so that `make run` and the
/// end-to-end tests can start it with no flags; per-request directives (``MockDirectives``) override the
/// pacing for one request.
public struct MockProviderConfiguration: Sendable, Equatable {
    /// Address to bind. Loopback by default: the mock has no business being reachable from elsewhere.
    public var host: String = "127.0.0.1"
    /// Port to bind; 0 lets the system choose (tests).
    public var port: Int = 9090
    /// Delay before the first byte of a stream, or before a non-streamed answer, to imitate time to first token.
    public var latencyMillis: Int = 0
    /// Content chunks per streamed answer (fewer when the answer has fewer words).
    public var chunkCount: Int = 8
    /// Pause before each content chunk and before the finish chunk of a stream.
    public var chunkDelayMillis: Int = 0
    /// When set, every chat request (and `GET /v1/models`) must carry this key in its dialect's place, else an
    /// authentication error in that dialect's shape: OpenAI `Authorization: Bearer <key>` (401); Anthropic
    /// `x-api-key: <key>` or `Authorization: Bearer <key>` (401); Gemini `x-goog-api-key: <key>` or `?key=<key>`
    /// (403 when absent, 401 when wrong). Tests use it to check that the gateway sends the provider's key and
    /// not the client's.
    public var requiredAPIKey: String? = nil

    public init(
        host: String = "127.0.0.1",
        port: Int = 9090,
        latencyMillis: Int = 0,
        chunkCount: Int = 8,
        chunkDelayMillis: Int = 0,
        requiredAPIKey: String? = nil
    ) {
        self.host = host
        self.port = port
        self.latencyMillis = latencyMillis
        self.chunkCount = chunkCount
        self.chunkDelayMillis = chunkDelayMillis
        self.requiredAPIKey = requiredAPIKey
    }

    /// A setting that cannot work, named after its flag.
    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Checks the ranges once at start-up so that a typo fails loudly instead of producing odd streams.
    public func validated() throws(Invalid) -> MockProviderConfiguration {
        guard !host.isEmpty else { throw Invalid(message: "--host must not be empty") }
        guard (0...65_535).contains(port) else { throw Invalid(message: "--port must be between 0 and 65535") }
        guard latencyMillis >= 0 else { throw Invalid(message: "--latency-ms must not be negative") }
        guard chunkCount >= 1 else { throw Invalid(message: "--chunks must be at least 1") }
        guard chunkDelayMillis >= 0 else { throw Invalid(message: "--chunk-delay-ms must not be negative") }
        if let requiredAPIKey, requiredAPIKey.isEmpty { throw Invalid(message: "--require-key must not be empty") }
        return self
    }
}
