public import NIOCore
public import TokModelCore

/// The ledger RPC's messages (docs/rpc-protocol.md).
///
/// Every frame on the Unix socket is `u32 length` (big-endian, bytes that follow), then `u16 version`,
/// `u8 kind`, `u64 correlation id`, and the kind's payload. Integers are big-endian; strings are `u16 length`
/// plus UTF-8; money is a signed 64-bit count of nano-dollars. A peer that receives a version it does not
/// speak answers with an `error` frame and closes.
public enum LedgerMessage: Sendable, Equatable {
    /// Edge → ledger: settle these requests. The ledger answers with `settleAck` carrying the same correlation id.
    case settle([Settlement])
    /// Ledger → edge: the fate of each settlement in the batch, in order.
    case settleAck([SettleResult])
    case ping
    case pong
    /// Either way: a protocol problem (bad version, malformed frame). The sender closes after it.
    case error(String)

    var kind: UInt8 {
        switch self {
        case .settle: 1
        case .settleAck: 2
        case .ping: 3
        case .pong: 4
        case .error: 5
        }
    }
}

/// What the ledger did with one settlement.
public struct SettleResult: Sendable, Equatable {
    public enum Status: UInt8, Sendable {
        /// Committed to PostgreSQL (now, or earlier: a replay).
        case committed = 1
        /// Written and fsynced to the ledger's local spool; it reaches PostgreSQL when PostgreSQL is back.
        case spooled = 2
        /// Malformed beyond repair (e.g. negative token counts); never retry. Logged by the ledger.
        case rejected = 3
    }

    public var requestID: String
    public var status: Status

    public init(requestID: String, status: Status) {
        self.requestID = requestID
        self.status = status
    }
}

/// A decoded frame.
public struct LedgerFrame: Sendable, Equatable {
    public static let currentVersion: UInt16 = 1
    /// Largest frame accepted (a settle batch of thousands of requests fits easily).
    public static let maxFrameBytes = 16 << 20
    /// Most settlements in one frame.
    public static let maxBatch = 10_000

    public var version: UInt16
    public var correlationID: UInt64
    public var message: LedgerMessage

    public init(version: UInt16 = LedgerFrame.currentVersion, correlationID: UInt64, message: LedgerMessage) {
        self.version = version
        self.correlationID = correlationID
        self.message = message
    }
}

