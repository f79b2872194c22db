import Dialects
import MockProvider
import Testing

@Suite struct MockCompletionBodyTests {
    @Test func completionHasOpenAIShape() throws {
        let (request, _, answer) = try answer("Hello \"quoted\"\n", n: 2)
        let identity = MockCompletionIdentity(id: "chatcmpl-mock-1", created: 42, model: request.model)
        let json = try JSONParser.parse(MockCompletionBody.encode(answer, identity: identity))
        #expect(json.objectValue?.map(\.0) == ["id", "object", "created", "model", "choices", "usage", "system_fingerprint"])
        #expect(json["object"] == "chat.completion" && json["id"] == "chatcmpl-mock-1" && json["created"] == 42)
        #expect(json["model"] == "mock-small" && json["system_fingerprint"] == "fp_mock")
        let choices = try #require(json["choices"]?.arrayValue)
        #expect(choices.count == 2)
        for (index, choice) in choices.enumerated() {
            #expect(
                choice == [
                    "index": .int(index), "message": ["role": "assistant", "content": .string(answer.text)], "logprobs": nil,
                    "finish_reason": "stop",
                ])
        }
        #expect(answer.text.contains("\"quoted\""))
        let usage = try #require(json["usage"])
        #expect(usage["prompt_tokens"] == .int(request.promptTokens))
        #expect(usage["completion_tokens"] == 24)
        #expect(usage["total_tokens"] == .int(request.promptTokens + 24))
        #expect(usage["completion_tokens_details"]?["reasoning_tokens"] == 0)
    }

    @Test func noUsageOmitsTheUsageMember() throws {
        let answer = try answer("Hi [[mock:no_usage]]").answer
        let body = MockCompletionBody.encode(answer, identity: MockCompletionIdentity(id: "x", created: 1, model: "m"))
        #expect(try JSONParser.parse(body)["usage"] == nil)
    }

    @Test func errorBodiesAreOpenAIShaped() throws {
        let error = MockError.invalidRequest("Bad \"thing\".", param: "model")
        #expect(try JSONParser.parse(error.body) == ["error": ["message": "Bad \"thing\".", "type": "invalid_request_error", "param": "model", "code": nil]])
        let limited = MockError.simulated(status: 429)
        #expect(limited.headers.map(\.name) == ["retry-after"] && limited.headers.map(\.value) == ["1"])
        #expect(try JSONParser.parse(limited.body)["error"]?["code"] == "rate_limit_exceeded")
        #expect(MockError.simulated(status: 500).type == "server_error" && MockError.simulated(status: 500).headers.isEmpty)
        #expect(MockError.invalidAPIKey().status == 401 && MockError.invalidAPIKey().code == "invalid_api_key")
    }

    @Test func modelsAndStatsBodies() throws {
        let models = try JSONParser.parse(MockModels.body)
        #expect(models["object"] == "list")
        #expect(models["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == MockModels.ids)
        #expect(models["data"]?.arrayValue?.allSatisfy { $0["object"] == "model" } == true)
        #expect(try JSONParser.parse(MockStats(requests: 3, streams: 1).body) == ["requests": 3, "streams": 1])
    }
}
