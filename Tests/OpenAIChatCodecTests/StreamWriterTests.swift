import Conversation
import Dialects
import OpenAIChatCodec
import Testing
import TokModelCore

/// The envelope every chunk of the writer goldens shares.
private let head = #"{"id":"chatcmpl-C1a","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","#
private let anthropicHead = #"{"id":"chatcmpl-msg_01XFDUDYJgAACzvnptvVoYEL","object":"chat.completion.chunk","created":1767225600,"model":"acme/chat","#

private func line(_ json: String) -> String { "data: \(json)\n\n" }

private let plainEvents: [StreamEvent] = [
    .start(id: "chatcmpl-C1a", model: "gpt-4o-mini-2024-07-18"), .blockStart(index: 0, kind: .text), .textDelta(index: 0, text: "Hello"),
    .textDelta(index: 0, text: ""), .textDelta(index: 0, text: " there!"), .blockStop(index: 0), .finish(.endTurn, stopSequence: nil),
    .usage(Usage(inputTokens: 9, outputTokens: 4)), .end,
]

@Suite("OpenAIChat.StreamWriter")
struct StreamWriterTests {
    @Test("plain text with include_usage: role chunk, deltas, finish chunk, usage chunk with empty choices, [DONE]")
    func plainTextWithUsage() {
        let expected =
            line(head + #""choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}"#)
            + line(head + #""choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}],"usage":null}"#)
            + line(head + #""choices":[{"index":0,"delta":{"content":" there!"},"logprobs":null,"finish_reason":null}],"usage":null}"#)
            + line(head + #""choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}"#)
            + line(
                head
                    + #""choices":[],"usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}"#
            )
            + "data: [DONE]\n\n"
        #expect(write(plainEvents, includeUsage: true) == expected)
    }

    @Test("plain text without include_usage: no chunk mentions usage")
    func plainTextWithoutUsage() {
        let expected =
            line(head + #""choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}]}"#)
            + line(head + #""choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}]}"#)
            + line(head + #""choices":[{"index":0,"delta":{"content":" there!"},"logprobs":null,"finish_reason":null}]}"#)
            + line(head + #""choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}"#)
            + "data: [DONE]\n\n"
        #expect(write(plainEvents, includeUsage: false) == expected)
    }

    @Test("thinking, text, two tool calls: tool indices count tool calls (0, 1), not content blocks (2, 3)")
    func toolCallOrdinals() {
        let events: [StreamEvent] = [
            .start(id: "msg_01XFDUDYJgAACzvnptvVoYEL", model: "claude-sonnet-4-5"),
            .blockStart(index: 0, kind: .thinking), .thinkingDelta(index: 0, text: "Weather needed."), .thinkingSignature(index: 0, signature: "EqQB"),
            .blockStop(index: 0),
            .blockStart(index: 1, kind: .text), .textDelta(index: 1, text: "Checking."), .blockStop(index: 1),
            .blockStart(index: 2, kind: .toolCall(id: "toolu_A", name: "get_weather")), .toolArgumentsDelta(index: 2, json: ""),
            .toolArgumentsDelta(index: 2, json: #"{"city":"#), .toolArgumentsDelta(index: 2, json: #""Paris"}"#), .blockStop(index: 2),
            .blockStart(index: 3, kind: .toolCall(id: "toolu_B", name: "get_time")), .toolArgumentsDelta(index: 3, json: "{}"), .blockStop(index: 3),
            .finish(.toolUse, stopSequence: nil),
            .usage(Usage(inputTokens: 2006, outputTokens: 300, cachedInputTokens: 1920, reasoningTokens: 256)), .end,
        ]
        let expected =
            line(anthropicHead + #""choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}"#)
            + line(anthropicHead + #""choices":[{"index":0,"delta":{"reasoning_content":"Weather needed."},"logprobs":null,"finish_reason":null}],"usage":null}"#)
            + line(anthropicHead + #""choices":[{"index":0,"delta":{"content":"Checking."},"logprobs":null,"finish_reason":null}],"usage":null}"#)
            + line(
                anthropicHead
                    + #""choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"toolu_A","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null}"#
            )
            + line(anthropicHead + #""choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]},"logprobs":null,"finish_reason":null}],"usage":null}"#)
            + line(anthropicHead + #""choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Paris\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}"#)
            + line(
                anthropicHead
                    + #""choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"toolu_B","type":"function","function":{"name":"get_time","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null}"#
            )
            + line(anthropicHead + #""choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"{}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}"#)
            + line(anthropicHead + #""choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null}"#)
            + line(
                anthropicHead
                    + #""choices":[],"usage":{"prompt_tokens":2006,"completion_tokens":300,"total_tokens":2306,"prompt_tokens_details":{"cached_tokens":1920},"completion_tokens_details":{"reasoning_tokens":256}}}"#
            )
            + "data: [DONE]\n\n"
        #expect(write(events, includeUsage: true) == expected)
    }

    /// A call to a function without parameters whose provider sent no argument text (Anthropic streams it as one
    /// empty `input_json_delta`): the client must still accumulate the JSON object "{}", as OpenAI sends it, not ""
    /// (which `json.loads` rejects; §11.18 #6, #7).
    @Test("a tool call that closes without argument text gets arguments \"{}\" at its block stop; calls with arguments get nothing more")
    func callWithoutArguments() throws {
        let events: [StreamEvent] = [
            .start(id: "chatcmpl-C1a", model: "claude-sonnet-4-5"),
            .blockStart(index: 0, kind: .toolCall(id: "toolu_N", name: "get_time")), .toolArgumentsDelta(index: 0, json: ""), .blockStop(index: 0),
            .blockStart(index: 1, kind: .toolCall(id: "toolu_W", name: "get_weather")), .toolArgumentsDelta(index: 1, json: #"{"city":"Paris"}"#),
            .blockStop(index: 1),
            .blockStart(index: 2, kind: .toolCall(id: "toolu_D", name: "get_date")), .blockStop(index: 2),
            .finish(.toolUse, stopSequence: nil), .end,
        ]
        func chunk(_ delta: String) -> String {
            line(head + #""choices":[{"index":0,"delta":\#(delta),"logprobs":null,"finish_reason":null}]}"#)
        }
        let expected =
            chunk(#"{"role":"assistant","content":"","refusal":null}"#)
            + chunk(#"{"tool_calls":[{"index":0,"id":"toolu_N","type":"function","function":{"name":"get_time","arguments":""}}]}"#)
            + chunk(#"{"tool_calls":[{"index":0,"function":{"arguments":"{}"}}]}"#)
            + chunk(#"{"tool_calls":[{"index":1,"id":"toolu_W","type":"function","function":{"name":"get_weather","arguments":""}}]}"#)
            + chunk(#"{"tool_calls":[{"index":1,"function":{"arguments":"{\"city\":\"Paris\"}"}}]}"#)
            + chunk(#"{"tool_calls":[{"index":2,"id":"toolu_D","type":"function","function":{"name":"get_date","arguments":""}}]}"#)
            + chunk(#"{"tool_calls":[{"index":2,"function":{"arguments":"{}"}}]}"#)
            + line(head + #""choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}]}"#)
            + "data: [DONE]\n\n"
        let out = write(events, includeUsage: false)
        #expect(out == expected)
        // What the SDK accumulates: every call's arguments parse as JSON.
        let summary = try summarize(out)
        #expect(summary.calls.map(\.arguments) == ["{}", #"{"city":"Paris"}"#, "{}"])
        #expect(summary.calls.map(\.name) == ["get_time", "get_weather", "get_date"])
    }

    @Test("the \"{}\" of a call without arguments is written once, and only for tool-call blocks")
    func emptyArgumentsOnce() {
        var writer = OpenAIChat.StreamWriter(clientModel: "acme/chat", includeUsage: false, created: 1_767_225_600)
        _ = writer.write(.start(id: "chatcmpl-C1a", model: "m"))
        _ = writer.write(.blockStart(index: 0, kind: .text))
        #expect(writer.write(.blockStop(index: 0)).isEmpty, "a text block's stop writes nothing")
        _ = writer.write(.blockStart(index: 1, kind: .toolCall(id: "c", name: "f")))
        #expect(text(writer.write(.blockStop(index: 1))) == line(head + #""choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{}"}}]},"logprobs":null,"finish_reason":null}]}"#))
        #expect(writer.write(.blockStop(index: 1)).isEmpty, "a repeated stop adds no second {}")
        #expect(writer.write(.blockStop(index: 9)).isEmpty, "a stop for an unknown block writes nothing")
    }

    @Test(
        "finish reasons: length, content_filter, stop for a stop sequence, tool_calls when calls were made",
        arguments: [
            (StopReason.maxTokens, false, "length"), (.contentFilter, false, "content_filter"), (.stopSequence, false, "stop"),
            (.endTurn, true, "tool_calls"), (.contextWindow, false, "length"),
        ])
    func finishReasons(reason: StopReason, withCall: Bool, expected: String) throws {
        var events: [StreamEvent] = [.start(id: "x", model: "m"), .blockStart(index: 0, kind: .text), .textDelta(index: 0, text: "a"), .blockStop(index: 0)]
        if withCall { events += [.blockStart(index: 1, kind: .toolCall(id: "c", name: "f")), .blockStop(index: 1)] }
        events += [.finish(reason, stopSequence: reason == .stopSequence ? "END" : nil), .end]
        let summary = try summarize(write(events, includeUsage: false))
        #expect(summary.finishReasons == [expected])
        #expect(summary.done)
    }

    @Test("max_tokens golden: length, then usage")
    func maxTokensGolden() {
        let events: [StreamEvent] = [
            .start(id: "chatcmpl-C1a", model: "m"), .blockStart(index: 0, kind: .text), .textDelta(index: 0, text: "The first five"),
            .blockStop(index: 0), .finish(.maxTokens, stopSequence: nil), .usage(Usage(inputTokens: 14, outputTokens: 5)), .end,
        ]
        let expected =
            line(head + #""choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}"#)
            + line(head + #""choices":[{"index":0,"delta":{"content":"The first five"},"logprobs":null,"finish_reason":null}],"usage":null}"#)
            + line(head + #""choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"length"}],"usage":null}"#)
            + line(
                head
                    + #""choices":[],"usage":{"prompt_tokens":14,"completion_tokens":5,"total_tokens":19,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}"#
            )
            + "data: [DONE]\n\n"
        #expect(write(events, includeUsage: true) == expected)
    }

    @Test("an error mid-stream: an in-band error event in OpenAI's shape, [DONE], then nothing")
    func errorMidStream() {
        var writer = OpenAIChat.StreamWriter(clientModel: "acme/chat", includeUsage: true, created: 1_767_225_600)
        var out = text(writer.write(.start(id: "chatcmpl-C1a", model: "m")))
        out += text(writer.write(.blockStart(index: 0, kind: .text)))
        out += text(writer.write(.textDelta(index: 0, text: "Partial")))
        out += text(writer.write(.usage(Usage(inputTokens: 5, outputTokens: 1))))
        out += text(writer.write(.error(GatewayError(.upstreamFailed, "The server had an error.", code: "server_error"))))
        let expected =
            line(head + #""choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}"#)
            + line(head + #""choices":[{"index":0,"delta":{"content":"Partial"},"logprobs":null,"finish_reason":null}],"usage":null}"#)
            + line(#"{"error":{"message":"The server had an error.","type":"upstream_error","param":null,"code":"server_error"}}"#)
            + "data: [DONE]\n\n"
        #expect(out == expected)
        #expect(writer.write(.end).isEmpty)
        #expect(writer.write(.textDelta(index: 0, text: "late")).isEmpty)
    }

    @Test("an error before anything else still gives a well-formed stream")
    func errorFirst() throws {
        let out = write([.error(GatewayError(.upstreamFailed, "down", code: "x")), .end], includeUsage: false)
        let summary = try summarize(out)
        #expect(summary.roles == ["assistant"])
        #expect(summary.errors.count == 1)
        #expect(summary.done && summary.eventsAfterDone == 0)
    }

    @Test(".end without .finish closes with stop; without usage no usage chunk is invented; an empty id gets one")
    func endWithoutFinish() throws {
        let out = write([.start(id: "", model: "m"), .blockStart(index: 0, kind: .text), .textDelta(index: 0, text: "x"), .end], includeUsage: true)
        let summary = try summarize(out)
        #expect(summary.ids == ["chatcmpl-tokmodel"])
        #expect(summary.finishReasons == ["stop"])
        #expect(summary.usageChunks == 0)
        #expect(summary.done)
    }

    @Test("arguments for a block that is not a tool call, and anything after [DONE], are not written")
    func strayEvents() {
        var writer = OpenAIChat.StreamWriter(clientModel: "c", includeUsage: false, created: 1)
        _ = writer.write(.start(id: "a", model: "m"))
        #expect(writer.write(.toolArgumentsDelta(index: 7, json: "{}")).isEmpty)
        #expect(writer.write(.thinkingSignature(index: 0, signature: "s")).isEmpty)
        #expect(!writer.write(.end).isEmpty)
        #expect(writer.write(.end).isEmpty)
        #expect(writer.write(.textDelta(index: 0, text: "x")).isEmpty)
    }

    @Test("the default initialiser stamps created with the wall clock")
    func wallClock() throws {
        var writer = OpenAIChat.StreamWriter(clientModel: "c", includeUsage: false)
        let chunk = try JSONParser.parse(Array(writer.write(.start(id: "a", model: "m")).dropFirst(6).dropLast(2)))
        let created = try #require(chunk["created"]?.int64Value)
        #expect(created > 1_767_225_600)  // 2026-01-01: this code did not exist before then
    }
}

@Suite("OpenAIChat reader → writer round trip")
struct RoundTripTests {
    @Test("OpenAI in, OpenAI out: the client sees the provider's content, calls, finish and usage", arguments: readerGoldens)
    func roundTrip(_ golden: ReaderGolden) throws {
        let source = try summarize(golden.transcript)
        let events = try read(golden.transcript)
        let relayed = try summarize(write(events, includeUsage: true, clientModel: "acme/chat"))

        #expect(relayed.ids.count == 1 && relayed.createds.count == 1)
        #expect(relayed.ids.first?.hasPrefix("chatcmpl-") == true)
        #expect(relayed.models == ["acme/chat"])
        #expect(relayed.roles == ["assistant"])
        #expect(relayed.content == source.content)
        #expect(relayed.reasoning == source.reasoning)
        #expect(relayed.calls.map { [$0.id, $0.name, $0.arguments] } == source.calls.map { [$0.id, $0.name, $0.arguments] })
        #expect(relayed.calls.map(\.index) == Array(0..<Int64(relayed.calls.count)))
        #expect(relayed.done && relayed.eventsAfterDone == 0)
        if source.errors.isEmpty && source.done {
            #expect(relayed.finishReasons == source.finishReasons)
            #expect(relayed.usage.flatMap(OpenAIChat.usage(from:)) == source.usage.flatMap(OpenAIChat.usage(from:)))
            #expect(relayed.usageChunks == 1)
            #expect(relayed.errors.isEmpty)
        } else {
            #expect(relayed.finishReasons.isEmpty)
            #expect(relayed.errors.count == 1)
            if let message = source.errors.first?["message"] { #expect(relayed.errors.first?["message"] == message) }
        }
    }

    @Test("the round trip of the plain-text transcript, byte for byte")
    func plainTextBytes() throws {
        let out = write(try read(ProviderTranscripts.plainText), includeUsage: false, clientModel: "openai/gpt-4o-mini", created: 1_767_225_600)
        let head = #"{"id":"chatcmpl-C1a","object":"chat.completion.chunk","created":1767225600,"model":"openai/gpt-4o-mini","#
        let expected =
            line(head + #""choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}]}"#)
            + line(head + #""choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}]}"#)
            + line(head + #""choices":[{"index":0,"delta":{"content":" there! ✨"},"logprobs":null,"finish_reason":null}]}"#)
            + line(head + #""choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}"#)
            + "data: [DONE]\n\n"
        #expect(out == expected)
    }
}
