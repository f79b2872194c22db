import Hummingbird

/// `POST /v1/chat/completions`: checks the key, parses the body, applies the directives and answers with
/// a complete body or a stream. Per-request work is kept to parsing and byte writing; nothing is logged.
struct MockChatHandler: Sendable {
    let configuration: MockProviderConfiguration
    let state: MockProviderState

    /// Larger bodies are refused by Hummingbird with 413; generous for image-laden test prompts.
    static let maxBodyBytes = 32 << 20

    /// Thrown from a stream's body to make Hummingbird drop the connection mid-stream (`fail_after`).
    struct SimulatedDisconnect: Error {}

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: Self.maxBodyBytes)
        state.recordRequest(body)
        guard MockAuthorization.accepts(request, requiredKey: configuration.requiredAPIKey) else {
            return MockResponses.error(.invalidAPIKey())
        }
        do {
            let chat = try body.withUnsafeReadableBytes { raw throws(MockError) in try MockChatRequest(body: raw) }
            let (directives, quotedText) = try MockDirectives.extract(from: chat.lastUserText)
            let latency = directives.latencyMillis ?? configuration.latencyMillis
            if latency > 0 { try await Task.sleep(for: .milliseconds(latency)) }
            if let status = directives.status { return MockResponses.error(.simulated(status: status)) }

            let answer = MockAnswer(request: chat, directives: directives, quotedText: quotedText)
            let identity = MockCompletionIdentity(id: state.nextCompletionID(), created: UnixTime.seconds(), model: chat.model)
            guard chat.stream else {
                return MockResponses.json(MockCompletionBody.encode(answer, identity: identity))
            }
            state.recordStream()
            let events = MockStream.events(
                for: answer, identity: identity, includeUsage: chat.includeUsage,
                chunkCount: directives.chunks ?? configuration.chunkCount)
            return stream(events, delayMillis: directives.delayMillis ?? configuration.chunkDelayMillis, failAfter: directives.failAfterChunks)
        } catch let error as MockError {
            return MockResponses.error(error)
        }
    }

    /// Writes each event as its own body part, so that clients receive the chunks separately, pausing
    /// before each content step and the finish step.
    func stream(_ events: [MockStreamEvent], delayMillis: Int, failAfter: Int?) -> Response {
        let body = ResponseBody { writer in
            for event in events {
                switch event.kind {
                case .content(let index):
                    if let failAfter, index >= failAfter { throw SimulatedDisconnect() }
                    if event.choice == 0, delayMillis > 0 { try await Task.sleep(for: .milliseconds(delayMillis)) }
                case .finish:
                    if failAfter != nil { throw SimulatedDisconnect() }
                    if event.choice == 0, delayMillis > 0 { try await Task.sleep(for: .milliseconds(delayMillis)) }
                case .role, .usage, .done:
                    break
                }
                try await writer.write(ByteBuffer(bytes: event.bytes))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: MockResponses.eventStreamHeaders, body: body)
    }
}
