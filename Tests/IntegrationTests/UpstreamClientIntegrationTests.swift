import Dialects
import Foundation
import MockProvider
import NIOCore
import Testing
import UpstreamClient

/// A response body read to its end: the buffers as they arrived, and how it ended.
struct ReceivedBody: Sendable {
    var buffers: [[UInt8]] = []
    var error: (any Error)?
    var bytes: [UInt8] { buffers.flatMap { $0 } }
    var upstreamError: UpstreamError? { error as? UpstreamError }
}

extension UpstreamResponse {
    func collect(pauseEvery: Int = 0, pauseMillis: Int = 0) async -> ReceivedBody {
        var received = ReceivedBody()
        do {
            for try await buffer in body {
                received.buffers.append(Array(buffer.readableBytesView))
                if pauseEvery > 0, received.buffers.count % pauseEvery == 0 { try? await Task.sleep(for: .milliseconds(pauseMillis)) }
            }
        } catch {
            received.error = error
        }
        return received
    }
}

func withUpstreamClient<T>(_ body: (UpstreamClient) async throws -> T) async throws -> T {
    let client = UpstreamClient(logger: TestEnvironment.logger)
    defer { client.shutdown() }
    return try await body(client)
}

func chatRequest(_ base: String, _ text: String, stream: Bool = false, includeUsage: Bool = false, firstByteTimeoutMillis: Int = 30_000, totalTimeoutMillis: Int = 60_000)
    -> UpstreamRequest
{
    UpstreamRequest(
        url: base + "/v1/chat/completions", headers: [("Content-Type", "application/json")],
        body: chatBody(text, stream: stream, includeUsage: includeUsage), firstByteTimeoutMillis: firstByteTimeoutMillis,
        totalTimeoutMillis: totalTimeoutMillis)
}

/// The answer the mock computes for `text`, to compare against what arrived over HTTP.
func expectedAnswer(_ text: String, stream: Bool = false, includeUsage: Bool = false) throws -> MockAnswer {
    let request = try MockChatRequest(body: chatBody(text, stream: stream, includeUsage: includeUsage))
    let (directives, quoted) = try MockDirectives.extract(from: request.lastUserText)
    return MockAnswer(request: request, directives: directives, quotedText: quoted)
}

