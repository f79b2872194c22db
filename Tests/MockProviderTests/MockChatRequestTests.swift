import MockProvider
import Testing

@Suite struct MockChatRequestTests {
    @Test func readsTheFieldsTheAnswerDependsOn() throws {
        let request = try MockChatRequest(body: chatBody("Hi", model: "gpt-x", stream: true, includeUsage: true, maxTokens: 9, n: 2))
        #expect(request.model == "gpt-x")
        #expect(request.stream && request.includeUsage)
        #expect(request.maxTokens == 9 && request.choices == 2)
        #expect(request.lastUserText == "Hi")
    }

    @Test func defaults() throws {
        let request = try MockChatRequest(body: Array(#"{"model":"m","messages":[{"role":"user","content":"x"}]}"#.utf8))
        #expect(!request.stream && !request.includeUsage && request.maxTokens == nil && request.choices == 1)
    }

    @Test func lastUserMessageWinsAndPartsAreRead() throws {
        let body = #"{"model":"m","messages":[{"role":"user","content":"first"},{"role":"assistant","content":"ok"},"#
            + #"{"role":"user","content":[{"type":"text","text":"second "},{"type":"text","text":"part"}]},{"role":"assistant","content":null}]}"#
        #expect(try MockChatRequest(body: Array(body.utf8)).lastUserText == "second part")
    }

    @Test(arguments: [
        (#"[1,2]"#, nil),
        (#"{"model":"m","messages":[{"role":"user","content":"x"}]"#, nil),
        (#"{"messages":[{"role":"user","content":"x"}]}"#, "model"),
        (#"{"model":7,"messages":[{"role":"user","content":"x"}]}"#, "model"),
        (#"{"model":"m"}"#, "messages"),
        (#"{"model":"m","messages":[]}"#, "messages"),
        (#"{"model":"m","messages":{}}"#, "messages"),
        (#"{"model":"m","messages":["hi"]}"#, "messages.[0]"),
        (#"{"model":"m","messages":[{"role":"user","content":"x"}],"stream":"yes"}"#, "stream"),
        (#"{"model":"m","messages":[{"role":"user","content":"x"}],"stream_options":{"include_usage":1}}"#, "stream_options.include_usage"),
        (#"{"model":"m","messages":[{"role":"user","content":"x"}],"max_tokens":-1}"#, "max_tokens"),
        (#"{"model":"m","messages":[{"role":"user","content":"x"}],"max_completion_tokens":1.5}"#, "max_completion_tokens"),
        (#"{"model":"m","messages":[{"role":"user","content":"x"}],"n":0}"#, "n"),
    ] as [(String, String?)])
    func invalidBodiesAreOpenAIStyle400s(body: String, param: String?) {
        #expect {
            try MockChatRequest(body: Array(body.utf8))
        } throws: { error in
            guard let error = error as? MockError else { return false }
            return error.status == 400 && error.type == "invalid_request_error" && error.param == param
        }
    }

    @Test func nullsMeanUnset() throws {
        let body = #"{"model":"m","messages":[{"role":"user","content":"x"}],"stream":null,"stream_options":null,"max_tokens":null,"n":null}"#
        let request = try MockChatRequest(body: Array(body.utf8))
        #expect(!request.stream && request.maxTokens == nil && request.choices == 1)
    }
}
