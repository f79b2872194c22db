import AnthropicCodec
import Conversation
import Dialects
import Testing
import TokModelCore

/// An Anthropic Messages client (`POST /v1/messages`) in front of each provider dialect.
@Suite("Anthropic Messages client × every provider")
struct MessagesClientTests {
    @Test("streamed: the client's bytes are the golden ones", arguments: Provider.allCases, Transcript.allCases)
    func streamBytes(provider: Provider, transcript: Transcript) {
        assertStreamGolden(.messages, provider, transcript, golden: MessagesGoldens.stream(provider, transcript))
    }

    @Test("streamed: what the Anthropic SDK accumulates is what the provider said", arguments: Provider.allCases, Transcript.allCases)
    func streamSemantics(provider: Provider, transcript: Transcript) {
        assertStreamSemantics(.messages, provider, transcript)
    }

    @Test("non-streamed: the message is the golden one", arguments: Provider.allCases, ResponseFixture.allCases)
    func response(provider: Provider, fixture: ResponseFixture) throws {
        try assertResponse(.messages, provider, fixture, golden: MessagesGoldens.response(provider, fixture))
    }

    @Test("request: system, images, tools, a tool round, stop and max tokens reach the provider", arguments: Provider.allCases)
    func request(provider: Provider) throws {
        try assertRequest(.messages, provider, golden: MessagesGoldens.request(provider))
    }

    @Test("request: stream: true only changes the stream fields", arguments: Provider.allCases)
    func streamingRequest(provider: Provider) throws {
        try assertStreamingRequest(.messages, provider)
    }

    @Test("non-streamed: a provider's error body reaches the client in its error shape", arguments: Provider.allCases)
    func errorBody(provider: Provider) throws {
        try assertErrorBody(.messages, provider)
    }

    @Test("streamed: message_start has the input tokens when the provider reports them first, message_delta always", arguments: Provider.allCases)
    func inputTokens(provider: Provider) {
        let stream = parseMessagesStream(translate(provider.stream(.cachedUsage), from: provider, to: .messages).bytes)
        let startInput = stream.message?["usage"]?["input_tokens"]
        // Only Anthropic reports input before the content (§11.16 B.1); the others' counts arrive at the end.
        #expect(startInput == (provider == .anthropic ? 40 : 0))
        #expect(stream.usage["input_tokens"] == (provider == .anthropic ? 40 : 52))
        #expect(stream.usage["cache_read_input_tokens"] == 2048)
    }

    @Test("streamed: a mid-stream failure is an `error` event typed by kind", arguments: Provider.allCases)
    func errorTypes(provider: Provider) {
        let stream = parseMessagesStream(translate(provider.stream(.errorMidStream), from: provider, to: .messages).bytes)
        // Overloaded providers (Anthropic 529 overloaded_error, Gemini 503 UNAVAILABLE) stay overloaded_error,
        // so the SDK retries; an OpenAI server_error is an api_error (§11.15).
        #expect(stream.error?["type"] == (provider == .openAI ? "api_error" : "overloaded_error"))
    }

    @Test("request: an image in a tool result goes where each provider can take it (§11.7, §11.18 #24)", arguments: Provider.allCases)
    func toolResultImage(provider: Provider) throws {
        let request = try AnthropicMessages.decodeRequest(
            try json(
                #"""
                {"model":"acme/chat","max_tokens":256,"messages":[
                  {"role":"user","content":"Take a screenshot."},
                  {"role":"assistant","content":[{"type":"tool_use","id":"toolu_01S","name":"screenshot","input":{}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01S","content":[
                    {"type":"text","text":"Here it is"},{"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]}]}]}
                """#))
        let body = try provider.encodeRequest(request, upstreamModel: provider.upstreamModel)
        #expect(ruleViolations(body, for: provider) == [])
        switch provider {
        case .openAI:
            // A tool message holds text only: the image follows all tool messages in a user message.
            #expect(body["messages"]?[2] == ["role": "tool", "tool_call_id": "toolu_01S", "content": "Here it is"])
            #expect(
                body["messages"]?[3]
                    == [
                        "role": "user",
                        "content": [
                            ["type": "text", "text": "Images returned by tool call toolu_01S:"],
                            ["type": "image_url", "image_url": ["url": "data:image/png;base64,iVBORw0KGgo="]],
                        ],
                    ])
        case .anthropic:
            #expect(
                body["messages"]?[2]?["content"]?[0]?["content"]
                    == [["type": "text", "text": "Here it is"], ["type": "image", "source": ["type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="]]])
        case .gemini:
            // The function name comes from the call; the image follows the response as an inline part.
            #expect(
                body["contents"]?[2]?["parts"]
                    == [
                        ["functionResponse": ["id": "toolu_01S", "name": "screenshot", "response": ["output": "Here it is"]]],
                        ["inlineData": ["mimeType": "image/png", "data": "iVBORw0KGgo="]],
                    ])
        }
    }

    @Test("thinking with its signature comes back to Anthropic as it was sent (§11.11, §11.18 #13)")
    func thinkingReplay() throws {
        let stream = parseMessagesStream(translate(Provider.anthropic.stream(.thinking), from: .anthropic, to: .messages).bytes)
        let thinking = try #require(stream.blocks.first)
        let followUp = try json(
            #"""
            {"model":"acme/chat","max_tokens":4096,"thinking":{"type":"enabled","budget_tokens":2048},"messages":[
              {"role":"user","content":"A haiku, please."},
              {"role":"assistant","content":[{"type":"thinking","thinking":\#(JSONWriter.quoted(thinking.thinking)),"signature":\#(JSONWriter.quoted(thinking.signature))},
                                             {"type":"text","text":"Autumn moonlight—"}]},
              {"role":"user","content":"Another."}]}
            """#)
        let body = try AnthropicMessages.encodeRequest(try AnthropicMessages.decodeRequest(followUp), upstreamModel: "claude-sonnet-4-5")
        #expect(
            body["messages"]?[1]?["content"]?[0]
                == ["type": "thinking", "thinking": "The user wants a haiku.", "signature": "EqQBCkgIBxABGAIiQHc3vR8="])
    }
}