/// `UpstreamClient` (libcurl multi) against the mock provider running in-process on a real socket.
@Suite(.timeLimit(.minutes(2)))
struct UpstreamClientIntegrationTests {
    @Test func nonStreamingResponseIsExact() async throws {
        try await withMockProvider { base in
            try await withUpstreamClient { client in
                let response = try await client.execute(chatRequest(base, "What is the capital of France?"))
                #expect(response.head.status == 200)
                #expect(response.head.header("content-type") == "application/json")
                #expect(response.head.header("CONTENT-TYPE") == "application/json")
                let body = await response.collect()
                #expect(body.error == nil)
                #expect(response.head.header("content-length") == String(body.bytes.count))

                // Byte for byte what the mock encodes, given the id and time it chose.
                let json = try JSONParser.parse(body.bytes)
                let identity = MockCompletionIdentity(
                    id: try #require(json["id"]?.stringValue), created: Int(try #require(json["created"]?.int64Value)), model: "mock-small")
                let answer = try expectedAnswer("What is the capital of France?")
                #expect(body.bytes == MockCompletionBody.encode(answer, identity: identity))
                #expect(json["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue == "This is a mock reply to: What is the capital of France?")
            }
        }
    }

    @Test func requestHeadersAndMethodsReachTheProvider() async throws {
        try await withMockProvider(MockProviderConfiguration(requiredAPIKey: "sk-provider-key")) { base in
            try await withUpstreamClient { client in
                var request = chatRequest(base, "hello")
                request.headers.append(("Authorization", "Bearer sk-provider-key"))
                let accepted = try await client.execute(request)
                #expect(accepted.head.status == 200)
                #expect(await accepted.collect().error == nil)

                let refused = try await client.execute(chatRequest(base, "hello"))
                #expect(refused.head.status == 401)
                let refusedBody = await refused.collect()
                #expect(try JSONParser.parse(refusedBody.bytes)["error"]?["code"]?.stringValue == "invalid_api_key")

                let models = try await client.execute(
                    UpstreamRequest(url: base + "/v1/models", method: "GET", headers: [("Authorization", "Bearer sk-provider-key")]))
                #expect(models.head.status == 200)
                #expect(try JSONParser.parse(await models.collect().bytes)["object"]?.stringValue == "list")
            }
        }
    }

    @Test func streamingArrivesIncrementallyAsValidSSE() async throws {
        let text = "Stream this [[mock:chunks=5]] [[mock:delay_ms=30]] [[mock:words=40]]"
        try await withMockProvider { base in
            try await withUpstreamClient { client in
                let response = try await client.execute(chatRequest(base, text, stream: true, includeUsage: true))
                #expect(response.head.status == 200)
                #expect(response.head.header("content-type")?.hasPrefix("text/event-stream") == true)
                let body = await response.collect()
                #expect(body.error == nil)
                // The chunks are paced 30 ms apart: each arrives on its own.
                #expect(body.buffers.count >= 5)

                var parser = SSEParser()
                let events = try parser.feed(body.bytes)
                #expect(parser.finish() == nil)
                #expect(events.last?.isDone == true)
                #expect(events.filter(\.isDone).count == 1)
                // role, 5 content chunks, finish, usage, [DONE]
                #expect(events.count == 9)
                let answer = try expectedAnswer(text, stream: true, includeUsage: true)
                var content = ""
                for event in events.dropLast() {
                    let json = try JSONParser.parse(event.data)
                    content += json["choices"]?.arrayValue?.first?["delta"]?["content"]?.stringValue ?? ""
                }
                #expect(content == answer.text)

                let created = try JSONParser.parse(try #require(events.first).data)
                let identity = MockCompletionIdentity(
                    id: try #require(created["id"]?.stringValue), created: Int(try #require(created["created"]?.int64Value)), model: "mock-small")
                let expected = MockStream.events(for: answer, identity: identity, includeUsage: true, chunkCount: 5).flatMap(\.bytes)
                #expect(body.bytes == expected)
            }
        }
    }

    @Test func httpErrorStatusIsAResponseNotAnError() async throws {
        try await withMockProvider { base in
            try await withUpstreamClient { client in
                for status in [400, 429, 500, 503] {
                    let response = try await client.execute(chatRequest(base, "fail [[mock:status=\(status)]]"))
                    #expect(response.head.status == status)
                    let body = await response.collect()
                    #expect(body.error == nil)
                    let json = try JSONParser.parse(body.bytes)
                    #expect(json["error"]?["message"]?.stringValue?.isEmpty == false, "\(status)")
                    if status == 429 { #expect(response.head.header("retry-after") == "1") }
                }
            }
        }
    }

    @Test func connectionRefusedFails() async throws {
        try await withUpstreamClient { client in
            let base = "http://127.0.0.1:\(TestEnvironment.closedPort())"
            let error = try await withDeadline(20, "a request to a closed port") { () -> UpstreamError? in
                do {
                    _ = try await client.execute(chatRequest(base, "anyone there?"))
                    return nil
                } catch {
                    return error as? UpstreamError
                }
            }
            #expect(error?.kind == .failed)
        }
    }

    @Test func firstByteTimeout() async throws {
        try await withMockProvider { base in
            try await withUpstreamClient { client in
                let request = chatRequest(base, "slow [[mock:latency_ms=3000]]", firstByteTimeoutMillis: 300)
                let error = try await withDeadline(20, "a request past its first-byte timeout") { () -> UpstreamError? in
                    do {
                        _ = try await client.execute(request)
                        return nil
                    } catch {
                        return error as? UpstreamError
                    }
                }
                #expect(error?.kind == .timedOut)
                // The client is still usable afterwards.
                let next = try await client.execute(chatRequest(base, "fast"))
                #expect(next.head.status == 200)
                #expect(await next.collect().error == nil)
            }
        }
    }

    @Test func totalTimeoutEndsASlowStream() async throws {
        try await withMockProvider { base in
            try await withUpstreamClient { client in
                // A 12 s stream with a 4 s budget (generous, so that the head arrives first even on a loaded machine).
                let request = chatRequest(base, "slow stream [[mock:words=200]] [[mock:chunks=40]] [[mock:delay_ms=300]]", stream: true, totalTimeoutMillis: 4_000)
                let response = try await client.execute(request)
                #expect(response.head.status == 200)
                let body = try await withDeadline(20, "a stream past its total timeout") { await response.collect() }
                #expect(body.upstreamError?.kind == .timedOut, "\(String(describing: body.error))")
                #expect(!body.buffers.isEmpty)
                #expect(!String(decoding: body.bytes, as: UTF8.self).contains("[DONE]"))
            }
        }
    }

    @Test func streamDroppedMidwayThrows() async throws {
        try await withMockProvider { base in
            try await withUpstreamClient { client in
                let response = try await client.execute(chatRequest(base, "drop [[mock:chunks=5]] [[mock:fail_after=2]]", stream: true))
                #expect(response.head.status == 200)
                let body = try await withDeadline(20, "a dropped stream") { await response.collect() }
                #expect(body.upstreamError?.kind == .failed, "\(String(describing: body.error))")
                var parser = SSEParser()
                let events = try parser.feed(body.bytes)
                // The role chunk and two content chunks made it; no [DONE].
                #expect(events.count == 3)
                #expect(events.filter(\.isDone).isEmpty)
            }
        }
    }

    @Test func cancelMidStreamEndsTheBody() async throws {
        try await withMockProvider { base in
            try await withUpstreamClient { client in
                let response = try await client.execute(chatRequest(base, "long [[mock:chunks=100]] [[mock:delay_ms=100]]", stream: true))
                let body = try await withDeadline(20, "a cancelled stream") { () -> ReceivedBody in
                    var received = ReceivedBody()
                    do {
                        for try await buffer in response.body {
                            received.buffers.append(Array(buffer.readableBytesView))
                            if received.buffers.count == 2 { response.cancel() }
                        }
                    } catch {
                        received.error = error
                    }
                    return received
                }
                #expect(body.upstreamError?.kind == .cancelled, "\(String(describing: body.error))")
                #expect(body.buffers.count < 100)
                // The client goes on serving other requests.
                let next = try await client.execute(chatRequest(base, "after cancel"))
                #expect(next.head.status == 200)
            }
        }
    }

    @Test func taskCancellationWhileWaitingForTheHead() async throws {
        try await withMockProvider { base in
            try await withUpstreamClient { client in
                let task = Task { try await client.execute(chatRequest(base, "slow [[mock:latency_ms=3000]]")) }
                try await Task.sleep(for: .milliseconds(200))
                task.cancel()
                let error = try await withDeadline(20, "a cancelled request") { () -> UpstreamError? in
                    do {
                        _ = try await task.value
                        return nil
                    } catch {
                        return error as? UpstreamError
                    }
                }
                #expect(error?.kind == .cancelled)
            }
        }
    }

    @Test func abandoningTheBodyCancelsTheTransfer() async throws {
        try await withMockProvider { base in
            try await withUpstreamClient { client in
                do {
                    let response = try await client.execute(chatRequest(base, "long [[mock:chunks=50]] [[mock:delay_ms=100]]", stream: true))
                    for try await _ in response.body { break }
                }
                // Nothing hangs and the client still works.
                let next = try await client.execute(chatRequest(base, "next"))
                #expect(next.head.status == 200)
                #expect(await next.collect().error == nil)
            }
        }
    }

    /// Backpressure: a consumer far slower than the provider still gets every byte, in order.
    @Test func slowConsumerReceivesEveryByteOfALargeStream() async throws {
        let text = "big [[mock:words=20000]] [[mock:chunks=500]]"
        try await withMockProvider { base in
            try await withUpstreamClient { client in
                let response = try await client.execute(chatRequest(base, text, stream: true))
                let body = try await withDeadline(90, "a large stream read slowly") { await response.collect(pauseEvery: 1, pauseMillis: 15) }
                #expect(body.error == nil, "\(String(describing: body.error))")

                var parser = SSEParser()
                let events = try parser.feed(body.bytes)
                #expect(events.count == 503)  // role, 500 content chunks, finish, [DONE]
                let first = try JSONParser.parse(try #require(events.first).data)
                let identity = MockCompletionIdentity(
                    id: try #require(first["id"]?.stringValue), created: Int(try #require(first["created"]?.int64Value)), model: "mock-small")
                let answer = try expectedAnswer(text, stream: true)
                let expected = MockStream.events(for: answer, identity: identity, includeUsage: false, chunkCount: 500).flatMap(\.bytes)
                #expect(body.bytes.count == expected.count)
                #expect(body.bytes == expected)
            }
        }
    }

    @Test func fiftyConcurrentRequests() async throws {
        try await withMockProvider { base in
            try await withUpstreamClient { client in
                let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
                    for index in 0..<50 {
                        group.addTask {
                            let stream = index % 2 == 0
                            let text = "request number \(index) [[mock:chunks=3]]"
                            let response = try await client.execute(chatRequest(base, text, stream: stream))
                            let body = await response.collect()
                            guard response.head.status == 200, body.error == nil else { return (index, false) }
                            let expected = "This is a mock reply to: request number \(index)"
                            let bodyText = String(decoding: body.bytes, as: UTF8.self)
                            if stream {
                                var parser = SSEParser()
                                let events = try parser.feed(body.bytes)
                                var content = ""
                                for event in events where !event.isDone {
                                    content += try JSONParser.parse(event.data)["choices"]?.arrayValue?.first?["delta"]?["content"]?.stringValue ?? ""
                                }
                                return (index, events.last?.isDone == true && content.hasPrefix(expected))
                            }
                            return (index, bodyText.contains(expected))
                        }
                    }
                    return try await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
                }
                #expect(outcomes.count == 50)
                #expect(outcomes.values.allSatisfy { $0 }, "failed: \(outcomes.filter { !$0.value }.keys.sorted())")
            }
        }
    }
    @Test func largeRequestBodyArrivesByteExact() async throws {
        try await withMockProvider { base in
            try await withUpstreamClient { client in
                // 2 MB of prompt with every kind of character JSON allows in a string.
                var piece = ""
                for index in 0..<50 { piece += "w\(index) \"q\" \\ é ✓ \n" }
                let text = String(repeating: piece, count: 1_000)
                var request = chatRequest(base, text)
                request.body = chatBody(text)
                #expect(request.body.count > 1_000_000)
                let response = try await client.execute(request)
                #expect(response.head.status == 200)
                #expect(await response.collect().error == nil)

                let echoed = try await client.execute(UpstreamRequest(url: base + "/mock/last-request", method: "GET"))
                #expect(echoed.head.status == 200)
                let body = await echoed.collect()
                #expect(body.bytes.count == request.body.count)
                #expect(body.bytes == request.body)
            }
        }
    }

    @Test func shutdownEndsStreamsAndRefusesNewRequests() async throws {
        try await withMockProvider { base in
            let client = UpstreamClient(logger: TestEnvironment.logger)
            let response = try await client.execute(chatRequest(base, "long [[mock:chunks=100]] [[mock:delay_ms=100]]", stream: true))
            let body = try await withDeadline(20, "a stream during shutdown") { () -> ReceivedBody in
                var received = ReceivedBody()
                do {
                    for try await buffer in response.body {
                        received.buffers.append(Array(buffer.readableBytesView))
                        if received.buffers.count == 2 { client.shutdown() }
                    }
                } catch {
                    received.error = error
                }
                return received
            }
            #expect(body.upstreamError?.kind == .shutDown, "\(String(describing: body.error))")
            do {
                _ = try await client.execute(chatRequest(base, "too late"))
                Issue.record("a request after shutdown was sent")
            } catch let error as UpstreamError {
                #expect(error.kind == .shutDown)
            }
        }
    }
    /// The caller's task is already cancelled when it asks (a client that went away just before the call):
    /// the request must fail at once with `.cancelled`, never hang, however busy the curl thread is.
    @Test func executeFromAnAlreadyCancelledTaskFailsPromptly() async throws {
        try await withMockProvider { base in
            try await withUpstreamClient { client in
                // Keep the curl thread awake and busy meanwhile.
                let background = Task {
                    let response = try await client.execute(chatRequest(base, "busy [[mock:words=2000]] [[mock:chunks=400]] [[mock:delay_ms=2]]", stream: true))
                    return await response.collect()
                }
                let kinds = try await withDeadline(30, "requests from cancelled tasks") {
                    await withTaskGroup(of: String.self) { group in
                        for index in 0..<300 {
                            group.addTask {
                                withUnsafeCurrentTask { $0?.cancel() }
                                do {
                                    let response = try await client.execute(chatRequest(base, "cancelled \(index)"))
                                    _ = await response.collect()
                                    return "completed"
                                } catch let error as UpstreamError {
                                    return "\(error.kind)"
                                } catch {
                                    return "\(error)"
                                }
                            }
                        }
                        return await group.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
                    }
                }
                #expect(kinds == ["cancelled": 300])
                #expect(try await background.value.error == nil)
            }
        }
    }
}

@Suite("Upstream response heads")
struct UpstreamResponseHeadTests {
    @Test("headers are parsed on demand from the raw lines, case-insensitively, values trimmed")
    func rawHeaders() {
        let head = UpstreamResponseHead(status: 429, headers: [("Retry-After", " 7 "), ("Content-Type", "application/json")])
        #expect(head.header("retry-after") == "7")
        #expect(head.header("CONTENT-TYPE") == "application/json")
        #expect(head.header("x-missing") == nil)
        #expect(head.headers.map(\.name) == ["Retry-After", "Content-Type"])
    }
}
