import Dialects
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MockProvider
import NIOCore
import Testing

/// The application on a real socket (port 0), as the gateway and the SDKs see it.
@Suite struct MockProviderLiveTests {
    var app: some ApplicationProtocol { buildMockProviderApplication(configuration: MockProviderConfiguration(port: 0)) }

    func post(_ client: some TestClientProtocol, _ body: [UInt8], uri: String = "/v1/chat/completions", headers: HTTPFields = [:]) async throws
        -> TestResponse
    {
        try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    @Test func nonStreamingAnswer() async throws {
        try await app.test(.live) { client in
            let response = try await post(client, chatBody("What is the capital of France?", model: "gpt-4o-mini"))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let json = try JSONParser.parse(Array(response.body.readableBytesView))
            #expect(json["id"] == "chatcmpl-mock-1")
            #expect(json["object"] == "chat.completion" && json["model"] == "gpt-4o-mini")
            let message = json["choices"]?.arrayValue?.first?["message"]
            #expect(message?["content"] == "This is a mock reply to: What is the capital of France?")
            #expect(json["choices"]?.arrayValue?.first?["finish_reason"] == "stop")
            // 3 + (4 + ceil(9/4)) + (4 + ceil(30/4))
            #expect(json["usage"]?["prompt_tokens"] == 22)
            #expect(json["usage"]?["completion_tokens"] == 12)
            #expect(json["usage"]?["total_tokens"] == 34)
        }
    }

    @Test func streamingAnswerIsByteExact() async throws {
        try await app.test(.live) { client in
            let response = try await post(client, chatBody("Stream please [[mock:chunks=3]]", stream: true, includeUsage: true))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/event-stream; charset=utf-8")
            let received = Array(response.body.readableBytesView)

            // Rebuild the expected bytes from the pure logic, with the creation time the server chose.
            var parser = SSEParser()
            let events = try parser.feed(received)
            let created = try JSONParser.parse(try #require(events.first).data)["created"]?.int64Value
            let request = try MockChatRequest(body: chatBody("Stream please [[mock:chunks=3]]", stream: true, includeUsage: true))
            let (directives, quoted) = try MockDirectives.extract(from: request.lastUserText)
            let answer = MockAnswer(request: request, directives: directives, quotedText: quoted)
            let identity = MockCompletionIdentity(id: "chatcmpl-mock-1", created: Int(try #require(created)), model: "mock-small")
            let expected = MockStream.events(for: answer, identity: identity, includeUsage: true, chunkCount: 3)
            #expect(received == Array(expected.map(\.bytes).joined()))

            // role, 3 content chunks, finish, usage, [DONE]
            #expect(events.count == 7)
            #expect(events.last?.isDone == true)
            #expect(events.filter(\.isDone).count == 1)
            let usage = try JSONParser.parse(events[events.count - 2].data)
            #expect(usage["choices"] == [] && usage["usage"]?["completion_tokens"] == 12)
        }
    }

    @Test func inspectionEndpoints() async throws {
        try await app.test(.live) { client in
            let first = chatBody("one")
            let second = chatBody("two", stream: true)
            _ = try await post(client, first)
            _ = try await post(client, second, uri: "/chat/completions")
            let stats = try await client.execute(uri: "/mock/stats", method: .get)
            #expect(try JSONParser.parse(Array(stats.body.readableBytesView)) == ["requests": 2, "streams": 1])
            let last = try await client.execute(uri: "/mock/last-request", method: .get)
            #expect(Array(last.body.readableBytesView) == second)

            let reset = try await client.execute(uri: "/mock/reset", method: .post)
            #expect(try JSONParser.parse(Array(reset.body.readableBytesView)) == ["requests": 0, "streams": 0])
            #expect(try await client.execute(uri: "/mock/last-request", method: .get).status == .notFound)

            let models = try await client.execute(uri: "/v1/models", method: .get)
            #expect(try JSONParser.parse(Array(models.body.readableBytesView))["object"] == "list")
        }
    }

    @Test func errorsAndStatusDirectives() async throws {
        try await app.test(.live) { client in
            let invalid = try await post(client, Array(#"{"model":"m","messages":[]}"#.utf8))
            #expect(invalid.status == .badRequest)
            #expect(try JSONParser.parse(Array(invalid.body.readableBytesView))["error"]?["param"] == "messages")

            let limited = try await post(client, chatBody("Hi [[mock:status=429]]"))
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] == "1")
            #expect(try JSONParser.parse(Array(limited.body.readableBytesView))["error"]?["type"] == "requests")

            let failed = try await post(client, chatBody("Hi [[mock:status=500]]", stream: true))
            #expect(failed.status == .internalServerError)
            #expect(try JSONParser.parse(Array(failed.body.readableBytesView))["error"]?["type"] == "server_error")
        }
    }

    @Test func requiredKey() async throws {
        let app = buildMockProviderApplication(configuration: MockProviderConfiguration(port: 0, requiredAPIKey: "sk-upstream"))
        try await app.test(.live) { client in
            let missing = try await post(client, chatBody("Hi"))
            #expect(missing.status == .unauthorized)
            #expect(try JSONParser.parse(Array(missing.body.readableBytesView))["error"]?["code"] == "invalid_api_key")
            let wrong = try await post(client, chatBody("Hi"), headers: [.authorization: "Bearer sk-client"])
            #expect(wrong.status == .unauthorized)
            #expect(try await post(client, chatBody("Hi"), headers: [.authorization: "Bearer sk-upstream"]).status == .ok)
            #expect(try await client.execute(uri: "/v1/models", method: .get).status == .unauthorized)
        }
    }

    @Test func latencyDelaysTheAnswer() async throws {
        try await app.test(.live) { client in
            let start = ContinuousClock.now
            let response = try await post(client, chatBody("Hi [[mock:latency_ms=150]]"))
            #expect(response.status == .ok)
            #expect(ContinuousClock.now - start >= .milliseconds(150))
        }
    }

    @Test func streamChunksArriveSeparately() async throws {
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let reads = try await RawHTTP.post(
                port: port, path: "/v1/chat/completions", body: chatBody("Hi [[mock:chunks=4]][[mock:delay_ms=60]]", stream: true))
            let response = try RawHTTP.parse(Array(reads.map(\.bytes).joined()))
            #expect(response.complete)
            // Paced chunks are written one by one, so the client reads them separately (no wall-clock assertion).
            #expect(reads.count >= 5, "paced chunks come in separate reads")
            var parser = SSEParser()
            let events = try parser.feed(response.body)
            // role, 4 content chunks, finish, [DONE]
            #expect(events.count == 7)
            #expect(events.last?.isDone == true)
        }
    }

    @Test func failAfterDropsTheConnectionMidStream() async throws {
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let reads = try await RawHTTP.post(
                port: port, path: "/v1/chat/completions",
                body: chatBody("Hi [[mock:fail_after=2]]", stream: true, includeUsage: true))
            let response = try RawHTTP.parse(Array(reads.map(\.bytes).joined()))
            #expect(response.head.hasPrefix("HTTP/1.1 200"))
            #expect(!response.complete, "no terminating zero-length chunk")
            var parser = SSEParser()
            let events = try parser.feed(response.body)
            #expect(events.count == 3)
            let sawDone = events.contains { $0.isDone }
            #expect(!sawDone)
            let finishReasons = try events.map { try JSONParser.parse($0.data)["choices"]?.arrayValue?.first?["finish_reason"] }
            #expect(finishReasons.allSatisfy { $0 == .null })
        }
    }
}
