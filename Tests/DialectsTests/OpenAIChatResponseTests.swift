import Dialects
import Testing
import TokModelCore

@Suite("OpenAIChatResponse")
struct OpenAIChatResponseTests {
    static let body = """
        {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-2024-08-06",\
        "choices":[{"index":0,"message":{"role":"assistant","content":"Hi \\"there\\" é"},"logprobs":null,"finish_reason":"stop"}],\
        "usage":{"prompt_tokens":20,"completion_tokens":24,"total_tokens":44,"prompt_tokens_details":{"cached_tokens":8,"audio_tokens":0},\
        "completion_tokens_details":{"reasoning_tokens":5,"audio_tokens":0}},"system_fingerprint":"fp_1"}
        """

    @Test("relay rewrites the model, keeps every other byte and extracts usage with details")
    func relay() throws {
        let relayed = OpenAIChatResponse.relay(body: Array(Self.body.utf8), clientModel: "openai/gpt-4o")
        #expect(text(relayed.body) == Self.body.replacing(#""model":"gpt-4o-2024-08-06""#, with: #""model":"openai/gpt-4o""#))
        #expect(relayed.usage == Usage(inputTokens: 20, outputTokens: 24, cachedInputTokens: 8, reasoningTokens: 5))
    }

    @Test("a body without usage (or with null or empty usage) has no usage", arguments: [#""#, #","usage":null"#, #","usage":{}"#, #","usage":"x""#])
    func noUsage(usage: String) throws {
        let body = #"{"id":"x","model":"up"\#(usage),"choices":[]}"#
        let relayed = OpenAIChatResponse.relay(body: Array(body.utf8), clientModel: "a/b")
        #expect(relayed.usage == nil)
        #expect(text(relayed.body) == body.replacing(#""up""#, with: #""a/b""#))
    }

    @Test("a body without a model member gets none; a body that is not JSON passes through")
    func passThrough() {
        let noModel = #"{"id":"x","usage":{"prompt_tokens":1,"completion_tokens":2}}"#
        let relayed = OpenAIChatResponse.relay(body: Array(noModel.utf8), clientModel: "a/b")
        #expect(text(relayed.body) == noModel)
        #expect(relayed.usage == Usage(inputTokens: 1, outputTokens: 2))

        for garbage in ["not json", "", "[1,2]", #"{"model":"x""#] {
            let relayed = OpenAIChatResponse.relay(body: Array(garbage.utf8), clientModel: "a/b")
            #expect(text(relayed.body) == garbage)
            #expect(relayed.usage == nil)
        }
    }

    @Test("the client model is JSON-escaped")
    func escapedModel() throws {
        let relayed = OpenAIChatResponse.relay(body: Array(#"{"model":"up"}"#.utf8), clientModel: "a/\"b\"")
        #expect(try JSONParser.parse(relayed.body)["model"] == .string("a/\"b\""))
    }

    @Test(
        "usage(from:) reads counts and clamps details",
        arguments: [
            (#"{"prompt_tokens":10,"completion_tokens":5}"#, Usage(inputTokens: 10, outputTokens: 5) as Usage?),
            (#"{"prompt_tokens":10}"#, Usage(inputTokens: 10)),
            (#"{"completion_tokens":5}"#, Usage(outputTokens: 5)),
            (#"{"total_tokens":15}"#, nil),
            (#"{}"#, nil),
            (#"[]"#, nil),
            (#"{"prompt_tokens":-3,"completion_tokens":-1}"#, Usage()),
            (#"{"prompt_tokens":10,"completion_tokens":5,"prompt_tokens_details":{"cached_tokens":30}}"#, Usage(inputTokens: 10, outputTokens: 5, cachedInputTokens: 10)),
            (#"{"prompt_tokens":10,"completion_tokens":5,"prompt_tokens_details":{"cached_tokens":-2}}"#, Usage(inputTokens: 10, outputTokens: 5)),
            (#"{"prompt_tokens":10,"completion_tokens":5,"prompt_tokens_details":null}"#, Usage(inputTokens: 10, outputTokens: 5)),
            (#"{"prompt_tokens":10,"completion_tokens":5,"completion_tokens_details":{"reasoning_tokens":9}}"#, Usage(inputTokens: 10, outputTokens: 5, reasoningTokens: 5)),
            (#"{"prompt_tokens":1e3,"completion_tokens":2.0}"#, Usage(inputTokens: 1_000, outputTokens: 2)),
        ])
    func usage(json: String, expected: Usage?) throws {
        #expect(OpenAIChatResponse.usage(from: try JSONParser.parse(json)) == expected)
    }
}

// MARK: Streams

private let upstreamModel = "gpt-4o-2024-08-06"
private let clientModel = "openai/gpt-4o"

private func chunk(_ choices: String, usage: String = "null") -> String {
    #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"\#(upstreamModel)","system_fingerprint":"fp_1","choices":\#(choices),"usage":\#(usage)}"#
}

private let roleChunk = chunk(#"[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}]"#)
private let helloChunk = chunk(#"[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}]"#)
private let worldChunk = chunk(#"[{"index":0,"delta":{"content":" w\u00f6rld \"!\""},"logprobs":null,"finish_reason":null}]"#)
private let finishChunk = chunk(#"[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]"#)
private let usageChunk = chunk(
    "[]",
    usage: #"{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15,"prompt_tokens_details":{"cached_tokens":4,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":1,"audio_tokens":0}}"#
)
private let streamUsage = Usage(inputTokens: 12, outputTokens: 3, cachedInputTokens: 4, reasoningTokens: 1)
/// Decoded content bytes: "Hello" and " wörld \"!\"".
private let contentBytes = "Hello".utf8.count + " wörld \"!\"".utf8.count

private func sse(_ chunks: [String]) -> String { chunks.map { "data: \($0)\n\n" }.joined() }
private func rewritten(_ chunk: String) -> String {
    chunk.replacing(#""model":"\#(upstreamModel)""#, with: #""model":"\#(clientModel)""#)
}

private let transcript = sse([roleChunk, helloChunk, worldChunk, finishChunk, usageChunk, "[DONE]"])

private struct RelayRun {
    var output: [UInt8]
    var relay: OpenAIChatStreamRelay
}

private func run(_ chunks: [[UInt8]], forwardUsageChunk: Bool) throws -> RelayRun {
    var relay = OpenAIChatStreamRelay(clientModel: clientModel, forwardUsageChunk: forwardUsageChunk)
    var output: [UInt8] = []
    for chunk in chunks { output += try relay.feed(chunk) }
    output += relay.finish()
    return RelayRun(output: output, relay: relay)
}

@Suite("OpenAIChatStreamRelay")
struct OpenAIChatStreamRelayTests {
    @Test("without forwarding: the usage chunk is captured, not sent; every chunk carries the client model")
    func capturesUsage() throws {
        let result = try run([Array(transcript.utf8)], forwardUsageChunk: false)
        let expected = sse([roleChunk, helloChunk, worldChunk, finishChunk].map(rewritten) + ["[DONE]"])
        #expect(text(result.output) == expected)
        #expect(result.relay.usage == streamUsage)
        #expect(result.relay.sawDone)
        #expect(result.relay.generatedBytes == contentBytes)
        #expect(result.relay.relayedOutput)
        #expect(result.relay.streamError == nil)

        // The forwarded events, read back like a client would.
        var parser = SSEParser()
        let events = try parser.feed(result.output)
        #expect(events.count == 5)
        #expect(events.last?.isDone == true)
        for event in events.dropLast() {
            let value = try JSONParser.parse(event.data)
            #expect(value["model"] == .string(clientModel))
            #expect(value["usage"] == .null)
            #expect(value["choices"]?.arrayValue?.isEmpty == false)
        }
    }

    @Test("with forwarding: the usage chunk is sent too, with the client model")
    func forwardsUsage() throws {
        let result = try run([Array(transcript.utf8)], forwardUsageChunk: true)
        let expected = sse([roleChunk, helloChunk, worldChunk, finishChunk, usageChunk].map(rewritten) + ["[DONE]"])
        #expect(text(result.output) == expected)
        #expect(result.relay.usage == streamUsage)
        #expect(result.relay.sawDone)
        #expect(!text(result.output).contains(upstreamModel))
    }

    @Test("any split of the provider's bytes gives the same output", arguments: [false, true])
    func splits(forwardUsageChunk: Bool) throws {
        let bytes = Array(transcript.utf8)
        let reference = try run([bytes], forwardUsageChunk: forwardUsageChunk)
        for (name, chunks) in feedings(of: bytes) {
            let result = try run(chunks, forwardUsageChunk: forwardUsageChunk)
            #expect(result.output == reference.output, "\(name)")
            #expect(result.relay.usage == streamUsage, "\(name)")
            #expect(result.relay.sawDone, "\(name)")
            #expect(result.relay.generatedBytes == contentBytes, "\(name)")
        }
        // CRLF line endings from the provider give the same output.
        let crlf = Array(transcript.replacing("\n", with: "\r\n").utf8)
        #expect(try run([crlf], forwardUsageChunk: forwardUsageChunk).output == reference.output)
    }

    @Test("a stream that ends without [DONE] says so; a final event without a blank line is still relayed")
    func noDone() throws {
        let cut = sse([roleChunk, helloChunk]) + "data: " + finishChunk
        let result = try run([Array(cut.utf8)], forwardUsageChunk: false)
        #expect(!result.relay.sawDone)
        #expect(result.relay.usage == nil)
        #expect(text(result.output) == sse([roleChunk, helloChunk, finishChunk].map(rewritten)))
        #expect(result.relay.generatedBytes == 5)

        var relay = OpenAIChatStreamRelay(clientModel: clientModel, forwardUsageChunk: false)
        #expect(try relay.feed(Array(sse([roleChunk]).utf8)).isEmpty == false)
        #expect(relay.finish().isEmpty)
        #expect(!relay.sawDone)
        #expect(!relay.relayedOutput)  // the role chunk's content is empty
    }

    @Test("generatedBytes counts content and tool-call arguments")
    func toolCalls() throws {
        let calls = [
            chunk(#"[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]"#),
            chunk(#"[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]},"finish_reason":null}]"#),
            chunk(#"[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Par\u00eds\"}"}}]},"finish_reason":null}]"#),
            chunk(#"[{"index":0,"delta":{},"finish_reason":"tool_calls"}]"#),
            "[DONE]",
        ]
        let result = try run([Array(sse(calls).utf8)], forwardUsageChunk: false)
        // The function name, then the decoded argument text {"city":"París"}.
        #expect(result.relay.generatedBytes == "get_weather".utf8.count + #"{"city":"París"}"#.utf8.count)
        #expect(result.relay.relayedOutput)
        #expect(result.relay.usage == nil)

        let arguments = [
            chunk(#"[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"abc"}},{"index":1,"function":{"arguments":"de"}}]}}]"#),
            chunk(#"[{"index":0,"delta":{"content":"xy"}},{"index":1,"delta":{"content":"z"}}]"#),
        ]
        #expect(try run([Array(sse(arguments).utf8)], forwardUsageChunk: false).relay.generatedBytes == 8)
    }

    @Test("usage on every chunk: captured, and nulled for a client that did not ask")
    func usageOnEveryChunk() throws {
        let first = chunk(#"[{"index":0,"delta":{"content":"a"}}]"#, usage: #"{"prompt_tokens":5,"completion_tokens":1}"#)
        let second = chunk(#"[{"index":0,"delta":{"content":"b"},"finish_reason":"stop"}]"#, usage: #"{"prompt_tokens":5,"completion_tokens":2}"#)
        let bytes = Array(sse([first, second, "[DONE]"]).utf8)

        let hidden = try run([bytes], forwardUsageChunk: false)
        #expect(hidden.relay.usage == Usage(inputTokens: 5, outputTokens: 2))
        let nulled = [first, second].map { rewritten(chunk(String($0.split(separator: "\"choices\":")[1].split(separator: ",\"usage\"")[0]))) }
        #expect(text(hidden.output) == sse(nulled + ["[DONE]"]))

        let shown = try run([bytes], forwardUsageChunk: true)
        #expect(text(shown.output) == sse([first, second].map(rewritten) + ["[DONE]"]))
    }

    @Test("an error object inside the stream is captured and passed on")
    func streamError() throws {
        let error = #"{"error":{"message":"overloaded","type":"server_error","code":null}}"#
        let result = try run([Array(sse([roleChunk, error]).utf8)], forwardUsageChunk: false)
        #expect(result.relay.streamError == ["message": "overloaded", "type": "server_error", "code": nil])
        #expect(text(result.output) == sse([rewritten(roleChunk), error]))
        #expect(!result.relay.sawDone)
    }

    @Test("data that is not JSON passes through untouched")
    func nonJSON() throws {
        let result = try run([Array("event: weird\ndata: hello\n\ndata: [DONE]\n\n".utf8)], forwardUsageChunk: false)
        #expect(text(result.output) == "event: weird\ndata: hello\n\ndata: [DONE]\n\n")
        #expect(result.relay.sawDone)
    }
}
