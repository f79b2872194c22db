import Dialects
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MockProvider
import NIOCore
import Testing

/// Every dialect on a real socket (port 0), as the gateway and the SDKs see it.
@Suite struct MockDialectLiveTests {
    var app: some ApplicationProtocol { buildMockProviderApplication(configuration: MockProviderConfiguration(port: 0)) }

    static let version: HTTPFields = [HTTPField.Name("anthropic-version")!: "2023-06-01"]

    func post(_ client: some TestClientProtocol, _ uri: String, _ body: [UInt8], headers: HTTPFields = [:]) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    func parse(_ response: TestResponse) throws -> JSONValue { try JSONParser.parse(Array(response.body.readableBytesView)) }

    func events(_ response: TestResponse) throws -> [SSEEvent] {
        var parser = SSEParser()
        return try parser.feed(response.body.readableBytesView)
    }

    // MARK: Anthropic

    @Test func anthropicMessage() async throws {
        try await app.test(.live) { client in
            let body = anthropicBody("What is the capital of France?")
            let response = try await post(client, "/v1/messages", body, headers: Self.version)
            #expect(response.status == .ok && response.headers[.contentType] == "application/json")
            let expected = try plannedAnswer(MockChatRequest(anthropicBody: body)).answer
            #expect(Array(response.body.readableBytesView) == MockAnthropicBody.encode(expected, id: "msg_mock_1", model: "claude-mock"))
            let json = try parse(response)
            #expect(json["content"] == [["type": "text", "text": "This is a mock reply to: What is the capital of France?"]])
            // 3 + (4 + ceil(9/4)) + (4 + ceil(30/4))
            #expect(json["usage"]?["input_tokens"] == 22 && json["usage"]?["output_tokens"] == 12)
            #expect(json["stop_reason"] == "end_turn")
            // Also without /v1.
            #expect(try await post(client, "/messages", body, headers: Self.version).status == .ok)
        }
    }

    @Test func anthropicStreamIsByteExact() async throws {
        try await app.test(.live) { client in
            let body = anthropicBody("Stream please [[mock:chunks=3]]", stream: true)
            let response = try await post(client, "/v1/messages", body, headers: Self.version)
            #expect(response.status == .ok && response.headers[.contentType] == "text/event-stream; charset=utf-8")
            let expected = try plannedAnswer(MockChatRequest(anthropicBody: body)).answer
            let bytes = MockAnthropicBody.events(for: expected, id: "msg_mock_1", model: "claude-mock", chunkCount: 3).flatMap(\.bytes)
            #expect(Array(response.body.readableBytesView) == bytes)
            let names = try events(response).map { $0.event }
            #expect(names.first == "message_start" && names[1] == "ping" && names.last == "message_stop")
            #expect(names.filter { $0 == "content_block_delta" }.count == 3)
        }
    }

    @Test func anthropicToolCallsAndToolResult() async throws {
        try await app.test(.live) { client in
            let single = try parse(
                try await post(client, "/v1/messages", anthropicBody("Weather? [[mock:tool=get_weather]]", tools: anthropicTools), headers: Self.version))
            #expect(single["stop_reason"] == "tool_use")
            #expect(single["content"] == [["type": "tool_use", "id": "toolu_mock_1", "name": "get_weather", "input": ["location": "value-location", "days": 42, "metric": true]]])
            #expect(single["usage"]?["output_tokens"] == 15)

            let streamed = try await post(
                client, "/v1/messages", anthropicBody("[[mock:tools=2]]", stream: true, tools: anthropicTools), headers: Self.version)
            let payloads = try events(streamed).map(json)
            var inputs: [Int: String] = [:]
            var ids: [Int: String] = [:]
            for payload in payloads {
                guard let index = payload["index"]?.int64Value.map(Int.init) else { continue }
                if let id = payload["content_block"]?["id"]?.stringValue { ids[index] = id }
                inputs[index, default: ""] += payload["delta"]?["partial_json"]?.stringValue ?? ""
            }
            #expect(ids == [0: "toolu_mock_1", 1: "toolu_mock_2"])
            #expect(inputs == [0: weatherArguments, 1: timeArguments])
            #expect(payloads.first { $0["type"] == "message_delta" }?["delta"]?["stop_reason"] == "tool_use")

            let result = try parse(
                try await post(client, "/v1/messages", anthropicBody(messages: MockAnthropicTests.roundTrip, tools: anthropicTools), headers: Self.version))
            #expect(result["content"] == [["type": "text", "text": "Tool result received: Sunny"]] && result["stop_reason"] == "end_turn")
        }
    }

