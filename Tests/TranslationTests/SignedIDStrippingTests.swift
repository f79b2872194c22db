import AnthropicCodec
import Conversation
import Dialects
import GeminiCodec
import OpenAIChatCodec
import Testing

/// A conversation started on Gemini carries signed tool-call ids (`<id>__thought__<signature>`). Other
/// providers get the plain id, on the call and on its result alike (wire-formats §11.6 rule 5; OpenAI also
/// limits ids to 40 characters), while Gemini still gets its signature back.
@Suite("Gemini-signed ids towards other providers")
struct SignedIDStrippingTests {
    static let signed = "call_7xK2_0__thought__CiQBcsjafE1-Zk_8Q_vv"

    static var conversation: ChatRequest {
        ChatRequest(
            model: "m",
            turns: [
                Turn(role: .user, blocks: [.text("Weather?")]),
                Turn(role: .assistant, blocks: [.toolCall(ToolCall(id: signed, name: "get_weather", arguments: #"{"city":"Oslo"}"#))]),
                Turn(role: .user, blocks: [.toolResult(ToolResult(callID: signed, name: "get_weather", content: [.text("sunny")]))]),
            ],
            tools: [FunctionTool(name: "get_weather")], maxOutputTokens: 100)
    }

    @Test("OpenAI-compatible providers get the plain id on the call and on its result")
    func openAI() throws {
        let body = try OpenAIChat.encodeRequest(Self.conversation, upstreamModel: "gpt")
        let messages = try #require(body["messages"]?.arrayValue)
        #expect(messages[1]["tool_calls"]?.arrayValue?.first?["id"] == "call_7xK2_0")
        #expect(messages[2]["tool_call_id"] == "call_7xK2_0")
    }

    @Test("Anthropic gets the plain id on the tool_use and its tool_result")
    func anthropic() throws {
        let body = try AnthropicMessages.encodeRequest(Self.conversation, upstreamModel: "claude")
        let messages = try #require(body["messages"]?.arrayValue)
        #expect(messages[1]["content"]?.arrayValue?.first?["id"] == "call_7xK2_0")
        #expect(messages[2]["content"]?.arrayValue?.first?["tool_use_id"] == "call_7xK2_0")
    }

    @Test("Gemini still gets its signature back")
    func gemini() throws {
        let body = try GeminiGenerateContent.encodeRequest(Self.conversation, upstreamModel: "gemini")
        let parts = try #require(body["contents"]?.arrayValue?[1]["parts"]?.arrayValue)
        #expect(parts.first?["thoughtSignature"] == "CiQBcsjafE1+Zk/8Q/vv")
    }
}
