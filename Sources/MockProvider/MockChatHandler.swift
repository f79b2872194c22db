import HTTPTypes
import Hummingbird

/// The chat endpoints of every dialect: checks the key, parses the body, applies the directives and answers
/// with a complete body or a stream in the request's dialect. Per-request work is kept to parsing and byte
/// writing; nothing is logged.
///
/// - OpenAI: `POST /v1/chat/completions` (``respond(to:context:)``), key in `Authorization: Bearer`.
/// - Anthropic: `POST /v1/messages` (``respondAnthropic(to:context:)``), key in `x-api-key` (or
///   `Authorization: Bearer`, as the Python SDK 2.x sends it), and
///   `anthropic-version` required (400 without it).
/// - Gemini: `POST /v1beta/models/{model}:generateContent` and `:streamGenerateContent?alt=sse`
///   (``respondGemini(to:context:)``), key in `x-goog-api-key` or `?key=` (403 without one, 401 with a
///   wrong one).
struct MockChatHandler: Sendable {
    let configuration: MockProviderConfiguration
    let state: MockProviderState

    /// Larger bodies are refused by Hummingbird with 413; generous for image-laden test prompts.
    static let maxBodyBytes = 32 << 20

    /// Thrown from a stream's body to make Hummingbird drop the connection mid-stream (`fail_after`).
    struct SimulatedDisconnect: Error {}

    /// `POST /v1/chat/completions`.
    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: Self.maxBodyBytes)
        state.recordRequest(body)
        guard MockAuthorization.accepts(request, requiredKey: configuration.requiredAPIKey) else {
            return MockResponses.error(.invalidAPIKey())
        }
        do {
            let chat = try body.withUnsafeReadableBytes { raw throws(MockError) in try MockChatRequest(body: raw) }
            let (directives, answer) = try await prepare(chat)
            let identity = MockCompletionIdentity(id: state.nextCompletionID(), created: UnixTime.seconds(), model: chat.model)
            guard chat.stream else {
                return MockResponses.json(MockCompletionBody.encode(answer, identity: identity))
            }
            state.recordStream()
            let events = MockStream.events(
                for: answer, identity: identity, includeUsage: chat.includeUsage,
                chunkCount: directives.chunks ?? configuration.chunkCount)
            return stream(events, headers: MockResponses.eventStreamHeaders, directives: directives)
        } catch let error as MockError {
            return MockResponses.error(error)
        }
    }

    /// `POST /v1/messages`.
    func respondAnthropic(to request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: Self.maxBodyBytes)
        state.recordRequest(body)
        guard MockAuthorization.acceptsAnthropic(request, requiredKey: configuration.requiredAPIKey) else {
            return MockResponses.error(.invalidAnthropicKey(), dialect: .anthropic)
        }
        guard let version = request.headers[MockAuthorization.anthropicVersion], !version.isEmpty else {
            return MockResponses.error(.missingAnthropicVersion(), dialect: .anthropic)
        }
        do {
            let chat = try body.withUnsafeReadableBytes { raw throws(MockError) in try MockChatRequest(anthropicBody: raw) }
            let (directives, answer) = try await prepare(chat)
            let id = "msg_mock_\(state.nextSerial())"
            guard chat.stream else {
                return MockResponses.json(MockAnthropicBody.encode(answer, id: id, model: chat.model))
            }
            state.recordStream()
            let events = MockAnthropicBody.events(for: answer, id: id, model: chat.model, chunkCount: directives.chunks ?? configuration.chunkCount)
            return stream(events, headers: MockResponses.eventStreamHeaders, directives: directives)
        } catch let error as MockError {
            return MockResponses.error(error, dialect: .anthropic)
        }
    }

    /// `POST /v1beta/models/{model}:{method}`, method `generateContent` or `streamGenerateContent`.
    func respondGemini(to request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: Self.maxBodyBytes)
        state.recordRequest(body)
        switch MockAuthorization.checkGemini(request, requiredKey: configuration.requiredAPIKey) {
        case .accepted: break
        case .missing: return MockResponses.error(.missingGeminiKey(), dialect: .gemini)
        case .wrong: return MockResponses.error(.invalidGeminiKey(), dialect: .gemini)
        }
        do {
            let target = context.parameters.get("target") ?? ""
            guard let colon = target.lastIndex(of: ":"), colon != target.startIndex else {
                throw MockError(status: 404, message: "Method not found: \(target).", type: "invalid_request_error", code: "not_found")
            }
            let model = String(target[..<colon])
            let stream: Bool
            switch target[target.index(after: colon)...] {
            case "generateContent": stream = false
            case "streamGenerateContent":
                guard request.uri.queryParameters.get("alt") == "sse" else {
                    throw MockError.invalidRequest("The mock provider streams only with alt=sse.", param: "alt")
                }
                stream = true
            default:
                throw MockError(status: 404, message: "Method not found: \(target).", type: "invalid_request_error", code: "not_found")
            }
            let chat = try body.withUnsafeReadableBytes { raw throws(MockError) in
                try MockChatRequest(geminiBody: raw, model: model, stream: stream)
            }
            let (directives, answer) = try await prepare(chat)
            let responseID = "mock-resp-\(state.nextSerial())"
            guard stream else {
                return MockResponses.json(MockGeminiBody.encode(answer, responseID: responseID, model: model))
            }
            state.recordStream()
            let events = MockGeminiBody.events(
                for: answer, responseID: responseID, model: model, chunkCount: directives.chunks ?? configuration.chunkCount)
            return self.stream(events, headers: MockResponses.geminiEventStreamHeaders, directives: directives)
        } catch let error as MockError {
            return MockResponses.error(error, dialect: .gemini)
        }
    }

    /// What every dialect does once the request is parsed: read the directives, wait out the latency, fail
    /// as asked (`status`), plan the tool calls and build the answer.
    func prepare(_ chat: MockChatRequest) async throws -> (MockDirectives, MockAnswer) {
        let (directives, quotedText) = try MockDirectives.extract(from: chat.lastUserText)
        let latency = directives.latencyMillis ?? configuration.latencyMillis
        if latency > 0 { try await Task.sleep(for: .milliseconds(latency)) }
        if let status = directives.status { throw MockError.simulated(status: status) }
        let calls = try MockToolCall.plan(for: chat, directives: directives)
        return (directives, MockAnswer(request: chat, directives: directives, quotedText: quotedText, toolCalls: calls))
    }

    func stream(_ events: [MockStreamEvent], headers: HTTPFields, directives: MockDirectives) -> Response {
        stream(
            events, headers: headers, delayMillis: directives.delayMillis ?? configuration.chunkDelayMillis,
            failAfter: directives.failAfterChunks)
    }

    /// Writes each event as its own body part, so that clients receive the chunks separately, pausing
    /// before each content step and the finish step.
    func stream(_ events: [MockStreamEvent], headers: HTTPFields = MockResponses.eventStreamHeaders, delayMillis: Int, failAfter: Int?) -> Response {
        let body = ResponseBody { writer in
            for event in events {
                switch event.kind {
                case .content(let index):
                    if let failAfter, index >= failAfter { throw SimulatedDisconnect() }
                    if event.choice == 0, delayMillis > 0 { try await Task.sleep(for: .milliseconds(delayMillis)) }
                case .finish:
                    if failAfter != nil { throw SimulatedDisconnect() }
                    if event.choice == 0, delayMillis > 0 { try await Task.sleep(for: .milliseconds(delayMillis)) }
                case .role, .usage, .done, .frame:
                    break
                }
                try await writer.write(ByteBuffer(bytes: event.bytes))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}