public struct LedgerProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Encoding and decoding of frame bodies (everything after the length prefix, which the channel pipeline's
/// length-field handlers add and strip).
public enum LedgerCodec {
    public static func encode(_ frame: LedgerFrame, into buffer: inout ByteBuffer) {
        buffer.writeInteger(frame.version)
        buffer.writeInteger(frame.message.kind)
        buffer.writeInteger(frame.correlationID)
        switch frame.message {
        case .settle(let settlements):
            buffer.writeInteger(UInt32(settlements.count))
            for settlement in settlements { encode(settlement, into: &buffer) }
        case .settleAck(let results):
            buffer.writeInteger(UInt32(results.count))
            for result in results {
                writeString(result.requestID, into: &buffer)
                buffer.writeInteger(result.status.rawValue)
            }
        case .ping, .pong:
            break
        case .error(let message):
            writeString(message, into: &buffer)
        }
    }

    public static func encode(_ frame: LedgerFrame, allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: 256)
        encode(frame, into: &buffer)
        return buffer
    }

    public static func decode(_ buffer: inout ByteBuffer) throws(LedgerProtocolError) -> LedgerFrame {
        guard let version: UInt16 = buffer.readInteger() else { throw LedgerProtocolError("truncated frame header") }
        guard version == LedgerFrame.currentVersion else {
            throw LedgerProtocolError("unsupported protocol version \(version) (this side speaks \(LedgerFrame.currentVersion))")
        }
        guard let kind: UInt8 = buffer.readInteger(), let correlation: UInt64 = buffer.readInteger() else {
            throw LedgerProtocolError("truncated frame header")
        }
        let message: LedgerMessage
        switch kind {
        case 1:
            let count = try readCount(&buffer)
            var settlements: [Settlement] = []
            settlements.reserveCapacity(count)
            for _ in 0..<count { settlements.append(try decodeSettlement(&buffer)) }
            message = .settle(settlements)
        case 2:
            let count = try readCount(&buffer)
            var results: [SettleResult] = []
            results.reserveCapacity(count)
            for _ in 0..<count {
                let id = try readString(&buffer)
                guard let raw: UInt8 = buffer.readInteger(), let status = SettleResult.Status(rawValue: raw) else {
                    throw LedgerProtocolError("invalid settle status")
                }
                results.append(SettleResult(requestID: id, status: status))
            }
            message = .settleAck(results)
        case 3: message = .ping
        case 4: message = .pong
        case 5: message = .error(try readString(&buffer))
        default: throw LedgerProtocolError("unknown message kind \(kind)")
        }
        guard buffer.readableBytes == 0 else { throw LedgerProtocolError("\(buffer.readableBytes) unexpected bytes after the message") }
        return LedgerFrame(version: version, correlationID: correlation, message: message)
    }

    // MARK: Settlement

    static func encode(_ s: Settlement, into buffer: inout ByteBuffer) {
        writeString(s.requestID, into: &buffer)
        buffer.writeInteger(s.accountID)
        buffer.writeInteger(s.keyID)
        writeString(s.model, into: &buffer)
        writeString(s.provider, into: &buffer)
        writeString(s.endpoint, into: &buffer)
        buffer.writeInteger(s.usage.inputTokens)
        buffer.writeInteger(s.usage.outputTokens)
        buffer.writeInteger(s.usage.cachedInputTokens)
        buffer.writeInteger(s.usage.cacheWriteInputTokens)
        buffer.writeInteger(s.usage.reasoningTokens)
        buffer.writeInteger(s.usageSource.rawValue)
        buffer.writeInteger(s.outcome.rawValue)
        buffer.writeInteger(s.httpStatus)
        buffer.writeInteger(s.reservation.nanos)
        buffer.writeInteger(s.admittedTokens)
        buffer.writeInteger(s.prices.inputPerMTok)
        buffer.writeInteger(s.prices.outputPerMTok)
        buffer.writeInteger(s.prices.cachedInputPerMTok)
        buffer.writeInteger(s.prices.cacheWriteInputPerMTok)
        buffer.writeInteger(s.startedAtMillis)
        buffer.writeInteger(s.latencyMillis)
        buffer.writeInteger(s.firstByteMillis)
    }

    static func decodeSettlement(_ buffer: inout ByteBuffer) throws(LedgerProtocolError) -> Settlement {
        let requestID = try readString(&buffer)
        let accountID: Int64 = try read(&buffer)
        let keyID: Int64 = try read(&buffer)
        let model = try readString(&buffer)
        let provider = try readString(&buffer)
        let endpoint = try readString(&buffer)
        let usage = Usage(
            inputTokens: try read(&buffer), outputTokens: try read(&buffer), cachedInputTokens: try read(&buffer),
            cacheWriteInputTokens: try read(&buffer), reasoningTokens: try read(&buffer))
        guard let source = UsageSource(rawValue: try read(&buffer)) else { throw LedgerProtocolError("invalid usage source") }
        guard let outcome = RequestOutcome(rawValue: try read(&buffer)) else { throw LedgerProtocolError("invalid outcome") }
        let status: UInt16 = try read(&buffer)
        let reservation = Money(nanos: try read(&buffer))
        let admitted: Int64 = try read(&buffer)
        let prices = PriceSheet(
            inputPerMTok: try read(&buffer), outputPerMTok: try read(&buffer), cachedInputPerMTok: try read(&buffer),
            cacheWriteInputPerMTok: try read(&buffer))
        return Settlement(
            requestID: requestID, accountID: accountID, keyID: keyID, model: model, provider: provider, endpoint: endpoint,
            usage: usage, usageSource: source, outcome: outcome, httpStatus: status, reservation: reservation,
            admittedTokens: admitted, prices: prices, startedAtMillis: try read(&buffer), latencyMillis: try read(&buffer),
            firstByteMillis: try read(&buffer))
    }

    // MARK: Primitives

    static func read<T: FixedWidthInteger>(_ buffer: inout ByteBuffer) throws(LedgerProtocolError) -> T {
        guard let value: T = buffer.readInteger() else { throw LedgerProtocolError("truncated message") }
        return value
    }

    static func readCount(_ buffer: inout ByteBuffer) throws(LedgerProtocolError) -> Int {
        let count: UInt32 = try read(&buffer)
        guard count <= LedgerFrame.maxBatch else { throw LedgerProtocolError("batch of \(count) exceeds \(LedgerFrame.maxBatch)") }
        return Int(count)
    }

    static func writeString(_ string: String, into buffer: inout ByteBuffer) {
        let utf8 = string.utf8
        var count = min(utf8.count, Int(UInt16.max))
        // A cut must not split a character: the peer would refuse the string as invalid UTF-8.
        while count < utf8.count, count > 0, UTF8.isContinuation(utf8[utf8.index(utf8.startIndex, offsetBy: count)]) { count -= 1 }
        buffer.writeInteger(UInt16(count))
        buffer.writeBytes(utf8.prefix(count))
    }

    static func readString(_ buffer: inout ByteBuffer) throws(LedgerProtocolError) -> String {
        let length: UInt16 = try read(&buffer)
        guard let bytes = buffer.readBytes(length: Int(length)) else { throw LedgerProtocolError("truncated string") }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw LedgerProtocolError("string is not UTF-8") }
        return text
    }
}
