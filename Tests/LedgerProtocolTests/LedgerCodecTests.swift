import LedgerProtocol
import NIOCore
import Testing
import TokModelCore

private let extremeSettlements: [Settlement] = [
    wireSettlement,
    Settlement(
        requestID: "req_ünïcödé_😀", accountID: .max, keyID: .min, model: "vendor/模型-ü", provider: "prövider", endpoint: "",
        usage: Usage(inputTokens: .max, outputTokens: .min, cachedInputTokens: 0, cacheWriteInputTokens: -1, reasoningTokens: .max),
        usageSource: .none, outcome: .upstreamFailed, httpStatus: .max, reservation: Money(nanos: .min), admittedTokens: .max,
        prices: PriceSheet(inputPerMTok: .max, outputPerMTok: .min, cachedInputPerMTok: 0, cacheWriteInputPerMTok: -1),
        startedAtMillis: .min, latencyMillis: .max, firstByteMillis: .min),
    Settlement(
        requestID: "", accountID: 0, keyID: -1, model: "", provider: "", endpoint: "messages",
        usage: .zero, usageSource: .drained, outcome: .clientAborted, httpStatus: 0, reservation: .zero, admittedTokens: .min,
        prices: .free, startedAtMillis: .max, latencyMillis: .min, firstByteMillis: .max),
    Settlement(
        requestID: String(repeating: "x", count: 300), accountID: 1, keyID: 2, model: "a/b", provider: "p", endpoint: "e",
        usage: Usage(inputTokens: 1), usageSource: .estimated, outcome: .completed, httpStatus: 499, reservation: Money(nanos: 1),
        admittedTokens: 1, prices: PriceSheet(inputPerMTok: 1, outputPerMTok: 2), startedAtMillis: 0, latencyMillis: 0, firstByteMillis: 0),
]

private let sampleFrames: [LedgerFrame] = [
    LedgerFrame(correlationID: 0, message: .ping),
    LedgerFrame(correlationID: .max, message: .pong),
    LedgerFrame(correlationID: 42, message: .error("unsupported protocol version 9 — ünïcode 😀")),
    LedgerFrame(correlationID: 1, message: .error("")),
    LedgerFrame(correlationID: 2, message: .settle([])),
    LedgerFrame(correlationID: 3, message: .settle(extremeSettlements)),
    LedgerFrame(correlationID: 4, message: .settleAck([])),
    LedgerFrame(
        correlationID: 5,
        message: .settleAck([
            SettleResult(requestID: "req_a", status: .committed), SettleResult(requestID: "req_ü", status: .spooled),
            SettleResult(requestID: "", status: .rejected),
        ])),
]

@Suite("LedgerCodec")
struct LedgerCodecTests {
    @Test("every message kind round-trips", arguments: sampleFrames)
    func roundTrip(frame: LedgerFrame) throws {
        var buffer = LedgerCodec.encode(frame)
        let decoded = try LedgerCodec.decode(&buffer)
        #expect(decoded == frame)
        #expect(buffer.readableBytes == 0)
        // Encoding into an existing buffer appends the same bytes.
        var appended = ByteBuffer(bytes: [0xAA])
        LedgerCodec.encode(frame, into: &appended)
        #expect(Array(appended.readableBytesView) == [0xAA] + encode(frame))
    }

    @Test("a settle batch keeps order and every extreme value")
    func settleBatch() throws {
        let frame = LedgerFrame(correlationID: 77, message: .settle(extremeSettlements))
        let decoded = try decode(encode(frame))
        guard case .settle(let settlements) = decoded.message else {
            Issue.record("decoded \(decoded.message)")
            return
        }
        #expect(settlements == extremeSettlements)
        #expect(settlements[1].httpStatus == UInt16.max)
        #expect(settlements[1].model == "vendor/模型-ü")
        #expect(settlements[1].reservation == Money(nanos: .min))
        #expect(settlements[1].usage.inputTokens == .max)
        #expect(settlements[1].prices.outputPerMTok == .min)
        #expect(decoded.correlationID == 77)
        #expect(decoded.version == LedgerFrame.currentVersion)
    }

    @Test("the wire layout is the one documented in docs/rpc-protocol.md")
    func wireLayout() throws {
        #expect(encode(LedgerFrame(correlationID: 0x0102_0304_0506_0708, message: .ping)) == [0, 1, 3, 1, 2, 3, 4, 5, 6, 7, 8])
        #expect(encode(LedgerFrame(correlationID: 1, message: .pong)) == [0, 1, 4, 0, 0, 0, 0, 0, 0, 0, 1])
        #expect(encode(LedgerFrame(correlationID: 1, message: .error("hé"))) == [0, 1, 5, 0, 0, 0, 0, 0, 0, 0, 1, 0, 3, 0x68, 0xC3, 0xA9])
        #expect(
            encode(LedgerFrame(correlationID: 9, message: .settleAck([SettleResult(requestID: "r", status: .spooled)])))
                == [0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 1, 0, 1, 0x72, 2])

