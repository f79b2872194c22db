import Conversation
import Dialects
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import TokModelCore
import UpstreamClient

/// Any client dialect to any provider kind, through the canonical model: the request is decoded from the
/// client's dialect and encoded in the provider's; the answer (or each stream event) is decoded from the
/// provider's dialect and written in the client's. Same admission, billing and failure rules as the
/// pass-through path.
struct TranslatingEndpoint: Sendable {
    let gateway: Gateway
    let ingress: Ingress

    func handle(_ request: Request, context: some RequestContext) async -> Response {
        let requestID = RequestID.generate()
        let startedAtMillis = WallClock.unixMillis()
        let started = ContinuousClock.now
        do {
            let key = try Gatekeeper.apiKey(from: request.headers)
            let body = try await gateway.readBody(request)
            return try await process(
                body: body, key: key, requestID: requestID, startedAtMillis: startedAtMillis, started: started, clientHeaders: request.headers)
        } catch let refusal as Gatekeeper.Refusal {
            return Responses.error(refusal.error, dialect: ingress.errorDialect, requestID: requestID, headers: refusal.headers)
        } catch let error as GatewayError {
            return Responses.error(error, dialect: ingress.errorDialect, requestID: requestID)
        } catch {
            gateway.logger.error("unexpected failure", metadata: ["gw.request.id": "\(requestID)", "gw.error": "\(error)"])
            return Responses.error(GatewayError(.internalError, "Internal error.", code: "internal_error"), dialect: ingress.errorDialect, requestID: requestID)
        }
    }

    func process(
        body: [UInt8], key: String, requestID: String, startedAtMillis: Int64, started: ContinuousClock.Instant, clientHeaders: HTTPFields = [:]
    ) async throws -> Response {
        let json: JSONValue
        do {
            json = try JSONParser.parse(body)
        } catch {
            throw GatewayError.invalidJSON(error.description)
        }
        var chat = try ingress.decodeRequest(json)
        let clientRequest = chat
        let resolved = try gateway.resolve(chat.model)
        let images = chat.imageCount
        var jsonSchema = false
        if case .jsonSchema = chat.responseFormat { jsonSchema = true }
        try gateway.checkCapabilities(resolved.model, tools: !chat.tools.isEmpty, images: images > 0, jsonSchema: jsonSchema)
        if ingress == .anthropicMessages && resolved.provider.kind == .anthropic {
            _ = try gateway.outputLimit(for: resolved.model, requested: chat.maxOutputTokens)
            return try await anthropicPassthrough(
                body: body, chat: chat, resolved: resolved, key: key, requestID: requestID, clientHeaders: clientHeaders,
                startedAtMillis: startedAtMillis, started: started)
        }

        // The output limit is decided (and sent upstream) before admission, so a request the provider's dialect
        // cannot express is refused before anything is held.
        let choices = max(1, chat.sampling.choices ?? 1)
        chat.maxOutputTokens = try gateway.outputLimit(for: resolved.model, requested: chat.maxOutputTokens)
        let egress = Egress(kind: resolved.provider.kind)
        let upstreamBody = try egress.encodeRequest(chat, upstreamModel: resolved.route.upstreamModel)

        let imageTokens = Int64(images) * OpenAIChatRequest.imageTokenAllowance
        let upstreamRequest = ProviderCall.request(
            provider: resolved.provider, path: egress.path(upstreamModel: resolved.route.upstreamModel, stream: chat.stream), body: upstreamBody,
            stream: chat.stream)
        let (admitted, outcome) = try await gateway.admitAndCall(
            upstreamRequest, stream: chat.stream, key: key, requestID: requestID, resolved: resolved,
            size: RequestSize(
                inputTokenBound: Int64(body.count) + imageTokens, inputTokenEstimate: Int64(body.count / 4) + Int64(images) * 765,
                requestedOutput: chat.maxOutputTokens, choices: choices),
            endpoint: ingress.endpointName, startedAtMillis: startedAtMillis, started: started)
        let billing = admitted.billing
        var headers = admitted.headers
        let context = StreamContext(
            clientModel: resolved.model.id, request: clientRequest, clientBody: json, egress: egress, provider: resolved.provider, billing: billing,
            inputEstimate: Int64(body.count / 4))
        switch outcome {
        case .failed(let error):
            billing.finish(usage: .zero, source: .none, outcome: .upstreamFailed, status: error.status)
            return Responses.error(error, dialect: ingress.errorDialect, requestID: requestID, headers: headers)
        case .rejected(let error, let extra):
            billing.finish(usage: .zero, source: .none, outcome: .upstreamFailed, status: error.status)
            headers.append(contentsOf: extra)
            return Responses.error(error, dialect: ingress.errorDialect, requestID: requestID, headers: headers)
        case .stream(let response):
            return streamResponse(response, context: context, headers: headers)
        case .complete(let bytes):
            return completeResponse(bytes, context: context, headers: headers)
        }
    }

