/// A reply from Redis.
public enum RedisValue: Sendable, Equatable {
    case bulk([UInt8])
    case status(String)
    case integer(Int64)
    case array([RedisValue])
    case null
    /// An error reply (`-ERR ...`, a script's `redis.error_reply`). Not thrown: a command's error is data.
    case error(String)

    public var string: String? {
        switch self {
        case .bulk(let bytes): String(decoding: bytes, as: UTF8.self)
        case .status(let s): s
        case .integer(let i): String(i)
        default: nil
        }
    }

    public var int64: Int64? {
        switch self {
        case .integer(let i): i
        case .bulk(let bytes): Int64(String(decoding: bytes, as: UTF8.self))
        case .status(let s): Int64(s)
        default: nil
        }
    }

    public var array: [RedisValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public var errorMessage: String? {
        if case .error(let message) = self { return message }
        return nil
    }
}

/// One argument of a Redis command. Arguments travel through hiredis' argv API, so they are binary-safe and
/// can never be misread as command syntax, whatever a client puts in them.
public struct RedisArgument: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public init(_ string: String) { self.bytes = Array(string.utf8) }
    public init(_ value: Int64) { self.bytes = Array(String(value).utf8) }
    public init(_ value: Int) { self.bytes = Array(String(value).utf8) }
    public init(stringLiteral value: String) { self.init(value) }
    public init(integerLiteral value: Int) { self.init(value) }
}

public struct RedisError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Not connected, or the connection broke while the command was in flight.
        case connectionFailed
        /// No reply within the command timeout.
        case timedOut
        /// The client is shut down.
        case shutDown
        /// A configuration problem, e.g. an unparsable URL.
        case invalidConfiguration
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "redis: \(message)" }
}