    @Test func anthropicAuthVersionAndErrors() async throws {
        let app = buildMockProviderApplication(configuration: MockProviderConfiguration(port: 0, requiredAPIKey: "sk-ant-upstream"))
        try await app.test(.live) { client in
            let body = anthropicBody()
            let missing = try await post(client, "/v1/messages", body, headers: Self.version)
            #expect(missing.status == .unauthorized)
            #expect(try parse(missing) == ["type": "error", "error": ["type": "authentication_error", "message": .string(MockError.invalidAnthropicKey().message)]])
            var bearer = Self.version
            bearer[.authorization] = "Bearer sk-ant-upstream"
            #expect(try await post(client, "/v1/messages", body, headers: bearer).status == .ok, "the Python SDK 2.x sends its api_key this way")
            bearer[.authorization] = "Bearer sk-ant-client"
            #expect(try await post(client, "/v1/messages", body, headers: bearer).status == .unauthorized)
            var good = Self.version
            good[HTTPField.Name("x-api-key")!] = "sk-ant-upstream"
            #expect(try await post(client, "/v1/messages", body, headers: good).status == .ok)
            var wrongHeader = Self.version
            wrongHeader[HTTPField.Name("x-api-key")!] = "sk-ant-client"
            #expect(try await post(client, "/v1/messages", body, headers: wrongHeader).status == .unauthorized)

            var noVersion = HTTPFields()
            noVersion[HTTPField.Name("x-api-key")!] = "sk-ant-upstream"
            let unversioned = try await post(client, "/v1/messages", body, headers: noVersion)
            #expect(unversioned.status == .badRequest)
            #expect(try parse(unversioned)["error"]?["type"] == "invalid_request_error")

            let invalid = try await post(client, "/v1/messages", anthropicBody(maxTokens: nil), headers: good)
            #expect(invalid.status == .badRequest)
            #expect(try parse(invalid)["error"]?["message"] == "max_tokens: Field required")

            let limited = try await post(client, "/v1/messages", anthropicBody("Hi [[mock:status=429]]"), headers: good)
            #expect(limited.status == .tooManyRequests && limited.headers[.retryAfter] == "1")
            #expect(try parse(limited)["error"]?["type"] == "rate_limit_error")
            let overloaded = try await post(client, "/v1/messages", anthropicBody("Hi [[mock:status=529]]", stream: true), headers: good)
            #expect(overloaded.status.code == 529)
            #expect(try parse(overloaded)["error"]?["type"] == "overloaded_error")
            let unknownTool = try await post(client, "/v1/messages", anthropicBody("[[mock:tool=nope]]", tools: anthropicTools), headers: good)
            #expect(unknownTool.status == .badRequest)
            #expect(try parse(unknownTool)["type"] == "error")
        }
    }

