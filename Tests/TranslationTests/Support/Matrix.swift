import Conversation
import Dialects
import GeminiCodec
import Testing
import TokModelCore

// The checks every (client, provider) pair goes through; each client test file runs them with its goldens.

/// The client's bytes equal the golden exactly, and feeding the provider's body one byte per read gives the
/// same bytes as feeding it whole.
func assertStreamGolden(
    _ client: Client, _ provider: Provider, _ transcript: Transcript, golden: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let whole = translate(provider.stream(transcript), from: provider, to: client)
    expectBytes(whole.bytes, equal: golden, "\(provider) → \(client), \(transcript)", sourceLocation: sourceLocation)
    let byteByByte = translate(provider.stream(transcript), from: provider, to: client, chunking: .byteByByte)
    #expect(byteByByte.bytes == whole.bytes, "split reads change the output", sourceLocation: sourceLocation)
}

/// The client's stream, read back as its SDK reads it, says what the provider said.
func assertStreamSemantics(_ client: Client, _ provider: Provider, _ transcript: Transcript, sourceLocation: SourceLocation = #_sourceLocation) {
    let output = translate(provider.stream(transcript), from: provider, to: client)
    check(client, output.bytes, provider.expectation(transcript), sourceLocation: sourceLocation)
}

/// decodeResponse → the client's encoder: equal to the golden as JSON, and right as the client's SDK reads it.
func assertResponse(
    _ client: Client, _ provider: Provider, _ fixture: ResponseFixture, golden: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let answer = try provider.decodeResponse(try json(provider.response(fixture)))
    let body = client.encodeResponse(answer)
    expectJSON(body, equals: try json(golden), "\(provider) → \(client), \(fixture)", sourceLocation: sourceLocation)
    checkResponse(client, body, provider.responseExpectation(fixture), sourceLocation: sourceLocation)
}

/// The tool-call ids each client request uses, in order.
func clientToolIDs(_ client: Client) -> [String] {
    switch client {
    case .chat: ["call_A", "functions.get_weather:1"]
    case .messages: ["toolu_01A", "toolu_01B"]
    case .responses: ["call_A", "call_B"]
    }
}

/// The client's request → canonical → the provider's body: equal to the golden as JSON; the provider's
/// placement rules hold; tool-call ids pass through (sanitised alike on both sides for Anthropic); the output
/// limit is there.
func assertRequest(_ client: Client, _ provider: Provider, golden: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let request = try client.decodeRequest(try json(ClientRequests.body(client)))
    let body = try provider.encodeRequest(request, upstreamModel: provider.upstreamModel)
    expectJSON(body, equals: try json(golden), "\(client) → \(provider)", sourceLocation: sourceLocation)
    #expect(ruleViolations(body, for: provider) == [], sourceLocation: sourceLocation)
    let ids = toolIDs(body, for: provider)
    #expect(ids.results == ids.calls, "each result answers its call under the same id", sourceLocation: sourceLocation)
    #expect(ids.calls.count == clientToolIDs(client).count, sourceLocation: sourceLocation)
    for (sent, original) in zip(ids.calls, clientToolIDs(client)) {
        if provider == .anthropic && !isValidAnthropicID(original) {
            #expect(isValidAnthropicID(sent) && sent != original, "\(original) sanitised to \(sent)", sourceLocation: sourceLocation)
        } else {
            #expect(sent == original, "ids pass through unchanged", sourceLocation: sourceLocation)
        }
    }
}

/// The same request with `stream: true` (Chat: without `include_usage`): OpenAI is asked for usage anyway,
/// Anthropic gets `stream: true`, Gemini's body has no stream flag (the URL says `alt=sse`); nothing else changes.
func assertStreamingRequest(_ client: Client, _ provider: Provider, sourceLocation: SourceLocation = #_sourceLocation) throws {
    var streamed = try json(ClientRequests.body(client))
    streamed.set("stream", true)
    let plain = try provider.encodeRequest(try client.decodeRequest(try json(ClientRequests.body(client))), upstreamModel: provider.upstreamModel)
    let body = try provider.encodeRequest(try client.decodeRequest(streamed), upstreamModel: provider.upstreamModel)
    var expected = plain
    switch provider {
    case .openAI:
        expected.set("stream", true)
        expected.set("stream_options", ["include_usage": true])
    case .anthropic:
        expected.set("stream", true)
    case .gemini:
        #expect(
            GeminiGenerateContent.path(upstreamModel: provider.upstreamModel, stream: true)
                == "/models/gemini-2.5-flash:streamGenerateContent?alt=sse", sourceLocation: sourceLocation)
    }
    expectJSON(body, equals: expected, "\(client) → \(provider), stream: true", sourceLocation: sourceLocation)
}

/// A provider's error body (in a 200, or with an error status) → `decodeResponse` throws → the error body the edge
/// writes in the client's dialect (`ErrorBody`, as `Ingress.errorDialect` picks it), keeping the provider's message.
func assertErrorBody(_ client: Client, _ provider: Provider, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let body = try json(provider.errorBody)
    let error = try #require(thrownError { try provider.decodeResponse(body) }, sourceLocation: sourceLocation)
    let overloaded = provider != .openAI  // Anthropic overloaded_error, Gemini UNAVAILABLE
    #expect(error.status == (overloaded ? 503 : 502), sourceLocation: sourceLocation)
    let rendered = try JSONParser.parse(ErrorBody.render(error, dialect: client == .messages ? .anthropic : .openAI))
    let message: String
    switch client {
    case .messages:
        #expect(rendered["type"] == "error", sourceLocation: sourceLocation)
        #expect(rendered["error"]?["type"] == (overloaded ? "overloaded_error" : "api_error"), sourceLocation: sourceLocation)
        message = rendered["error"]?["message"]?.stringValue ?? ""
    case .chat, .responses:
        let inner = rendered["error"] ?? [:]
        #expect(Set(inner.objectValue?.map { $0.0 } ?? []) == ["message", "type", "param", "code"], sourceLocation: sourceLocation)
        message = inner["message"]?.stringValue ?? ""
    }
    let providerMessage: String =
        switch provider {
        case .openAI: "The server had an error while processing your request. Sorry about that!"
        case .anthropic: "Overloaded"
        case .gemini: "The model is overloaded. Please try again later."
        }
    #expect(message.contains(providerMessage), "\(message)", sourceLocation: sourceLocation)
}
