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
///
/// Header lines are kept as the raw bytes curl delivered and parsed only when asked for: the gateway reads at
/// most one or two headers (Retry-After on errors), so building strings for every line of every answer would
/// be wasted work on the hot path.
public struct UpstreamResponseHead: Sendable {
    public var status: Int
    /// `Name: value\r\n` lines, status line excluded.
    var rawHeaders: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)]) {
        self.status = status
        self.rawHeaders = Array(headers.map { "\($0.name): \($0.value)\r\n" }.joined().utf8)
    }

    init(status: Int, rawHeaders: [UInt8]) {
        self.status = status
        self.rawHeaders = rawHeaders
    }

    /// All headers, in order.
    public var headers: [(name: String, value: String)] {
        rawHeaders.split(separator: 0x0A).compactMap { line in
            var line = line
            if line.last == 0x0D { line = line.dropLast() }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let name = String(decoding: line[..<colon], as: UTF8.self)
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpacesAndTabs()
            return (name, value)
        }
    }

    /// The first header named `name`, case-insensitively.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }
}

extension String {
    func trimmingSpacesAndTabs() -> String {
        var slice = self[...]
        while slice.first == " " || slice.first == "\t" { slice = slice.dropFirst() }
        while slice.last == " " || slice.last == "\t" { slice = slice.dropLast() }
        return String(slice)
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