        var wire = Wire()
        wire.header(kind: 1, correlation: 7)
        wire.int(UInt32(1))
        wire.settlement()
        #expect(encode(LedgerFrame(correlationID: 7, message: .settle([wireSettlement]))) == wire.bytes)
        #expect(try decode(wire.bytes) == LedgerFrame(correlationID: 7, message: .settle([wireSettlement])))
        // Header 11 + count 4 + fixed settlement fields 124 + four string lengths 8 + string bytes.
        #expect(wire.bytes.count == 11 + 4 + 124 + 8 + "req_1".utf8.count + "a/b".utf8.count + "p".utf8.count + "chat.completions".utf8.count)
    }

    @Test("a frame of another version is refused", arguments: [UInt16(0), 2, 256, .max])
    func wrongVersion(version: UInt16) throws {
        var wire = Wire()
        wire.header(version: version, kind: 3)
        let error = try #require(decodeError(wire.bytes))
        #expect(error.description == "unsupported protocol version \(version) (this side speaks 1)")
    }

    @Test("an unknown kind is refused", arguments: [UInt8(0), 6, 200, .max])
    func unknownKind(kind: UInt8) throws {
        var wire = Wire()
        wire.header(kind: kind)
        #expect(decodeError(wire.bytes)?.description == "unknown message kind \(kind)")
    }

    @Test("a truncated header is refused")
    func truncatedHeader() {
        let ping = encode(LedgerFrame(correlationID: 5, message: .ping))
        #expect(ping.count == 11)
        for length in 0..<ping.count {
            #expect(decodeError(Array(ping.prefix(length)))?.description == "truncated frame header", "length \(length)")
        }
    }

    @Test("every proper prefix of every sample frame is refused, never misread", arguments: sampleFrames)
    func truncatedPayload(frame: LedgerFrame) {
        let bytes = encode(frame)
        for length in 0..<bytes.count {
            let error = decodeError(Array(bytes.prefix(length)))
            #expect(error != nil, "length \(length) of \(bytes.count)")
            if length >= 11, let error {
                // A settleAck cut right before a status byte reports the status as invalid (one guard checks both).
                #expect(error.description.hasPrefix("truncated") || error.description == "invalid settle status", "length \(length): \(error)")
            }
        }
    }

    @Test("a truncated settlement names the problem")
    func truncatedSettlement() throws {
        var wire = Wire()
        wire.header(kind: 1)
        wire.int(UInt32(2))
        wire.settlement()
        #expect(decodeError(wire.bytes)?.description == "truncated message")  // no second settlement at all
        #expect(decodeError(wire.bytes + [0, 5, 0x72])?.description == "truncated string")  // its request id cut short
        wire.settlement()
        #expect(decodeError(wire.bytes) == nil)
        #expect(decodeError(wire.bytes.dropLast(1).map { $0 })?.description == "truncated message")
        #expect(decodeError(wire.bytes.dropLast(4).map { $0 })?.description == "truncated message")
    }

    @Test("strings that are not UTF-8 are refused")
    func invalidUTF8() {
        for invalid: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xFF], [0xE2, 0x82], [0x61, 0x80]] {
            var error = Wire()
            error.header(kind: 5)
            error.rawString(invalid)
            #expect(decodeError(error.bytes)?.description == "string is not UTF-8")

            var settle = Wire()
            settle.header(kind: 1)
            settle.int(UInt32(1))
            settle.settlement(model: invalid)
            #expect(decodeError(settle.bytes)?.description == "string is not UTF-8")

            var ack = Wire()
            ack.header(kind: 2)
            ack.int(UInt32(1))
            ack.rawString(invalid)
            ack.int(UInt8(1))
            #expect(decodeError(ack.bytes)?.description == "string is not UTF-8")
        }
    }

    @Test("bytes after the message are refused", arguments: sampleFrames)
    func trailingBytes(frame: LedgerFrame) {
        #expect(decodeError(encode(frame) + [0])?.description == "1 unexpected bytes after the message")
        #expect(decodeError(encode(frame) + [1, 2, 3])?.description == "3 unexpected bytes after the message")
    }

    @Test("a batch larger than maxBatch is refused before reading it", arguments: [UInt8(1), 2])
    func batchTooLarge(kind: UInt8) {
        #expect(LedgerFrame.maxBatch == 10_000)
        for count in [UInt32(LedgerFrame.maxBatch) + 1, .max] {
            var wire = Wire()
            wire.header(kind: kind)
            wire.int(count)
            #expect(decodeError(wire.bytes)?.description == "batch of \(count) exceeds 10000")
        }
        // Exactly maxBatch is allowed; here the entries are missing, so the error is truncation.
        var wire = Wire()
        wire.header(kind: kind)
        wire.int(UInt32(LedgerFrame.maxBatch))
        #expect(decodeError(wire.bytes)?.description.hasPrefix("truncated") == true)
    }

    @Test("a full batch of maxBatch acknowledgements decodes")
    func fullBatch() throws {
        let results = (0..<LedgerFrame.maxBatch).map { SettleResult(requestID: "req_\($0)", status: .committed) }
        let frame = LedgerFrame(correlationID: 1, message: .settleAck(results))
        #expect(try decode(encode(frame)) == frame)
    }

    @Test("invalid usage source and outcome values are refused", arguments: [UInt8(0), 5, 255])
    func invalidUsageSource(raw: UInt8) {
        var wire = Wire()
        wire.header(kind: 1)
        wire.int(UInt32(1))
        wire.settlement(source: raw)
        #expect(decodeError(wire.bytes)?.description == "invalid usage source")
    }

    @Test("invalid outcome values are refused", arguments: [UInt8(0), 5, 255])
    func invalidOutcome(raw: UInt8) {
        var wire = Wire()
        wire.header(kind: 1)
        wire.int(UInt32(1))
        wire.settlement(outcome: raw)
        #expect(decodeError(wire.bytes)?.description == "invalid outcome")
    }

    @Test("every valid enum value decodes")
    func validEnums() throws {
        for source in UsageSource.allCases {
            for outcome in RequestOutcome.allCases {
                var wire = Wire()
                wire.header(kind: 1)
                wire.int(UInt32(1))
                wire.settlement(source: source.rawValue, outcome: outcome.rawValue)
                let frame = try decode(wire.bytes)
                var expected = wireSettlement
                expected.usageSource = source
                expected.outcome = outcome
                #expect(frame.message == .settle([expected]))
            }
        }
    }

    @Test("invalid settle status values are refused", arguments: [UInt8(0), 4, 255])
    func invalidStatus(raw: UInt8) {
        var wire = Wire()
        wire.header(kind: 2)
        wire.int(UInt32(1))
        wire.string("req_1")
        wire.int(raw)
        #expect(decodeError(wire.bytes)?.description == "invalid settle status")
    }

    @Test("a missing settle status is refused")
    func missingStatus() {
        var wire = Wire()
        wire.header(kind: 2)
        wire.int(UInt32(1))
        wire.string("req_1")
        #expect(decodeError(wire.bytes)?.description == "invalid settle status")
    }

    @Test("strings longer than a u16 are cut at a character boundary and still decode")
    func longStrings() throws {
        let ascii = String(repeating: "a", count: 70_000)
        let asciiFrame = try decode(encode(LedgerFrame(correlationID: 1, message: .error(ascii))))
        #expect(asciiFrame.message == .error(String(repeating: "a", count: Int(UInt16.max))))

        // 2-byte characters: 65,535 is odd, so a cut at the byte limit would split one.
        let accented = String(repeating: "é", count: 40_000)
        let accentedFrame = try decode(encode(LedgerFrame(correlationID: 1, message: .error(accented))))
        #expect(accentedFrame.message == .error(String(repeating: "é", count: 32_767)))

        let emoji = String(repeating: "😀", count: 20_000)
        let emojiFrame = try decode(encode(LedgerFrame(correlationID: 1, message: .error(emoji))))
        #expect(emojiFrame.message == .error(String(repeating: "😀", count: 16_383)))
    }

    @Test("random bytes never crash the decoder; whatever decodes re-encodes to the same bytes")
    func randomBytes() {
        var generator = SplitMix64(seed: 0x1ED6E5)
        var decoded = 0
        for iteration in 0..<30_000 {
            var bytes: [UInt8]
            if iteration % 2 == 0 {
                // Entirely random.
                bytes = (0..<Int.random(in: 0...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            } else {
                // A valid header and a random small count, so that decoding gets into the payload.
                var wire = Wire()
                wire.header(kind: UInt8.random(in: 1...5, using: &generator), correlation: generator.next())
                if Bool.random(using: &generator) { wire.int(UInt32.random(in: 0...3, using: &generator)) }
                wire.bytes += (0..<Int.random(in: 0...200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                bytes = wire.bytes
            }
            if let frame = try? decode(bytes) {
                decoded += 1
                #expect(encode(frame) == bytes)
            }
        }
        // Pings, pongs and empty batches among the valid-header cases.
        #expect(decoded > 0)
    }

    @Test("mutated valid frames never crash the decoder")
    func mutatedFrames() {
        var generator = SplitMix64(seed: 31_337)
        let originals = sampleFrames.map(encode)
        for _ in 0..<20_000 {
            var bytes = originals[Int.random(in: 0..<originals.count, using: &generator)]
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                guard !bytes.isEmpty else { break }
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: index)
                default: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: index)
                }
            }
            if let frame = try? decode(bytes) {
                #expect(encode(frame) == bytes)
            }
        }
    }
}