    struct StreamContext: Sendable {
        var clientModel: String
        var request: ChatRequest
        var clientBody: JSONValue
        var egress: Egress
        var provider: Catalog.Provider
        var billing: RequestBilling
        var inputEstimate: Int64
    }

    func completeResponse(_ bytes: [UInt8], context: StreamContext, headers: HTTPFields) -> Response {
        let billing = context.billing
        var answer: ChatResponse
        do {
            let json: JSONValue
            do {
                json = try JSONParser.parse(bytes)
            } catch {
                throw GatewayError(.upstreamFailed, "The provider '\(context.provider.name)' sent an unreadable answer.", code: "invalid_upstream_response")
            }
            answer = try context.egress.decodeResponse(json)
        } catch {
            let gatewayError = (error as? GatewayError) ?? ProviderCall.gatewayError(for: error, provider: context.provider.name)
            billing.finish(usage: Usage(inputTokens: context.inputEstimate), source: .estimated, outcome: .upstreamFailed, status: gatewayError.status)
            return Responses.error(gatewayError, dialect: ingress.errorDialect, requestID: billing.requestID, headers: headers)
        }
        if answer.created == 0 { answer.created = WallClock.unixMillis() / 1000 }  // Anthropic and Gemini send no timestamp
        let usage = answer.usage ?? Usage(inputTokens: context.inputEstimate, outputTokens: Int64((answer.generatedBytes + 3) / 4))
        billing.finish(usage: usage, source: answer.usage == nil ? .estimated : .provider, outcome: .completed, status: 200)
        let (bytes, contentType) = ingress.encodeResponse(answer, clientModel: context.clientModel, request: context.request, body: context.clientBody)
        var headers = headers
        headers[.contentType] = contentType
        if ingress == .responsesCompact { UsageHeaders.add(usage, to: &headers) }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    func streamResponse(_ response: UpstreamResponse, context: StreamContext, headers: HTTPFields) -> Response {
        var headers = headers
        headers[.contentType] = ingress.streamContentType
        headers[.cacheControl] = "no-cache"
        let relay = CanonicalRelay(
            reader: context.egress.makeStreamReader(),
            writer: ingress.makeStreamWriter(clientModel: context.clientModel, request: context.request, body: context.clientBody))
        let compact = ingress == .responsesCompact
        return relayedStream(
            response, relay: relay, provider: context.provider, billing: context.billing, inputEstimate: context.inputEstimate, headers: headers,
            trailers: { usage in
                guard compact else { return nil }
                var fields: HTTPFields = [:]
                UsageHeaders.add(usage, to: &fields)
                return fields
            })
    }
}

/// Token usage in response headers (`/v1/responses/compact`, whose body is only text).
enum UsageHeaders {
    static let input = HTTPField.Name("x-tokmodel-input-tokens")!
    static let output = HTTPField.Name("x-tokmodel-output-tokens")!
    static let cached = HTTPField.Name("x-tokmodel-cached-input-tokens")!

    static func add(_ usage: Usage, to fields: inout HTTPFields) {
        fields[input] = String(usage.inputTokens)
        fields[output] = String(usage.outputTokens)
        fields[cached] = String(usage.cachedInputTokens)
    }
}

extension ChatRequest {
    /// Image blocks anywhere in the conversation (each may cost many prompt tokens).
    var imageCount: Int {
        turns.reduce(0) { total, turn in
            total + turn.blocks.reduce(0) { count, block in
                switch block {
                case .image: count + 1
                case .toolResult(let result): count + result.content.filter { if case .image = $0 { true } else { false } }.count
                default: count
                }
            }
        }
    }
}

extension ChatResponse {
    /// Bytes of generated text and tool arguments: the basis of an estimate when a provider reports no usage.
    var generatedBytes: Int {
        blocks.reduce(0) { total, block in
            switch block {
            case .text(let text): total + text.utf8.count
            case .toolCall(let call): total + call.arguments.utf8.count + call.name.utf8.count
            case .thinking(let thinking): total + thinking.text.utf8.count
            default: total
            }
        }
    }
}
