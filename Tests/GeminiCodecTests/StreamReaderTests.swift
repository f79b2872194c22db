import Conversation
import Dialects
import GeminiCodec
import Testing
import TokModelCore

@Suite("Gemini stream reader: edge cases")
struct StreamReaderTests {
    func event(_ json: String) -> SSEEvent { SSEEvent(data: Array(json.utf8)) }

    @Test("an empty body is an error, not a silent empty answer")
    func emptyBody() throws {
        #expect(
            try readStream("") == [
                .error(GatewayError(.upstreamFailed, "The provider's stream ended without sending a response.", code: "upstream_empty_stream")),
                .end,
            ])
    }

    @Test("an error before anything else comes without .start, so the edge can still answer with an HTTP error")
    func errorFirst() throws {
        let body = StreamFixtures.sse([
            #"{"error": {"code": 429,"message": "Resource has been exhausted (e.g. check quota).","status": "RESOURCE_EXHAUSTED","details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo","retryDelay": "31s"}]}}"#
        ])
        let events = try readStream(body)
        #expect(
            events == [
                .error(
                    GatewayError(
                        .rateLimited(retryAfterSeconds: 31), "The provider is rate-limiting requests: Resource has been exhausted (e.g. check quota).",
                        code: "upstream_rate_limited")),
                .end,
            ])
    }

    @Test("nothing is read after the end, and finish after an error adds nothing")
    func afterEnd() throws {
        var reader = GeminiGenerateContent.StreamReader()
        _ = try reader.read(event(#"{"error": {"code": 500, "message": "Internal error", "status": "INTERNAL"}}"#))
        #expect(try reader.read(event(#"{"candidates": [{"content": {"parts": [{"text": "late"}]}}]}"#)) == [])
        #expect(reader.finish() == [])
        #expect(reader.finish() == [])
    }

    @Test("data that is not a JSON object is refused with an upstream error")
    func invalidData() {
        var reader = GeminiGenerateContent.StreamReader()
        #expect(thrownError { try reader.read(event("{\"candidates\": [")) }?.code == "upstream_invalid_response")
        #expect(thrownError { try reader.read(event("[1, 2]")) }?.code == "upstream_invalid_response")
        #expect(thrownError { try reader.read(event("[1, 2]")) }?.kind == .upstreamFailed)
    }

    @Test("blank events and a stray [DONE] are ignored")
    func ignoredEvents() throws {
        var reader = GeminiGenerateContent.StreamReader()
        #expect(try reader.read(event("")) == [])
        #expect(try reader.read(event(" \r\n")) == [])
        #expect(try reader.read(event("[DONE]")) == [])
    }

    @Test("only the first candidate is followed; unknown part kinds are skipped")
    func firstCandidateOnly() throws {
        var reader = GeminiGenerateContent.StreamReader()
        let events = try reader.read(
            event(
                #"{"candidates": [{"content": {"parts": [{"text": "second"}]},"index": 1},{"content": {"parts": [{"executableCode": {"language": "PYTHON","code": "print(1)"}},{"text": "first"},{"inlineData": {"mimeType": "image/png","data": "AAAA"}}]},"index": 0,"finishReason": "STOP"}],"responseId": "r"}"#
            ))
        #expect(
            events == [
                .start(id: "r", model: ""),
                .blockStart(index: 0, kind: .text),
                .textDelta(index: 0, text: "first"),
                .blockStop(index: 0),
                .finish(.endTurn, stopSequence: nil),
            ])
    }

    @Test("content after the finish reason is ignored, later usage is still reported")
    func afterFinish() throws {
        var reader = GeminiGenerateContent.StreamReader()
        _ = try reader.read(event(#"{"candidates": [{"content": {"parts": [{"text": "done"}]},"finishReason": "STOP"}]}"#))
        let late = try reader.read(
            event(#"{"candidates": [{"content": {"parts": [{"text": "extra"}]}}],"usageMetadata": {"promptTokenCount": 3,"candidatesTokenCount": 1}}"#))
        #expect(late == [.usage(Usage(inputTokens: 3, outputTokens: 1))])
        #expect(reader.finish() == [.end])
    }

    @Test("block indices stay contiguous across thinking, text, calls and text again")
    func contiguousIndices() throws {
        var reader = GeminiGenerateContent.StreamReader()
        var events = try reader.read(
            event(
                #"{"candidates": [{"content": {"parts": [{"text": "hmm","thought": true},{"text": "Checking."},{"functionCall": {"name": "a","args": {"n": 1.50}}}]}}],"responseId": "r9"}"#
            ))
        events += try reader.read(
            event(#"{"candidates": [{"content": {"parts": [{"text": "Also "},{"functionCall": {"name": "b","args": null}},{"thought": true}]},"finishReason": "STOP"}]}"#))
        events += reader.finish()
        #expect(
            events == [
                .start(id: "r9", model: ""),
                .blockStart(index: 0, kind: .thinking),
                .thinkingDelta(index: 0, text: "hmm"),
                .blockStop(index: 0),
                .blockStart(index: 1, kind: .text),
                .textDelta(index: 1, text: "Checking."),
                .blockStop(index: 1),
                .blockStart(index: 2, kind: .toolCall(id: "call_r9_0", name: "a")),
                .toolArgumentsDelta(index: 2, json: #"{"n":1.50}"#),
                .blockStop(index: 2),
                .blockStart(index: 3, kind: .text),
                .textDelta(index: 3, text: "Also "),
                .blockStop(index: 3),
                .blockStart(index: 4, kind: .toolCall(id: "call_r9_1", name: "b")),
                .toolArgumentsDelta(index: 4, json: "{}"),
                .blockStop(index: 4),
                .finish(.toolUse, stopSequence: nil),
                .end,
            ])
    }

    @Test("a malformed function call finish keeps Gemini's reason by name")
    func malformedFunctionCall() throws {
        var reader = GeminiGenerateContent.StreamReader()
        let events = try reader.read(event(#"{"candidates": [{"finishReason": "MALFORMED_FUNCTION_CALL","finishMessage": "Malformed function call: x"}],"responseId": "m"}"#))
        #expect(events == [.start(id: "m", model: ""), .finish(.other("MALFORMED_FUNCTION_CALL"), stopSequence: nil)])
    }
}
