import Dialects
import Testing
import TokModelCore

private func request(_ json: String) throws(GatewayError) -> OpenAIChatRequest {
    try OpenAIChatRequest(bytes: Array(json.utf8))
}

/// The error thrown for `json`, or nil when it is accepted.
private func requestError(_ bytes: [UInt8]) -> GatewayError? {
    do {
        _ = try OpenAIChatRequest(bytes: bytes)
        return nil
    } catch {
        return error
    }
}

private let hi = #"[{"role":"user","content":"hi"}]"#

@Suite("OpenAIChatRequest")
struct OpenAIChatRequestTests {
    @Test("a minimal request")
    func minimal() throws {
        let json = #"{"model":"openai/gpt-4o","messages":\#(hi)}"#
        let parsed = try request(json)
        #expect(parsed.model == "openai/gpt-4o")
        #expect(parsed.stream == false)
        #expect(parsed.clientWantsStreamUsage == false)
        #expect(parsed.maxOutputTokens == nil)
        #expect(parsed.choices == 1)
        #expect(parsed.imageParts == 0)
        #expect(parsed.byteCount == json.utf8.count)
    }

    @Test("stream and include_usage")
    func stream() throws {
        #expect(try request(#"{"model":"m","messages":\#(hi),"stream":true}"#).stream)
        #expect(try !request(#"{"model":"m","messages":\#(hi),"stream":false}"#).stream)
        #expect(try !request(#"{"model":"m","messages":\#(hi),"stream":null}"#).stream)
        let withUsage = try request(#"{"model":"m","messages":\#(hi),"stream":true,"stream_options":{"include_usage":true}}"#)
        #expect(withUsage.stream)
        #expect(withUsage.clientWantsStreamUsage)
        #expect(try !request(#"{"model":"m","messages":\#(hi),"stream":true,"stream_options":{"include_usage":false}}"#).clientWantsStreamUsage)
        #expect(try !request(#"{"model":"m","messages":\#(hi),"stream":true,"stream_options":{}}"#).clientWantsStreamUsage)
        #expect(try !request(#"{"model":"m","messages":\#(hi),"stream":true,"stream_options":null}"#).clientWantsStreamUsage)
    }

    @Test(
        "max_tokens and max_completion_tokens: the larger of the two",
        arguments: [
            (#""max_tokens":100"#, Int64(100) as Int64?),
            (#""max_completion_tokens":200"#, 200),
            (#""max_tokens":100,"max_completion_tokens":200"#, 200),
            (#""max_completion_tokens":200,"max_tokens":300"#, 300),
            (#""max_tokens":null"#, nil),
            (#""max_tokens":null,"max_completion_tokens":7"#, 7),
            (#""max_tokens":1e3"#, 1_000),
            (#""max_tokens":12.0"#, 12),
            (#""max_tokens":1000000"#, 1_000_000),
            (#""max_tokens":1"#, 1),
        ])
    func maxTokens(fields: String, expected: Int64?) throws {
        #expect(try request(#"{"model":"m","messages":\#(hi),\#(fields)}"#).maxOutputTokens == expected)
    }

    @Test("n", arguments: [(#""n":3"#, Int64(3)), (#""n":1"#, 1), (#""n":128"#, 128), (#""n":null"#, 1), ("\"x\":0", 1)])
    func choices(fields: String, expected: Int64) throws {
        #expect(try request(#"{"model":"m","messages":\#(hi),\#(fields)}"#).choices == expected)
    }

    @Test("image parts are counted")
    func images() throws {
        let json = """
            {"model":"m","messages":[{"role":"user","content":[
              {"type":"text","text":"what is \\"image_url\\" here?"},
              {"type":"image_url","image_url":{"url":"https://x.example/a.png"}},
              {"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]}]}
            """
        let parsed = try request(json)
        // Two parts, each with "type":"image_url" and an "image_url" member; the text's mention does not count.
        #expect(parsed.imageParts == 2)
        #expect(parsed.inputTokenBound == Int64(json.utf8.count) + 2 * OpenAIChatRequest.imageTokenAllowance)
        #expect(parsed.inputTokenEstimate == Int64(json.utf8.count / 4) + 2 * 765)
    }

    @Test(
        "image parts: one per image_url member, however it is spaced",
        arguments: [
            (#"[{"role":"user","content":"hi"}]"#, 0),
            (#"[{"role":"user","content":[{"type":"image_url","image_url":"https://x.example/a.png"}]}]"#, 1),
            (#"[{"role":"user","content":[{"image_url" : {"url":"u"},"type" : "image_url"}]}]"#, 1),
            ("[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\"\n\t:{\"url\":\"u\"}}]}]", 1),
            (#"[{"role":"user","content":"say \"image_url\": please"}]"#, 0),
            (#"[{"role":"user","content":[{"type":"image_url","image_url":{"url":"a"}},{"type":"text","text":"x"}]},{"role":"user","content":[{"type":"image_url","image_url":{"url":"b"}},{"type":"image_url","image_url":{"url":"c"}}]}]"#, 3),
        ] as [(String, Int)])
    func imageCount(messages: String, expected: Int) throws {
        #expect(try request(#"{"model":"m","messages":\#(messages)}"#).imageParts == expected)
    }

    @Test("the input token bound is at least the byte count")
    func inputBound() throws {
        for text in ["", "hi", String(repeating: "é", count: 1_000), "😀 emoji"] {
            let body = JSONWriter.bytes(["model": "m", "messages": [["role": "user", "content": .string(text)]]])
            let parsed = try OpenAIChatRequest(bytes: body)
            #expect(parsed.inputTokenBound >= Int64(body.count))
            #expect(parsed.byteCount == body.count)
        }
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        var json: String
        var param: String?
        var code: String
        var testDescription: String { json }
    }

    static let invalid: [Invalid] = [
        Invalid(json: #"{"messages":\#(hi)}"#, param: "model", code: "missing_required_parameter"),
        Invalid(json: #"{"model":5,"messages":\#(hi)}"#, param: "model", code: "invalid_value"),
        Invalid(json: #"{"model":"","messages":\#(hi)}"#, param: "model", code: "invalid_value"),
        Invalid(json: #"{"model":null,"messages":\#(hi)}"#, param: "model", code: "invalid_value"),
        Invalid(json: #"{"model":["m"],"messages":\#(hi)}"#, param: "model", code: "invalid_value"),
        Invalid(json: #"{"model":"m"}"#, param: "messages", code: "missing_required_parameter"),
        Invalid(json: #"{"model":"m","messages":[]}"#, param: "messages", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":[ \#n\#t ]}"#, param: "messages", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":{}}"#, param: "messages", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":"hi"}"#, param: "messages", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":null}"#, param: "messages", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":\#(hi),"stream":"true"}"#, param: "stream", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":\#(hi),"stream":1}"#, param: "stream", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":\#(hi),"stream_options":"x"}"#, param: "stream_options", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":\#(hi),"stream_options":{"include_usage":"yes"}}"#, param: "stream_options.include_usage", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":\#(hi),"max_tokens":0}"#, param: "max_tokens", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":\#(hi),"max_tokens":-1}"#, param: "max_tokens", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":\#(hi),"max_tokens":1.5}"#, param: "max_tokens", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":\#(hi),"max_tokens":"10"}"#, param: "max_tokens", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":\#(hi),"max_tokens":true}"#, param: "max_tokens", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":\#(hi),"max_tokens":1000001}"#, param: "max_tokens", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":\#(hi),"max_tokens":1e30}"#, param: "max_tokens", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":\#(hi),"max_completion_tokens":0}"#, param: "max_completion_tokens", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":\#(hi),"max_tokens":5,"max_completion_tokens":2000000}"#, param: "max_completion_tokens", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":\#(hi),"n":0}"#, param: "n", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":\#(hi),"n":129}"#, param: "n", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":\#(hi),"n":-3}"#, param: "n", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":\#(hi),"n":1.5}"#, param: "n", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":\#(hi),"n":"2"}"#, param: "n", code: "invalid_value"),
        Invalid(json: #"{"model":"m","messages":"#, param: nil, code: "invalid_json"),
        Invalid(json: #"[{"model":"m"}]"#, param: nil, code: "invalid_json"),
        Invalid(json: "", param: nil, code: "invalid_json"),
        Invalid(json: #"{"model":"m","messages":\#(hi),}"#, param: nil, code: "invalid_json"),
        Invalid(json: #"{"model":"\ud800","messages":\#(hi)}"#, param: nil, code: "invalid_json"),
    ]

    @Test("invalid requests are 400 errors naming the parameter", arguments: invalid)
    func rejects(invalid: Invalid) throws {
        let error = try #require(requestError(Array(invalid.json.utf8)))
        #expect(error.kind == .invalidRequest)
        #expect(error.status == 400)
        #expect(error.param == invalid.param)
        #expect(error.code == invalid.code)
        if let param = invalid.param { #expect(error.message.contains("'\(param)'")) }
    }

    @Test("invalid UTF-8 is invalid JSON and the message says where")
    func invalidUTF8() throws {
        let prefix = Array(#"{"model":"m","messages":[{"role":"user","content":""#.utf8)
        let bytes = prefix + [0xC0, 0x80] + Array(#""}]}"#.utf8)
        let error = try #require(requestError(bytes))
        #expect(error.code == "invalid_json")
        #expect(error.message == "The request body is not valid JSON: invalid UTF-8 at byte \(prefix.count).")
    }

    // MARK: Upstream body

    @Test("non-stream: only the model changes, every other byte is kept")
    func upstreamNonStream() throws {
        let json = """
            { "model" : "openai/gpt-4o" ,"messages":[{"role":"user","content":"h\\u00e9 é \\"q\\""}],
              "temperature":0.70,"seed":12345678901234567890,"logit_bias":{"50256":-100},"stream":false }
            """
        let body = try request(json).upstreamBody(upstreamModel: "gpt-4o")
        #expect(text(body) == json.replacing(#""openai/gpt-4o""#, with: #""gpt-4o""#))
    }

    @Test("stream without include_usage: include_usage forced on, appended")
    func upstreamStreamAppends() throws {
        let json = #"{"model":"a/m","messages":\#(hi),"stream":true}"#
        let body = try request(json).upstreamBody(upstreamModel: "m")
        #expect(text(body) == #"{"model":"m","messages":\#(hi),"stream":true,"stream_options":{"include_usage":true}}"#)
    }

    @Test("stream with other stream_options: they are kept and include_usage is set to true")
    func upstreamStreamKeepsOptions() throws {
        let falseFirst = #"{"model":"a/m","stream":true,"stream_options":{"include_usage":false,"extra":1.50},"messages":\#(hi)}"#
        #expect(
            text(try request(falseFirst).upstreamBody(upstreamModel: "m"))
                == #"{"model":"m","stream":true,"stream_options":{"include_usage":true,"extra":1.50},"messages":\#(hi)}"#)
        let otherOnly = #"{"model":"a/m","stream":true,"stream_options":{"other":"x"},"messages":\#(hi)}"#
        #expect(
            text(try request(otherOnly).upstreamBody(upstreamModel: "m"))
                == #"{"model":"m","stream":true,"stream_options":{"other":"x","include_usage":true},"messages":\#(hi)}"#)
        let null = #"{"model":"a/m","stream":true,"stream_options":null,"messages":\#(hi)}"#
        #expect(
            text(try request(null).upstreamBody(upstreamModel: "m"))
                == #"{"model":"m","stream":true,"stream_options":{"include_usage":true},"messages":\#(hi)}"#)
    }

    @Test("stream with include_usage already true: only the model changes")
    func upstreamStreamUnchanged() throws {
        let json = #"{"model":"a/m","stream":true,"stream_options":{ "include_usage" : true , "x":[1]},"messages":\#(hi)}"#
        #expect(text(try request(json).upstreamBody(upstreamModel: "m")) == json.replacing(#""a/m""#, with: #""m""#))
    }

    @Test("non-stream requests get no stream_options")
    func upstreamNoOptionsWithoutStream() throws {
        let json = #"{"model":"a/m","messages":\#(hi),"stream_options":{"include_usage":false}}"#
        #expect(text(try request(json).upstreamBody(upstreamModel: "m")) == json.replacing(#""a/m""#, with: #""m""#))
    }

    @Test("the upstream model is JSON-escaped and the body parses")
    func upstreamEscapes() throws {
        let body = try request(#"{"model":"a/m","messages":\#(hi),"stream":true}"#).upstreamBody(upstreamModel: "we\"ird\\model\n")
        let value = try JSONParser.parse(body)
        #expect(value["model"] == .string("we\"ird\\model\n"))
        #expect(value["stream_options"] == ["include_usage": true])
        #expect(value["messages"] == (try JSONParser.parse(hi)))
    }
}
