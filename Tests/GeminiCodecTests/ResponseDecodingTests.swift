import Conversation
import Dialects
import GeminiCodec
import Testing
import TokModelCore

@Suite("Gemini response decoding")
struct ResponseDecodingTests {
    func decode(_ text: String) throws -> ChatResponse {
        try GeminiGenerateContent.decodeResponse(try json(text))
    }

    @Test("text, then calls without ids (minted) and with a signature: STOP with calls is tool use")
    func textAndCalls() throws {
        let response = try decode(
            #"""
            {"candidates": [{"content": {"role": "model", "parts": [
                {"text": "Let me check "}, {"text": "the weather."},
                {"functionCall": {"name": "get_weather", "args": {"city": "Paris", "days": 3}}, "thoughtSignature": "CiQBcsjafE1+Zk/8Q/vv"},
                {"functionCall": {"id": "given-id", "name": "get_time", "args": {}}},
                {"functionCall": {"name": "get_weather"}}
              ]}, "finishReason": "STOP", "index": 0,
              "safetyRatings": [{"category": "HARM_CATEGORY_HARASSMENT", "probability": "NEGLIGIBLE"}]}],
             "promptFeedback": {"safetyRatings": []},
             "usageMetadata": {"promptTokenCount": 120, "cachedContentTokenCount": 100, "candidatesTokenCount": 18,
                               "thoughtsTokenCount": 64, "toolUsePromptTokenCount": 7, "totalTokenCount": 209},
             "modelVersion": "gemini-2.5-flash", "responseId": "mAitaLmk+HPP/z7IP"}
            """#)
        #expect(response.id == "mAitaLmk+HPP/z7IP")
        #expect(response.model == "gemini-2.5-flash")
        #expect(response.created == 0)
        #expect(
            response.blocks == [
                .text("Let me check the weather."),
                // The signature is kept as Gemini sent it, and also rides in the id (base64url, no padding) for clients
                // that only give ids back.
                .toolCall(
                    ToolCall(
                        id: "call_mAitaLmk_HPP_z7IP_0__thought__CiQBcsjafE1-Zk_8Q_vv", name: "get_weather", arguments: #"{"city":"Paris","days":3}"#,
                        thoughtSignature: "CiQBcsjafE1+Zk/8Q/vv")),
                .toolCall(ToolCall(id: "given-id", name: "get_time", arguments: "{}")),
                .toolCall(ToolCall(id: "call_mAitaLmk_HPP_z7IP_2", name: "get_weather", arguments: "{}")),
            ])
        #expect(response.stopReason == .toolUse)
        #expect(response.stopSequence == nil)
        #expect(response.usage == Usage(inputTokens: 127, outputTokens: 82, cachedInputTokens: 100, reasoningTokens: 64))
    }

    @Test("without a response id, minted call ids count from call_0")
    func mintedWithoutResponseID() throws {
        let response = try decode(#"{"candidates": [{"content": {"parts": [{"functionCall": {"name": "f", "args": {"x": [1, 2]}}}]}, "finishReason": "STOP"}]}"#)
        #expect(response.blocks == [.toolCall(ToolCall(id: "call_0", name: "f", arguments: #"{"x":[1,2]}"#))])
        #expect(response.id == "")
    }

    @Test("thought parts become one thinking block with the last signature, marked as Gemini's; a text signature is dropped")
    func thoughts() throws {
        let response = try decode(
            #"""
            {"candidates": [{"content": {"parts": [
                {"text": "Plan: ", "thought": true}, {"text": "answer briefly.", "thought": true, "thoughtSignature": "sig-1"},
                {"text": "Hello", "thoughtSignature": "sig-text"}, {"text": ""}, {"text": "!"}
              ]}, "finishReason": "STOP"}], "responseId": "r"}
            """#)
        #expect(response.blocks == [.thinking(Thinking(text: "Plan: answer briefly.", signature: "gemini:sig-1")), .text("Hello!")])
        #expect(response.stopReason == .endTurn)
    }

    static let finishCases: [(String, StopReason)] = [
            ("STOP", .endTurn), ("FINISH_REASON_UNSPECIFIED", .endTurn), ("MAX_TOKENS", .maxTokens), ("SAFETY", .contentFilter),
            ("RECITATION", .contentFilter), ("BLOCKLIST", .contentFilter), ("PROHIBITED_CONTENT", .contentFilter), ("SPII", .contentFilter),
            ("LANGUAGE", .contentFilter), ("IMAGE_SAFETY", .contentFilter), ("MALFORMED_FUNCTION_CALL", .other("MALFORMED_FUNCTION_CALL")),
            ("UNEXPECTED_TOOL_CALL", .other("UNEXPECTED_TOOL_CALL")), ("OTHER", .other("OTHER")), ("SOMETHING_NEW", .other("SOMETHING_NEW")),
        ]

    @Test("finish reasons map per §11.12", arguments: finishCases)
    func finishReasons(raw: String, expected: StopReason) throws {
        let response = try decode(#"{"candidates": [{"content": {"parts": [{"text": "x"}]}, "finishReason": "\#(raw)"}]}"#)
        #expect(response.stopReason == expected)
    }

    @Test("MAX_TOKENS stays maxTokens even when a call was made")
    func maxTokensWithCall() throws {
        let response = try decode(#"{"candidates": [{"content": {"parts": [{"functionCall": {"name": "f", "args": {}}}]}, "finishReason": "MAX_TOKENS"}]}"#)
        #expect(response.stopReason == .maxTokens)
    }

    @Test("a SAFETY-blocked candidate without content is an empty content-filtered answer")
    func safetyWithoutContent() throws {
        let response = try decode(
            #"{"candidates": [{"finishReason": "SAFETY", "index": 0, "safetyRatings": [{"category": "HARM_CATEGORY_HATE_SPEECH", "probability": "HIGH", "blocked": true}]}], "usageMetadata": {"promptTokenCount": 9, "totalTokenCount": 9}}"#
        )
        #expect(response.blocks.isEmpty)
        #expect(response.stopReason == .contentFilter)
        #expect(response.usage == Usage(inputTokens: 9))
    }

    @Test("a blocked prompt (promptFeedback.blockReason, no candidates) is contentFilter")
    func promptBlocked() throws {
        let response = try decode(
            #"{"promptFeedback": {"blockReason": "SAFETY", "safetyRatings": []}, "usageMetadata": {"promptTokenCount": 5, "totalTokenCount": 5}, "modelVersion": "gemini-2.5-flash", "responseId": "b1"}"#
        )
        #expect(response.blocks.isEmpty)
        #expect(response.stopReason == .contentFilter)
        #expect(response.model == "gemini-2.5-flash")
    }

    @Test("the first candidate (index 0) is read, whatever order the candidates come in")
    func firstCandidate() throws {
        let response = try decode(
            #"{"candidates": [{"content": {"parts": [{"text": "B"}]}, "finishReason": "MAX_TOKENS", "index": 1}, {"content": {"parts": [{"text": "A"}]}, "finishReason": "STOP", "index": 0}]}"#
        )
        #expect(response.blocks == [.text("A")])
        #expect(response.stopReason == .endTurn)
    }

    @Test("Vertex's createTime gives the creation time")
    func createTime() throws {
        #expect(try decode(#"{"candidates": [], "createTime": "2025-05-01T12:34:56.789012Z"}"#).created == 1_746_102_896)
        #expect(try decode(#"{"createTime": "2025-05-01T14:34:56+02:00"}"#).created == 1_746_102_896)
        #expect(try decode(#"{"createTime": "yesterday"}"#).created == 0)
    }

    @Test("an error body throws the mapped error; a non-object body is an upstream failure")
    func errors() throws {
        let body = try json(
            #"{"error": {"code": 400, "message": "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).", "status": "INVALID_ARGUMENT"}}"#
        )
        let error = thrownError { try GeminiGenerateContent.decodeResponse(body) }
        #expect(error?.kind == .invalidRequest)
        #expect(error?.code == "context_length_exceeded")
        #expect(thrownError { try GeminiGenerateContent.decodeResponse([1, 2]) }?.code == "upstream_invalid_response")
    }
}
