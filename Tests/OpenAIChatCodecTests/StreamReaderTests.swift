import Conversation
import Dialects
import OpenAIChatCodec
import Testing
import TokModelCore

/// Each golden transcript with the canonical events it must produce.
struct ReaderGolden: Sendable, CustomTestStringConvertible {
    var name: String
    var transcript: String
    var events: [StreamEvent]
    var testDescription: String { name }
}

let readerGoldens: [ReaderGolden] = [
    ReaderGolden(
        name: "plain text", transcript: ProviderTranscripts.plainText,
        events: [
            .start(id: "chatcmpl-C1a", model: "gpt-4o-mini-2024-07-18"),
            .blockStart(index: 0, kind: .text), .textDelta(index: 0, text: "Hello"), .textDelta(index: 0, text: " there! ✨"), .blockStop(index: 0),
            .finish(.endTurn, stopSequence: nil), .usage(Usage(inputTokens: 9, outputTokens: 4)), .end,
        ]),
    ReaderGolden(
        name: "two parallel tool calls interleaved by index", transcript: ProviderTranscripts.parallelToolCalls,
        events: [
            .start(id: "chatcmpl-C2b", model: "gpt-4o-2024-08-06"),
            .blockStart(index: 0, kind: .toolCall(id: "call_A7x", name: "get_weather")),
            .blockStart(index: 1, kind: .toolCall(id: "call_B9y", name: "get_time")),
            .toolArgumentsDelta(index: 0, json: #"{"city":"#), .toolArgumentsDelta(index: 1, json: #"{"tz":"#),
            .toolArgumentsDelta(index: 0, json: #""Paris"}"#), .toolArgumentsDelta(index: 1, json: #""Europe/Rome"}"#),
            .blockStop(index: 0), .blockStop(index: 1),
            .finish(.toolUse, stopSequence: nil), .usage(Usage(inputTokens: 88, outputTokens: 41)), .end,
        ]),
    ReaderGolden(
        name: "text then a tool call", transcript: ProviderTranscripts.textThenToolCall,
        events: [
            .start(id: "chatcmpl-C3c", model: "gpt-4.1-2025-04-14"),
            .blockStart(index: 0, kind: .text), .textDelta(index: 0, text: "Let me check"), .textDelta(index: 0, text: " the weather."),
            .blockStop(index: 0),
            .blockStart(index: 1, kind: .toolCall(id: "call_W1", name: "get_weather")),
            .toolArgumentsDelta(index: 1, json: #"{"ci"#), .toolArgumentsDelta(index: 1, json: #"ty":"Paris"}"#), .blockStop(index: 1),
            .finish(.toolUse, stopSequence: nil), .usage(Usage(inputTokens: 61, outputTokens: 22)), .end,
        ]),
    ReaderGolden(
        name: "max_tokens reached → length", transcript: ProviderTranscripts.maxTokens,
        events: [
            .start(id: "chatcmpl-C4d", model: "gpt-4o-mini-2024-07-18"),
            .blockStart(index: 0, kind: .text), .textDelta(index: 0, text: "The first five"), .textDelta(index: 0, text: " primes are"),
            .blockStop(index: 0), .finish(.maxTokens, stopSequence: nil), .usage(Usage(inputTokens: 14, outputTokens: 5)), .end,
        ]),
    ReaderGolden(
        name: "content_filter", transcript: ProviderTranscripts.contentFilter,
        events: [
            .start(id: "chatcmpl-C5e", model: "gpt-4o-2024-08-06"),
            .blockStart(index: 0, kind: .text), .textDelta(index: 0, text: "Here is how"), .blockStop(index: 0),
            .finish(.contentFilter, stopSequence: nil), .usage(Usage(inputTokens: 31, outputTokens: 3)), .end,
        ]),
    ReaderGolden(
        name: "usage with cached and reasoning tokens", transcript: ProviderTranscripts.cachedUsage,
        events: [
            .start(id: "chatcmpl-C6f", model: "o4-mini-2025-04-16"),
            .blockStart(index: 0, kind: .text), .textDelta(index: 0, text: "42"), .blockStop(index: 0), .finish(.endTurn, stopSequence: nil),
            .usage(Usage(inputTokens: 2006, outputTokens: 300, cachedInputTokens: 1920, reasoningTokens: 256)), .end,
        ]),
    ReaderGolden(
        name: "provider error chunk mid-stream", transcript: ProviderTranscripts.errorMidStream,
        events: [
            .start(id: "chatcmpl-C7g", model: "gpt-4o-2024-08-06"),
            .blockStart(index: 0, kind: .text), .textDelta(index: 0, text: "Partial"),
            .error(
                GatewayError(.upstreamFailed, "The server had an error while processing your request. Sorry about that!", code: "server_error")),
            .end,
        ]),
    ReaderGolden(
        name: "vLLM stop sequence", transcript: ProviderTranscripts.vllmStopSequence,
        events: [
            .start(id: "chatcmpl-8c2f0a", model: "meta-llama/Llama-3.3-70B-Instruct"),
            .blockStart(index: 0, kind: .text), .textDelta(index: 0, text: "1, 2, 3"), .blockStop(index: 0),
            .finish(.stopSequence, stopSequence: "END"), .usage(Usage(inputTokens: 25, outputTokens: 7)), .end,
        ]),
    ReaderGolden(
        name: "DeepSeek reasoning_content → thinking, then text", transcript: ProviderTranscripts.deepSeekReasoning,
        events: [
            .start(id: "5d3c2b1a-0f9e-4d8c-b7a6-1e2f3a4b5c6d", model: "deepseek-reasoner"),
            .blockStart(index: 0, kind: .thinking), .thinkingDelta(index: 0, text: "2 + 2"), .thinkingDelta(index: 0, text: " is 4."),
            .blockStop(index: 0), .blockStart(index: 1, kind: .text), .textDelta(index: 1, text: "4"), .blockStop(index: 1),
            .finish(.endTurn, stopSequence: nil), .usage(Usage(inputTokens: 12, outputTokens: 9, reasoningTokens: 6)), .end,
        ]),
    ReaderGolden(
        name: "OpenRouter: CRLF, comments, whole calls without index", transcript: ProviderTranscripts.openRouterWholeCalls,
        events: [
            .start(id: "gen-1767225609-x", model: "google/gemini-2.5-flash"),
            .blockStart(index: 0, kind: .toolCall(id: "tool_0_lookup", name: "lookup")), .toolArgumentsDelta(index: 0, json: #"{"q":"a"}"#),
            .blockStart(index: 1, kind: .toolCall(id: "tool_1_lookup", name: "lookup")), .toolArgumentsDelta(index: 1, json: #"{"q":"b"}"#),
            .blockStop(index: 0), .blockStop(index: 1), .finish(.toolUse, stopSequence: nil), .usage(Usage(inputTokens: 40, outputTokens: 12)), .end,
        ]),
    ReaderGolden(
        name: "truncated body → error", transcript: ProviderTranscripts.truncated,
        events: [
            .start(id: "chatcmpl-C8h", model: "gpt-4o-mini-2024-07-18"),
            .blockStart(index: 0, kind: .text), .textDelta(index: 0, text: "Once upon"),
            .error(
                GatewayError(
                    .upstreamFailed, "The provider's answer could not be read: the stream ended before the provider finished its answer.",
                    code: "invalid_upstream_response")),
            .end,
        ]),
]

@Suite("OpenAIChat.StreamReader")
struct StreamReaderTests {
    @Test("golden transcripts, fed whole, byte by byte and split at every byte", arguments: readerGoldens)
    func golden(_ golden: ReaderGolden) throws {
        let bytes = Array(golden.transcript.utf8)
        for (name, chunks) in feedings(of: bytes) {
            let events = try read(chunks)
            #expect(events == golden.events, "\(name)")
            if events != golden.events { break }
        }
    }

    @Test("every golden stream honours the canonical contract")
    func contract() throws {
        for golden in readerGoldens {
            let events = try read(golden.transcript)
            try checkContract(events, golden.name)
        }
    }

    @Test("nothing is read after [DONE] or an error; finish() after [DONE] adds nothing")
    func afterEnd() throws {
        var reader = OpenAIChat.StreamReader()
        _ = try reader.read(SSEEvent(data: Array(#"{"id":"a","model":"m","choices":[{"index":0,"delta":{"content":"x"}}]}"#.utf8)))
        let done = try reader.read(SSEEvent(data: Array("[DONE]".utf8)))
        #expect(done == [.blockStop(index: 0), .finish(.endTurn, stopSequence: nil), .end])
        #expect(try reader.read(SSEEvent(data: Array(#"{"choices":[{"delta":{"content":"late"}}]}"#.utf8))).isEmpty)
        #expect(reader.finish().isEmpty)
    }

    @Test("[DONE] without a finish_reason synthesises one: tool_calls when calls were made")
    func doneWithoutFinish() throws {
        let transcript = """
            data: {"id":"a","model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c1","function":{"name":"f","arguments":"{}"}}]}}]}

            data: [DONE]


            """
        #expect(
            try read(transcript) == [
                .start(id: "a", model: "m"), .blockStart(index: 0, kind: .toolCall(id: "c1", name: "f")), .toolArgumentsDelta(index: 0, json: "{}"),
                .blockStop(index: 0), .finish(.toolUse, stopSequence: nil), .end,
            ])
    }

    @Test("a finished stream whose body ends without [DONE] just ends")
    func finishedWithoutDone() throws {
        let transcript = """
            data: {"id":"a","model":"m","choices":[{"index":0,"delta":{"content":"x"},"finish_reason":"stop"}]}


            """
        #expect(
            try read(transcript) == [
                .start(id: "a", model: "m"), .blockStart(index: 0, kind: .text), .textDelta(index: 0, text: "x"), .blockStop(index: 0),
                .finish(.endTurn, stopSequence: nil), .end,
            ])
    }

    @Test("an empty body is an error; an immediate error chunk still starts the stream first")
    func emptyAndImmediateError() throws {
        #expect(
            try read("") == [
                .start(id: "", model: ""),
                .error(
                    GatewayError(
                        .upstreamFailed, "The provider's answer could not be read: the stream ended before the provider finished its answer.",
                        code: "invalid_upstream_response")),
                .end,
            ])
        let quota = #"data: {"error":{"message":"You exceeded your current quota.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}"# + "\n\n"
        #expect(
            try read(quota) == [
                .start(id: "", model: ""), .error(GatewayError(.upstreamFailed, "You exceeded your current quota.", code: "insufficient_quota")), .end,
            ])
    }

    @Test("a chunk that is not JSON is an upstream failure")
    func garbage() throws {
        var reader = OpenAIChat.StreamReader()
        for data in ["{not json", "[1,2]", "\"text\""] {
            let error = try #require(throws: GatewayError.self) { try reader.read(SSEEvent(data: Array(data.utf8))) }
            #expect(error.kind == .upstreamFailed)
            #expect(error.code == "invalid_upstream_response")
        }
        #expect(try reader.read(SSEEvent(data: Array(" \n".utf8))).isEmpty)
    }

    @Test("a tool call whose name arrives after its arguments opens when the name comes, with the held arguments")
    func lateName() throws {
        let transcript = """
            data: {"id":"a","model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c1","function":{"arguments":"{\\"a\\""}}]}}]}

            data: {"id":"a","model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"name":"f","arguments":":1}"}}]}}]}

            data: {"id":"a","model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"name":"g"}}]}}]}

            data: {"id":"a","model":"m","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}

            data: [DONE]


            """
        #expect(
            try read(transcript) == [
                .start(id: "a", model: "m"), .blockStart(index: 0, kind: .toolCall(id: "c1", name: "f")),
                .toolArgumentsDelta(index: 0, json: #"{"a":1}"#), .blockStart(index: 1, kind: .toolCall(id: "call_1", name: "g")),
                .blockStop(index: 0), .blockStop(index: 1), .finish(.toolUse, stopSequence: nil), .end,
            ])
    }

    @Test("only choice 0 is read; refusal deltas are text; usage repeated unchanged is reported once")
    func choicesRefusalUsage() throws {
        let transcript = """
            data: {"id":"a","model":"m","choices":[{"index":1,"delta":{"content":"other"}},{"index":0,"delta":{"refusal":"I can't"}}],"usage":{"prompt_tokens":3,"completion_tokens":1}}

            data: {"id":"a","model":"m","choices":[{"index":0,"delta":{"refusal":" help."},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1}}

            data: {"id":"a","model":"m","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2}}

            data: [DONE]


            """
        #expect(
            try read(transcript) == [
                .start(id: "a", model: "m"), .blockStart(index: 0, kind: .text), .textDelta(index: 0, text: "I can't"),
                .usage(Usage(inputTokens: 3, outputTokens: 1)), .textDelta(index: 0, text: " help."), .blockStop(index: 0),
                .finish(.endTurn, stopSequence: nil), .usage(Usage(inputTokens: 3, outputTokens: 2)), .end,
            ])
    }
}

/// The canonical stream contract of the brief: `.start` first and once; blocks numbered 0, 1, 2… in order,
/// each started once before its deltas and stopped once after them; `.finish` after every block stopped
/// (unless an error ends the stream); `.end` last and once.
func checkContract(_ events: [StreamEvent], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(events.first.map { if case .start = $0 { true } else { false } } == true, "\(name): starts with .start", sourceLocation: sourceLocation)
    #expect(events.last == .end, "\(name): ends with .end", sourceLocation: sourceLocation)
    #expect(events.filter { $0 == .end }.count == 1, "\(name): one .end", sourceLocation: sourceLocation)
    var started: [Int] = []
    var stopped: Set<Int> = []
    var finished = false
    var errored = false
    for event in events {
        switch event {
        case .blockStart(let index, _):
            #expect(index == started.count, "\(name): block \(index) opens in order", sourceLocation: sourceLocation)
            #expect(!finished, sourceLocation: sourceLocation)
            started.append(index)
        case .textDelta(let index, _), .toolArgumentsDelta(let index, _), .thinkingDelta(let index, _), .thinkingSignature(let index, _):
            #expect(started.contains(index) && !stopped.contains(index), "\(name): delta for open block \(index)", sourceLocation: sourceLocation)
        case .blockStop(let index):
            #expect(started.contains(index) && !stopped.contains(index), "\(name): block \(index) stops once", sourceLocation: sourceLocation)
            stopped.insert(index)
        case .finish:
            #expect(!finished, sourceLocation: sourceLocation)
            #expect(stopped.count == started.count, "\(name): every block stopped before .finish", sourceLocation: sourceLocation)
            finished = true
        case .error: errored = true
        case .start, .usage, .end: break
        }
    }
    #expect(finished || errored, "\(name): finishes or fails", sourceLocation: sourceLocation)
}
