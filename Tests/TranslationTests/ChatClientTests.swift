import Conversation
import Dialects
import OpenAIChatCodec
import Testing
import TokModelCore

/// An OpenAI Chat Completions client (`POST /v1/chat/completions`) in front of each provider dialect.
@Suite("OpenAI Chat client × every provider")
struct ChatClientTests {
    @Test("streamed: the client's bytes are the golden ones", arguments: Provider.allCases, Transcript.allCases)
    func streamBytes(provider: Provider, transcript: Transcript) {
        assertStreamGolden(.chat, provider, transcript, golden: ChatGoldens.stream(provider, transcript))
    }

    @Test("streamed: what the OpenAI SDK accumulates is what the provider said", arguments: Provider.allCases, Transcript.allCases)
    func streamSemantics(provider: Provider, transcript: Transcript) {
        assertStreamSemantics(.chat, provider, transcript)
    }

    @Test("non-streamed: the chat.completion is the golden one", arguments: Provider.allCases, ResponseFixture.allCases)
    func response(provider: Provider, fixture: ResponseFixture) throws {
        try assertResponse(.chat, provider, fixture, golden: ChatGoldens.response(provider, fixture))
    }

    @Test("request: system, images, tools, a tool round, stop and max tokens reach the provider", arguments: Provider.allCases)
    func request(provider: Provider) throws {
        try assertRequest(.chat, provider, golden: ChatGoldens.request(provider))
    }

    @Test("request: stream: true only changes the stream fields", arguments: Provider.allCases)
    func streamingRequest(provider: Provider) throws {
        try assertStreamingRequest(.chat, provider)
    }

    @Test("non-streamed: a provider's error body reaches the client in its error shape", arguments: Provider.allCases)
    func errorBody(provider: Provider) throws {
        try assertErrorBody(.chat, provider)
    }

    @Test("streamed without stream_options.include_usage: no chunk mentions usage (§11.18 #2)", arguments: Provider.allCases)
    func withoutUsage(provider: Provider) throws {
        let output = translate(provider.stream(.cachedUsage), from: provider, to: .chat, includeUsage: false).bytes
        let stream = parseChatStream(output)
        #expect(stream.violations == [])
        #expect(stream.content == "Section 4.2 says the fee is waived.")
        #expect(stream.finishReason == "stop")
        #expect(stream.usage == nil)
        var parser = SSEParser()
        for event in try parser.feed(Array(output.utf8)) where !event.isDone {
            #expect(try JSONParser.parse(event.data)["usage"] == nil, "\(event.dataString)")
        }
    }

    @Test(
        "request: what a provider cannot take is refused with a 400 or cut as documented, never sent wrong",
        arguments: Provider.allCases)
    func limits(provider: Provider) throws {
        func encode(_ extra: String, content: String = #""Hi""#) throws -> JSONValue {
            let body = try json(#"{"model":"acme/chat","max_tokens":64,"messages":[{"role":"user","content":\#(content)}]\#(extra)}"#)
            return try provider.encodeRequest(try OpenAIChat.decodeRequest(body), upstreamModel: provider.upstreamModel)
        }
        // Six stop sequences: OpenAI takes four (the rest are cut, §11.8), Anthropic all, Gemini at most five.
        let stops = thrownError { try encode(#","stop":["a","b","c","d","e","f"]"#) }
        switch provider {
        case .openAI: #expect(try encode(#","stop":["a","b","c","d","e","f"]"#)["stop"] == ["a", "b", "c", "d"])
        case .anthropic: #expect(try encode(#","stop":["a","b","c","d","e","f"]"#)["stop_sequences"] == ["a", "b", "c", "d", "e", "f"])
        case .gemini: #expect(stops?.status == 400 && stops?.param == "stop")
        }
        // Two choices: Anthropic answers once, so n > 1 is refused (§11.8).
        let choices = thrownError { try encode(#","n":2"#) }
        switch provider {
        case .openAI: #expect(try encode(#","n":2"#)["n"] == 2)
        case .anthropic: #expect(choices?.status == 400 && choices?.param == "n")
        case .gemini: #expect(try encode(#","n":2"#)["generationConfig"]?["candidateCount"] == 2)
        }
        // A BMP image: Anthropic takes jpeg, png, gif and webp only (§11.3).
        let bmp = #"[{"type":"image_url","image_url":{"url":"data:image/bmp;base64,Qk0="}}]"#
        let image = thrownError { try encode("", content: bmp) }
        switch provider {
        case .openAI: #expect(image == nil)
        case .anthropic: #expect(image?.status == 400)
        case .gemini: #expect(try encode("", content: bmp)["contents"]?[0]?["parts"]?[0] == ["inlineData": ["mimeType": "image/bmp", "data": "Qk0="]])
        }
    }

    @Test("the client's follow-up after a streamed tool call reaches the provider with the call's id", arguments: Provider.allCases)
    func toolRoundTrip(provider: Provider) throws {
        // The client runs the tools it was streamed and sends the results back, as an agent loop does.
        let stream = parseChatStream(translate(provider.stream(.textThenTool), from: provider, to: .chat).bytes)
        let call = try #require(stream.calls.first)
        let followUp = try json(
            #"""
            {"model":"acme/chat","max_tokens":100,"messages":[
              {"role":"user","content":"Weather in Paris?"},
              {"role":"assistant","content":\#(JSONWriter.quoted(stream.content)),"tool_calls":[{"id":\#(JSONWriter.quoted(call.id)),"type":"function",
                "function":{"name":\#(JSONWriter.quoted(call.name)),"arguments":\#(JSONWriter.quoted(call.arguments))}}]},
              {"role":"tool","tool_call_id":\#(JSONWriter.quoted(call.id)),"content":"18°C"}]}
            """#)
        for target in Provider.allCases {
            let body = try target.encodeRequest(try OpenAIChat.decodeRequest(followUp), upstreamModel: target.upstreamModel)
            #expect(ruleViolations(body, for: target) == [], "\(provider) answer → \(target)")
            let ids = toolIDs(body, for: target)
            #expect(ids.calls == [call.id] && ids.results == [call.id], "\(provider) answer → \(target): \(ids)")
        }
    }
}