    @Test func anthropicPacingAndFailAfter() async throws {
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let headers = [("anthropic-version", "2023-06-01")]
            let start = ContinuousClock.now
            let reads = try await RawHTTP.post(
                port: port, path: "/v1/messages", body: anthropicBody("Hi [[mock:chunks=3]][[mock:delay_ms=60]]", stream: true), headers: headers)
            let response = try RawHTTP.parse(Array(reads.map(\.bytes).joined()))
            #expect(response.complete)
            // Four paced steps (3 text deltas + message_delta) of 60 ms each.
            #expect(ContinuousClock.now - start >= .milliseconds(240))
            #expect(reads.count >= 4, "paced events come in separate reads")

            let failed = try await RawHTTP.post(
                port: port, path: "/v1/messages", body: anthropicBody("Hi [[mock:fail_after=2]][[mock:chunks=4]]", stream: true), headers: headers)
            let cut = try RawHTTP.parse(Array(failed.map(\.bytes).joined()))
            #expect(cut.head.hasPrefix("HTTP/1.1 200") && !cut.complete)
            var parser = SSEParser()
            let names = try parser.feed(cut.body).map(\.event)
            #expect(names == ["message_start", "ping", "content_block_start", "content_block_delta", "content_block_delta"])
        }
    }

    // MARK: Gemini

    @Test func geminiGenerateContent() async throws {
        try await app.test(.live) { client in
            let body = geminiBody("What is the capital of France?")
            let response = try await post(client, "/v1beta/models/gemini-2.5-flash:generateContent", body)
            #expect(response.status == .ok && response.headers[.contentType] == "application/json")
            let expected = try plannedAnswer(MockChatRequest(geminiBody: body, model: "gemini-2.5-flash", stream: false)).answer
            #expect(Array(response.body.readableBytesView) == MockGeminiBody.encode(expected, responseID: "mock-resp-1", model: "gemini-2.5-flash"))
            let json = try parse(response)
            #expect(json["candidates"]?.arrayValue?.first?["content"]?["parts"] == [["text": "This is a mock reply to: What is the capital of France?"]])
            #expect(json["usageMetadata"] == ["promptTokenCount": 22, "candidatesTokenCount": 12, "totalTokenCount": 34])
            #expect(try await post(client, "/v1/models/gemini-2.5-flash:generateContent", body).status == .ok)
        }
    }

    @Test func geminiStreamIsByteExact() async throws {
        try await app.test(.live) { client in
            let body = geminiBody("Stream please [[mock:chunks=3]]")
            let response = try await post(client, "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", body)
            #expect(response.status == .ok && response.headers[.contentType] == "text/event-stream")
            let expected = try plannedAnswer(MockChatRequest(geminiBody: body, model: "gemini-2.5-flash", stream: true)).answer
            let bytes = MockGeminiBody.events(for: expected, responseID: "mock-resp-1", model: "gemini-2.5-flash", chunkCount: 3).flatMap(\.bytes)
            #expect(Array(response.body.readableBytesView) == bytes)
            let chunks = try events(response).map(json)
            #expect(chunks.count == 3)
            #expect(chunks.map { $0["usageMetadata"]?["candidatesTokenCount"] } == [4, 8, 12])
            #expect(!String(decoding: response.body.readableBytesView, as: UTF8.self).contains("[DONE]"), "Gemini streams have no terminator")

            let noAlt = try await post(client, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", body)
            #expect(noAlt.status == .badRequest)
            #expect(try parse(noAlt)["error"]?["status"] == "INVALID_ARGUMENT")
            let unknown = try await post(client, "/v1beta/models/gemini-2.5-flash:countTokens", body)
            #expect(unknown.status == .notFound)
            #expect(try parse(unknown)["error"]?["status"] == "NOT_FOUND")
        }
    }

    @Test func geminiToolCallsAndToolResult() async throws {
        try await app.test(.live) { client in
            let single = try parse(try await post(client, "/v1beta/models/g:generateContent", geminiBody("[[mock:tool]]", tools: geminiTools)))
            let candidate = single["candidates"]?.arrayValue?.first
            #expect(candidate?["content"]?["parts"] == [["functionCall": ["name": "get_weather", "args": ["location": "value-location", "days": 42, "metric": true]]]])
            #expect(candidate?["finishReason"] == "STOP" && single["usageMetadata"]?["candidatesTokenCount"] == 15)

            let streamed = try await post(client, "/v1beta/models/g:streamGenerateContent?alt=sse", geminiBody("[[mock:tools=3]]", tools: geminiTools))
            let chunks = try events(streamed).map(json)
            let calls = chunks.compactMap { $0["candidates"]?.arrayValue?.first?["content"]?["parts"]?.arrayValue?.first?["functionCall"] }
            #expect(calls.map { $0["name"]?.stringValue } == ["get_weather", "get_time", "ping"])
            #expect(calls.map { JSONWriter.string($0["args"]!) } == [weatherArguments, timeArguments, "{}"])
            #expect(chunks.last?["usageMetadata"]?["candidatesTokenCount"] == 27)

            let result = try parse(try await post(client, "/v1beta/models/g:generateContent", geminiBody(system: nil, contents: MockGeminiTests.roundTrip, tools: geminiTools)))
            #expect(result["candidates"]?.arrayValue?.first?["content"]?["parts"] == [["text": "Tool result received: Sunny"]])
        }
    }

    @Test func geminiAuthAndDirectives() async throws {
        let app = buildMockProviderApplication(configuration: MockProviderConfiguration(port: 0, requiredAPIKey: "AIza-upstream"))
        try await app.test(.live) { client in
            let uri = "/v1beta/models/gemini-2.5-flash:generateContent"
            let missing = try await post(client, uri, geminiBody())
            #expect(missing.status == .forbidden)
            #expect(try parse(missing)["error"]?["status"] == "PERMISSION_DENIED")
            let wrong = try await post(client, uri, geminiBody(), headers: [HTTPField.Name("x-goog-api-key")!: "AIza-client"])
            #expect(wrong.status == .unauthorized)
            let wrongJSON = try parse(wrong)
            #expect(wrongJSON["error"]?["code"] == 401 && wrongJSON["error"]?["status"] == "UNAUTHENTICATED")
            #expect(try await post(client, uri, geminiBody(), headers: [.authorization: "Bearer AIza-upstream"]).status == .forbidden)
            let good: HTTPFields = [HTTPField.Name("x-goog-api-key")!: "AIza-upstream"]
            #expect(try await post(client, uri, geminiBody(), headers: good).status == .ok)
            #expect(try await post(client, uri + "?key=AIza-upstream", geminiBody()).status == .ok)
            #expect(try await post(client, uri + "?key=nope", geminiBody()).status == .unauthorized)

            let limited = try await post(client, uri, geminiBody("Hi [[mock:status=429]]"), headers: good)
            #expect(limited.status == .tooManyRequests)
            #expect(try parse(limited) == ["error": ["code": 429, "message": .string(MockError.simulated(status: 429).message), "status": "RESOURCE_EXHAUSTED"]])
            let start = ContinuousClock.now
            #expect(try await post(client, uri, geminiBody("Hi [[mock:latency_ms=120]]"), headers: good).status == .ok)
            #expect(ContinuousClock.now - start >= .milliseconds(120))
            let noUsage = try parse(try await post(client, uri, geminiBody("Hi [[mock:no_usage]][[mock:words=2]]"), headers: good))
            #expect(noUsage["usageMetadata"] == nil && noUsage["candidates"]?.arrayValue?.first?["content"]?["parts"] == [["text": "This is"]])
        }
    }

    @Test func geminiFailAfterDropsTheStream() async throws {
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let reads = try await RawHTTP.post(
                port: port, path: "/v1beta/models/g:streamGenerateContent?alt=sse", body: geminiBody("Hi [[mock:chunks=4]][[mock:fail_after=2]]"))
            let response = try RawHTTP.parse(Array(reads.map(\.bytes).joined()))
            #expect(response.head.hasPrefix("HTTP/1.1 200") && !response.complete)
            var parser = SSEParser()
            let chunks = try parser.feed(response.body).map(json)
            #expect(chunks.count == 2)
            #expect(chunks.allSatisfy { $0["candidates"]?.arrayValue?.first?["finishReason"] == nil })
        }
    }

    // MARK: OpenAI tools, and all dialects together

    @Test func openAIToolCalls() async throws {
        try await app.test(.live) { client in
            let body = openAIBody(messages: [["role": "user", "content": "Weather? [[mock:tool=get_weather]]"]], extra: [("tools", openAITools)])
            let completion = try parse(try await post(client, "/v1/chat/completions", body))
            let choice = completion["choices"]?.arrayValue?.first
            #expect(choice?["finish_reason"] == "tool_calls")
            #expect(choice?["message"]?["tool_calls"] == [["id": "call_mock_1", "type": "function", "function": ["name": "get_weather", "arguments": .string(weatherArguments)]]])

            let streamBody = openAIBody(messages: [["role": "user", "content": "[[mock:tools=2]]"]], stream: true, extra: [("tools", openAITools)])
            let streamed = try await post(client, "/v1/chat/completions", streamBody)
            let chunks = try events(streamed).filter { !$0.isDone }.map(json)
            var arguments: [Int64: String] = [:]
            for chunk in chunks {
                for fragment in chunk["choices"]?.arrayValue?.first?["delta"]?["tool_calls"]?.arrayValue ?? [] {
                    arguments[fragment["index"]!.int64Value!, default: ""] += fragment["function"]?["arguments"]?.stringValue ?? ""
                }
            }
            #expect(arguments == [0: weatherArguments, 1: timeArguments])
            #expect(try events(streamed).last?.isDone == true)

            let result = try parse(
                try await post(client, "/v1/chat/completions", openAIBody(messages: MockOpenAIToolTests.roundTrip, extra: [("tools", openAITools)])))
            #expect(result["choices"]?.arrayValue?.first?["message"]?["content"] == "Tool result received: 18°C and sunny in value-location, light")
        }
    }

    @Test func statsAndLastRequestCoverEveryDialect() async throws {
        try await app.test(.live) { client in
            _ = try await post(client, "/v1/chat/completions", chatBody("one"))
            _ = try await post(client, "/v1/messages", anthropicBody("two", stream: true), headers: Self.version)
            _ = try await post(client, "/v1/messages", anthropicBody("unversioned"))
            let last = geminiBody("three")
            _ = try await post(client, "/v1beta/models/g:streamGenerateContent?alt=sse", last)
            let stats = try parse(try await client.execute(uri: "/mock/stats", method: .get))
            #expect(stats == ["requests": 4, "streams": 2])
            let lastRequest = try await client.execute(uri: "/mock/last-request", method: .get)
            #expect(Array(lastRequest.body.readableBytesView) == last)
        }
    }
}
