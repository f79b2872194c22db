import AnthropicCodec
import Conversation
import Dialects
import HTTPTypes
import Hummingbird
import NIOCore
import TokModelCore
import UpstreamClient

/// Anthropic client → Anthropic provider: the request's bytes go through unchanged except `model`; the
/// answer's events are relayed as they come, only `message_start` carrying the client's model id. A canonical
/// reader watches the same events for the usage report.
extension TranslatingEndpoint {
    func anthropicPassthrough(
        body: [UInt8], chat: ChatRequest, resolved: ResolvedModel, key: String, requestID: String, clientHeaders: HTTPFields,
        startedAtMillis: Int64, started: ContinuousClock.Instant
    ) async throws -> Response {
        let members: [JSONParser.Member]
        do {
            members = try JSONParser.indexObject(body)
        } catch {
            throw GatewayError.invalidJSON(error.description)
        }
        let images = chat.imageCount
        var splicer = ByteSplicer(source: body, members: members)
        splicer.set("model", .string(resolved.route.upstreamModel))
        var upstreamRequest = ProviderCall.request(provider: resolved.provider, path: "/messages", body: splicer.result(), stream: chat.stream)
        // The client's API version and beta features are the client's business.
        for name in ["anthropic-version", "anthropic-beta"] {
            guard let field = HTTPField.Name(name), let value = clientHeaders[field] else { continue }
            upstreamRequest.headers.removeAll { $0.name.lowercased() == name }
            upstreamRequest.headers.append((name, value))
        }
        let (admitted, outcome) = try await gateway.admitAndCall(
            upstreamRequest, stream: chat.stream, key: key, requestID: requestID, resolved: resolved,
            size: RequestSize(
                inputTokenBound: Int64(body.count) + Int64(images) * OpenAIChatRequest.imageTokenAllowance,
                inputTokenEstimate: Int64(body.count / 4) + Int64(images) * 765, requestedOutput: chat.maxOutputTokens, choices: 1),
            endpoint: ingress.endpointName, startedAtMillis: startedAtMillis, started: started)
        let billing = admitted.billing
        var headers = admitted.headers
        let inputEstimate = Int64(body.count / 4)
        let bytes: [UInt8]
        switch outcome {
        case .failed(let error):
            billing.finish(usage: .zero, source: .none, outcome: .upstreamFailed, status: error.status)
            return Responses.error(error, dialect: .anthropic, requestID: requestID, headers: headers)
        case .rejected(let error, let extra):
            billing.finish(usage: .zero, source: .none, outcome: .upstreamFailed, status: error.status)
            headers.append(contentsOf: extra)
            return Responses.error(error, dialect: .anthropic, requestID: requestID, headers: headers)
        case .stream(let response):
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-cache"
            return relayedStream(
                response, relay: AnthropicPassthroughRelay(clientModel: resolved.model.id), provider: resolved.provider, billing: billing,
                inputEstimate: inputEstimate, headers: headers)
        case .complete(let complete):
            bytes = complete
        }
        var out = bytes
        var usage: Usage?
        if let answer = try? JSONParser.indexObject(bytes) {
            if let usageMember = answer.last(where: { $0.key == "usage" }), let value = try? JSONParser.parse(Array(bytes[usageMember.valueRange])) {
                usage = AnthropicMessages.usage(from: value)
            }
            var splicer = ByteSplicer(source: bytes, members: answer)
            splicer.set("model", .string(resolved.model.id))
            out = splicer.result()
        }
        billing.finish(
            usage: usage ?? Usage(inputTokens: inputEstimate, outputTokens: Int64((bytes.count + 3) / 4)), source: usage == nil ? .estimated : .provider,
            outcome: .completed, status: 200)
        return Responses.json(out, requestID: requestID, headers: headers)
    }
}

/// Relays an Anthropic stream event by event; `message_start` gets the client's model id. A canonical reader
/// sees the same events for usage, output size and whether the stream ended properly.
struct AnthropicPassthroughRelay: StreamRelay {
    private var parser = SSEParser()
    private var reader = AnthropicMessages.StreamReader()
    private let clientModel: String
    private var clientGone = false
    private(set) var usage: Usage?
    private(set) var generatedBytes = 0
    private(set) var failed = false
    private var ended = false

    init(clientModel: String) { self.clientModel = clientModel }

    mutating func clientDisconnected() { clientGone = true }

    mutating func feed(_ bytes: ByteBufferView) -> [UInt8] {
        let events: [SSEEvent]
        do {
            events = try parser.feed(bytes)
        } catch {
            failed = true
            return []
        }
        var out: [UInt8] = []
        for event in events {
            observe(event)
            if !clientGone { out.append(contentsOf: rewrite(event).encoded()) }
        }
        return out
    }

    mutating func finish(providerName: String) -> [UInt8] {
        var out: [UInt8] = []
        if let event = parser.finish() {
            observe(event)
            if !clientGone { out.append(contentsOf: rewrite(event).encoded()) }
        }
        for event in reader.finish() { track(event) }
        if !ended {
            failed = true
            let error = GatewayError(.upstreamFailed, "The provider '\(providerName)' ended the stream unexpectedly.", code: "upstream_stream_broken")
            if !clientGone { out.append(contentsOf: SSEEvent(event: "error", data: ErrorBody.render(error, dialect: .anthropic)).encoded()) }
        }
        return out
    }

    private mutating func observe(_ event: SSEEvent) {
        do {
            for canonical in try reader.read(event) { track(canonical) }
        } catch {
            failed = true
        }
    }

    private mutating func track(_ event: StreamEvent) {
        switch event {
        case .usage(let value): usage = value
        case .textDelta(_, let text), .thinkingDelta(_, let text): generatedBytes += text.utf8.count
        case .toolArgumentsDelta(_, let json): generatedBytes += json.utf8.count
        case .error: failed = true
        case .end: ended = true
        default: break
        }
    }

    private func rewrite(_ event: SSEEvent) -> SSEEvent {
        guard event.event == "message_start", var value = try? JSONParser.parse(event.data), var message = value["message"] else { return event }
        message.set("model", .string(clientModel))
        value.set("message", message)
        return SSEEvent(event: event.event, data: JSONWriter.bytes(value))
    }
}
