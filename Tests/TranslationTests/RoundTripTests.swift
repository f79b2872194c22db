import AnthropicCodec
import Conversation
import Dialects
import OpenAIChatCodec
import Testing
import TokModelCore

/// Same dialect on both sides (a Chat client in front of an OpenAI-compatible provider, a Messages client in
/// front of Anthropic): going through the canonical model must not change what is said.
@Suite("Same-dialect round trips through the canonical model")
struct RoundTripTests {
    // MARK: Requests

    @Test("Chat request → OpenAI provider: the same request, with the output limit as max_tokens")
    func chatRequest() throws {
        let original = try json(ClientRequests.chat)
        let canonical = try OpenAIChat.decodeRequest(original)
        let body = try OpenAIChat.encodeRequest(canonical, upstreamModel: "acme/chat")
        var expected = original
        expected.remove("max_completion_tokens")
        expected.set("max_tokens", 512)
        expectJSON(body, equals: expected)
        #expect(try OpenAIChat.decodeRequest(body) == canonical)
    }

    @Test("Messages request → Anthropic provider: the same request, system and tool results in block form")
    func messagesRequest() throws {
        let original = try json(ClientRequests.messages)
        let canonical = try AnthropicMessages.decodeRequest(original)
        let body = try AnthropicMessages.encodeRequest(canonical, upstreamModel: "acme/chat")
        var expected = original
        expected.set("system", [["type": "text", "text": "You are a weather bot."]])
        expected.set(
            "messages",
            .array(
                (original["messages"]?.arrayValue ?? []).map { message in
                    var message = message
                    message.set(
                        "content",
                        .array(
                            (message["content"]?.arrayValue ?? []).map { block in
                                // `"content": "text"` is the short form of one text block.
                                guard block["type"] == "tool_result", case .string(let text)? = block["content"] else { return block }
                                var long = block
                                long.set("content", [["type": "text", "text": .string(text)]])
                                return long
                            }))
                    return message
                }))
        expectJSON(body, equals: expected)
        #expect(try AnthropicMessages.decodeRequest(body) == canonical)
    }

    // MARK: Non-streamed answers

    @Test("OpenAI answer → Chat client: the same chat.completion, less the fields the gateway drops", arguments: ResponseFixture.allCases)
    func chatResponse(fixture: ResponseFixture) throws {
        let original = try json(Provider.openAI.response(fixture))
        let answer = try OpenAIChat.decodeResponse(original)
        let body = OpenAIChat.encodeResponse(answer, clientModel: original["model"]?.stringValue ?? "")
        // Dropped: the envelope extras, message annotations, token details other than cached and reasoning tokens,
        // host extensions (DeepSeek's prompt_cache_*). Added: the `chatcmpl-` prefix and `refusal: null` that
        // OpenAI always sends.
        var expected = original
        expected.remove("service_tier")
        expected.remove("system_fingerprint")
        if let id = original["id"]?.stringValue, !id.hasPrefix("chatcmpl-") { expected.set("id", .string("chatcmpl-" + id)) }
        var choice = original["choices"]?[0] ?? [:]
        var message = choice["message"] ?? [:]
        message.remove("annotations")
        message.set("refusal", .null)
        choice.set("message", message)
        expected.set("choices", [choice])
        let usage = original["usage"] ?? [:]
        expected.set(
            "usage",
            [
                "prompt_tokens": usage["prompt_tokens"] ?? 0, "completion_tokens": usage["completion_tokens"] ?? 0,
                "total_tokens": usage["total_tokens"] ?? 0,
                "prompt_tokens_details": ["cached_tokens": usage["prompt_tokens_details"]?["cached_tokens"] ?? 0],
                "completion_tokens_details": ["reasoning_tokens": usage["completion_tokens_details"]?["reasoning_tokens"] ?? 0],
            ])
        expectJSON(body, equals: expected)
        var again = try OpenAIChat.decodeResponse(body)
        #expect(again.id == "chatcmpl-" + answer.id || again.id == answer.id)
        again.id = answer.id
        #expect(again == answer)
    }

    @Test("Anthropic answer → Messages client: the same message, less the usage breakdowns", arguments: ResponseFixture.allCases)
    func messagesResponse(fixture: ResponseFixture) throws {
        let original = try json(Provider.anthropic.response(fixture))
        let answer = try AnthropicMessages.decodeResponse(original)
        let body = AnthropicMessages.encodeResponse(answer, clientModel: "claude-sonnet-4-5-20250929")
        var expected = original
        var usage = original["usage"] ?? [:]
        usage.remove("cache_creation")
        usage.remove("service_tier")
        expected.set("usage", usage)
        expectJSON(body, equals: expected)
        #expect(try AnthropicMessages.decodeResponse(body) == answer)
    }

    // MARK: Streams

    @Test("OpenAI stream → Chat client: the SDK accumulates the same answer from both", arguments: Transcript.allCases)
    func chatStream(transcript: Transcript) {
        let upstream = parseChatStream(Provider.openAI.stream(transcript))
        let client = parseChatStream(translate(Provider.openAI.stream(transcript), from: .openAI, to: .chat).bytes)
        #expect(client.content == upstream.content)
        #expect(client.reasoning == upstream.reasoning)
        #expect(client.calls == upstream.calls)
        switch transcript {
        case .errorMidStream:
            #expect(client.error?["message"] == upstream.error?["message"])
        case .cutOff:
            // Upstream just stops; the client must be told the answer is incomplete.
            #expect(upstream.error == nil && upstream.finishReason == nil)
            #expect(client.error != nil && client.finishReason == nil)
        default:
            #expect(client.finishReason == upstream.finishReason)
            for key in ["prompt_tokens", "completion_tokens", "total_tokens"] {
                #expect(client.usage?[key] == upstream.usage?[key], "\(key)")
            }
            #expect(client.usage?["prompt_tokens_details"]?["cached_tokens"] == (upstream.usage?["prompt_tokens_details"]?["cached_tokens"] ?? 0))
        }
    }

    @Test("Anthropic stream → Messages client: the SDK accumulates the same message from both", arguments: Transcript.allCases)
    func messagesStream(transcript: Transcript) {
        let upstream = parseMessagesStream(Provider.anthropic.stream(transcript))
        let client = parseMessagesStream(translate(Provider.anthropic.stream(transcript), from: .anthropic, to: .messages).bytes)
        #expect(client.violations == [])
        #expect(client.blocks.map(\.type) == upstream.blocks.map(\.type))
        #expect(client.blocks.map(\.text) == upstream.blocks.map(\.text))
        #expect(client.blocks.map(\.thinking) == upstream.blocks.map(\.thinking))
        #expect(client.blocks.map(\.signature) == upstream.blocks.map(\.signature))
        #expect(client.blocks.map(\.id) == upstream.blocks.map(\.id))
        #expect(client.blocks.map(\.name) == upstream.blocks.map(\.name))
        #expect(client.blocks.map(\.input) == upstream.blocks.map(\.input))
        #expect(client.message?["id"] == upstream.message?["id"])
        switch transcript {
        case .errorMidStream:
            #expect(client.error?["type"] == upstream.error?["type"])
            #expect(client.error?["message"] == upstream.error?["message"])
        case .cutOff:
            #expect(upstream.error == nil && !upstream.messageStopped)
            #expect(client.error != nil && !client.messageStopped)
        default:
            #expect(client.stopReason == upstream.stopReason)
            #expect(client.stopSequence == upstream.stopSequence)
            for key in ["input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens", "output_tokens"] {
                #expect(client.usage[key] == upstream.usage[key], "\(key)")
            }
        }
    }
}
