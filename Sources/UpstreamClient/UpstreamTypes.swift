public import NIOCore

/// An HTTP request to a provider.
public struct UpstreamRequest: Sendable {
    public var url: String
    public var method: String
    /// Header lines sent as given. Provider keys travel here and nowhere else: they are never logged.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Milliseconds to establish the connection (TCP and TLS).
    public var connectTimeoutMillis: Int
    /// Milliseconds until the response head arrives.
    public var firstByteTimeoutMillis: Int
    /// Milliseconds for the whole exchange, streams included.
    public var totalTimeoutMillis: Int

    public init(
        url: String, method: String = "POST", headers: [(name: String, value: String)] = [], body: [UInt8] = [],
        connectTimeoutMillis: Int = 5_000, firstByteTimeoutMillis: Int = 120_000, totalTimeoutMillis: Int = 600_000
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.connectTimeoutMillis = connectTimeoutMillis
        self.firstByteTimeoutMillis = firstByteTimeoutMillis
        self.totalTimeoutMillis = totalTimeoutMillis
    }
}

public struct UpstreamError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Could not connect or the exchange broke.
        case failed
        /// A timeout (connect, first byte, or total) expired.
        case timedOut
        /// The transfer was cancelled by the gateway (the client went away).
        case cancelled
        /// The client is shut down.
        case shutDown
    }

    public var kind: Kind
    /// A description safe to log and to show a client: libcurl's message, which never contains headers.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

/// The status line and headers of a provider's response.
public struct UpstreamResponseHead: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]

    public init(status: Int, headers: [(name: String, value: String)]) {
        self.status = status
        self.headers = headers
    }

    /// The first header named `name`, case-insensitively.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }
}

/// A provider's response: its head, and its body as it arrives.
///
/// Iterate `body` to receive the bytes; the transfer pauses while the consumer lags (backpressure up to the
/// provider's socket) and is cancelled when the consumer stops iterating or calls ``cancel()``.
public struct UpstreamResponse: Sendable {
    public typealias Body = NIOThrowingAsyncSequenceProducer<
        ByteBuffer, any Error, NIOAsyncSequenceProducerBackPressureStrategies.HighLowWatermark, UpstreamClient.TransferDelegate
    >

    public var head: UpstreamResponseHead
    public var body: Body
    let delegate: UpstreamClient.TransferDelegate

    /// Aborts the transfer; the body then ends with ``UpstreamError/Kind/cancelled``.
    public func cancel() { delegate.didTerminate() }
}
