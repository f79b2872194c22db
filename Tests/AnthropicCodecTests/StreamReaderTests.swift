import AnthropicCodec
import Conversation
import Dialects
import Testing
import TokModelCore

/// Golden transcripts: each provider stream, fed whole, byte by byte and split at every byte, must give
/// exactly the expected canonical events.
@Suite("StreamReader golden transcripts")
struct StreamReaderTests {
    static let goldens: [(name: String, transcript: String, expected: [StreamEvent])] = [
        (
            "text", ProviderTranscripts.text,
            [
                .start(id: "msg_01TextA", model: "claude-sonnet-4-5-20250929"),
                .usage(Usage(inputTokens: 25, outputTokens: 1)),
                .blockStart(index: 0, kind: .text),
                .textDelta(index: 0, text: "Hello"),
                .textDelta(index: 0, text: " there, Zoë 👋"),
                .blockStop(index: 0),
                .finish(.endTurn, stopSequence: nil),
                .usage(Usage(inputTokens: 25, outputTokens: 12)),
                .end,
            ]
        ),
        (
            "thinking, text, tool_use", ProviderTranscripts.thinkingTextTool,
            [
                .start(id: "msg_01Think", model: "claude-sonnet-4-5-20250929"),
                .usage(Usage(inputTokens: 410, outputTokens: 3)),
                .blockStart(index: 0, kind: .thinking),
                .thinkingDelta(index: 0, text: "The user wants the weather."),
                .thinkingDelta(index: 0, text: " I should call get_weather."),
                .thinkingSignature(index: 0, signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds"),
                .blockStop(index: 0),
                .blockStart(index: 1, kind: .text),
                .textDelta(index: 1, text: "Let me check."),
                .blockStop(index: 1),
                .blockStart(index: 2, kind: .toolCall(id: "toolu_01A09q90qw90lq917835lq9", name: "get_weather")),
                .toolArgumentsDelta(index: 2, json: #"{"city": "Pa"#),
                .toolArgumentsDelta(index: 2, json: #"ris"}"#),
                .blockStop(index: 2),
                .finish(.toolUse, stopSequence: nil),
                .usage(Usage(inputTokens: 410, outputTokens: 89)),
                .end,
            ]
        ),
        (
            "two tool_use blocks", ProviderTranscripts.twoTools,
            [
                .start(id: "msg_01Two", model: "claude-sonnet-4-5-20250929"),
                .usage(Usage(inputTokens: 530, outputTokens: 2)),
                .blockStart(index: 0, kind: .toolCall(id: "toolu_01Paris", name: "get_weather")),
                .toolArgumentsDelta(index: 0, json: #"{"city":"Paris"}"#),
                .blockStop(index: 0),
                .blockStart(index: 1, kind: .toolCall(id: "toolu_01Tokyo", name: "get_time")),
                .toolArgumentsDelta(index: 1, json: #"{"zone":"#),
                .toolArgumentsDelta(index: 1, json: #""Asia/Tokyo"}"#),
                .blockStop(index: 1),
                .finish(.toolUse, stopSequence: nil),
                .usage(Usage(inputTokens: 530, outputTokens: 64)),
                .end,
            ]
        ),
        (
            "max_tokens", ProviderTranscripts.maxTokens,
            [
                .start(id: "msg_01Long", model: "claude-haiku-4-5"),
                .usage(Usage(inputTokens: 14, outputTokens: 1)),
                .blockStart(index: 0, kind: .text),
                .textDelta(index: 0, text: "Once upon a time, in a"),
                .blockStop(index: 0),
                .finish(.maxTokens, stopSequence: nil),
                .usage(Usage(inputTokens: 14, outputTokens: 8)),
                .end,
            ]
        ),
        (
            "stop_sequence", ProviderTranscripts.stopSequence,
            [
                .start(id: "msg_01Stop", model: "claude-haiku-4-5"),
                .usage(Usage(inputTokens: 20, outputTokens: 1)),
                .blockStart(index: 0, kind: .text),
                .textDelta(index: 0, text: "1, 2, 3, "),
                .blockStop(index: 0),
                .finish(.stopSequence, stopSequence: "4"),
                .usage(Usage(inputTokens: 20, outputTokens: 9)),
                .end,
            ]
        ),
        (
            "error mid-stream", ProviderTranscripts.errorMidStream,
            [
                .start(id: "msg_01Err", model: "claude-sonnet-4-5-20250929"),
                .usage(Usage(inputTokens: 30, outputTokens: 1)),
                .blockStart(index: 0, kind: .text),
                .textDelta(index: 0, text: "Partial"),
                .error(GatewayError(.unavailable, "Overloaded", code: "overloaded_error")),
                .end,
            ]
        ),
        (
            "usage with cache read and creation", ProviderTranscripts.cachedUsage,
            [
                .start(id: "msg_01Cache", model: "claude-sonnet-4-5-20250929"),
                .usage(Usage(inputTokens: 21_512, outputTokens: 1, cachedInputTokens: 20_000, cacheWriteInputTokens: 1_500)),
                .blockStart(index: 0, kind: .text),
                .textDelta(index: 0, text: "Cached."),
                .blockStop(index: 0),
                .finish(.endTurn, stopSequence: nil),
                .usage(Usage(inputTokens: 21_512, outputTokens: 80, cachedInputTokens: 20_000, cacheWriteInputTokens: 1_500)),
                .end,
            ]
        ),
        (
            "skipped blocks renumbered, CRLF, unknown events", ProviderTranscripts.skippedBlocks,
            [
                .start(id: "msg_01Skip", model: "claude-sonnet-4-5-20250929"),
                .usage(Usage(inputTokens: 50, outputTokens: 1)),
                .blockStart(index: 0, kind: .text),
                .textDelta(index: 0, text: "Done."),
                .blockStop(index: 0),
                .finish(.endTurn, stopSequence: nil),
                .usage(Usage(inputTokens: 50, outputTokens: 7)),
                .end,
            ]
        ),
    ]

    @Test("each transcript, fed whole", arguments: 0..<goldens.count)
    func whole(_ number: Int) throws {
        let golden = Self.goldens[number]
        #expect(try read(golden.transcript) == golden.expected, "\(golden.name)")
    }

    @Test("each transcript, fed byte by byte and split at every byte", arguments: 0..<goldens.count)
    func split(_ number: Int) throws {
        let golden = Self.goldens[number]
        for feeding in feedings(of: Array(golden.transcript.utf8)) {
            let events = try read(feeding.chunks)
            #expect(events == golden.expected, "\(golden.name), \(feeding.name)")
            if events != golden.expected { return }
        }
    }
}

@Suite("StreamReader edge cases")
struct StreamReaderEdgeTests {
    private func event(_ name: String?, _ data: String) -> SSEEvent { SSEEvent(event: name, data: Array(data.utf8)) }

    @Test("a stream cut before message_delta ends with an error")
    func truncated() throws {
        let transcript = ProviderTranscripts.text
        let cut = try #require(transcript.firstRange(of: "event: ping")).lowerBound
        let events = try read(String(transcript[..<cut]))
        #expect(Array(events.prefix(3)) == [.start(id: "msg_01TextA", model: "claude-sonnet-4-5-20250929"), .usage(Usage(inputTokens: 25, outputTokens: 1)), .blockStart(index: 0, kind: .text)])
        #expect(events.count == 5)
        guard events.count == 5, case .error(let error) = events[3] else {
            Issue.record("expected an error before .end, got \(events)")
            return
        }
        #expect(error.kind == .upstreamFailed)
        #expect(events.last == .end)
    }

    @Test("a stream cut after message_delta but before message_stop still ends normally")
    func missingMessageStop() throws {
        let transcript = ProviderTranscripts.maxTokens.replacing("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n", with: "")
        #expect(transcript != ProviderTranscripts.maxTokens)
        let events = try read(transcript)
        #expect(events.suffix(3) == [.finish(.maxTokens, stopSequence: nil), .usage(Usage(inputTokens: 14, outputTokens: 8)), .end])
    }

    @Test("finish after the end, and events after an error, produce nothing")
    func nothingAfterEnd() throws {
        var reader = AnthropicMessages.StreamReader()
        for sse in try sseEvents([Array(ProviderTranscripts.errorMidStream.utf8)]) { _ = try reader.read(sse) }
        #expect(try reader.read(event("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"late"}}"#)) == [])
        #expect(reader.finish() == [])
    }

    @Test("invalid JSON data throws an upstream error")
    func invalidJSON() {
        var reader = AnthropicMessages.StreamReader()
        let error = gatewayError { () throws(GatewayError) in try reader.read(event("message_start", "{not json")) }
        #expect(error?.kind == .upstreamFailed)
    }

    @Test("a content block event without an index throws")
    func missingIndex() throws {
        var reader = AnthropicMessages.StreamReader()
        _ = try reader.read(event("message_start", #"{"type":"message_start","message":{"id":"msg_1","model":"m","usage":{"input_tokens":1,"output_tokens":0}}}"#))
        let error = gatewayError { () throws(GatewayError) in
            try reader.read(event("content_block_start", #"{"type":"content_block_start","content_block":{"type":"text","text":""}}"#))
        }
        #expect(error?.kind == .upstreamFailed)
    }

    @Test("content before message_start gets a synthetic start; the event name is used when data has no type")
    func lenientStart() throws {
        var reader = AnthropicMessages.StreamReader()
        let events = try reader.read(event("content_block_start", #"{"index":0,"content_block":{"type":"text","text":"Hi"}}"#))
        #expect(events == [.start(id: "", model: ""), .blockStart(index: 0, kind: .text), .textDelta(index: 0, text: "Hi")])
    }

    @Test("a tool_use block that starts with input already present passes it on as the first fragment")
    func inputInStart() throws {
        var reader = AnthropicMessages.StreamReader()
        _ = try reader.read(event("message_start", #"{"type":"message_start","message":{"id":"msg_1","model":"m"}}"#))
        let events = try reader.read(
            event("content_block_start", #"{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"t","name":"f","input":{"a":1.50}}}"#))
        #expect(events == [.blockStart(index: 0, kind: .toolCall(id: "t", name: "f")), .toolArgumentsDelta(index: 0, json: #"{"a":1.50}"#)])
    }

    @Test("other Anthropic error types", arguments: [
        ("api_error", GatewayError.Kind.upstreamFailed), ("timeout_error", .upstreamTimeout), ("rate_limit_error", .upstreamFailed),
        ("overloaded_error", .unavailable),
    ])
    func errorTypes(_ type: String, _ kind: GatewayError.Kind) throws {
        var reader = AnthropicMessages.StreamReader()
        let events = try reader.read(event("error", #"{"type":"error","error":{"type":"\#(type)","message":"boom"}}"#))
        #expect(events == [.error(GatewayError(kind, "boom", code: type)), .end])
    }

    @Test("unknown stop reasons are kept by name; refusal and pause_turn map")
    func stopReasons() throws {
        for (wire, canonical) in [("refusal", StopReason.contentFilter), ("pause_turn", .pause), ("model_context_window_exceeded", .contextWindow),
            ("brand_new", .other("brand_new"))]
        {
            var reader = AnthropicMessages.StreamReader()
            _ = try reader.read(event("message_start", #"{"type":"message_start","message":{"id":"msg_1","model":"m"}}"#))
            let events = try reader.read(event("message_delta", #"{"type":"message_delta","delta":{"stop_reason":"\#(wire)"},"usage":{"output_tokens":3}}"#))
            #expect(events == [.finish(canonical, stopSequence: nil), .usage(Usage(outputTokens: 3))])
        }
    }
}
