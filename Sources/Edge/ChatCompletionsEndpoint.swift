import Dialects
import Governance
import HTTPTypes
import Hummingbird
import LedgerProtocol
import Logging
import NIOCore
import TokModelCore
import UpstreamClient

/// `POST /v1/chat/completions` in the OpenAI dialect, to OpenAI-compatible providers.
///
/// Same-dialect traffic passes through with minimal rewriting: the request's bytes are kept except `model`
/// (rewritten to the provider's name) and, for streams, `stream_options.include_usage` (forced on so that
/// billing never depends on the client); the answer's bytes are kept except `model` (the client's id) and the
/// usage chunk, which the client sees only if it asked for it.
struct ChatCompletionsEndpoint: Sendable {
    let gateway: Gateway

    static let endpointName = "chat.completions"

    func handle(_ request: Request, context: some RequestContext) async -> Response {
        let requestID = RequestID.generate()
        let startedAtMillis = Gateway.unixMillis()
        let started = ContinuousClock.now
        do {
            return try await process(request, requestID: requestID, startedAtMillis: startedAtMillis, started: started)
        } catch let refusal as Gatekeeper.Refusal {
            return Responses.error(refusal.error, dialect: .openAI, requestID: requestID, headers: refusal.headers)
        } catch let error as GatewayError {
            return Responses.error(error, dialect: .openAI, requestID: requestID)
        } catch {
            gateway.logger.error("unexpected failure", metadata: ["gw.request.id": "\(requestID)", "gw.error": "\(error)"])
            return Responses.error(GatewayError(.internalError, "Internal error.", code: "internal_error"), dialect: .openAI, requestID: requestID)
        }
    }

    func process(_ request: Request, requestID: String, startedAtMillis: Int64, started: ContinuousClock.Instant) async throws -> Response {
        let key = try Gatekeeper.apiKey(from: request.headers)
        let body = try await gateway.readBody(request)
        let chat = try OpenAIChatRequest(bytes: body)
        let resolved = try gateway.resolve(chat.model)
        guard resolved.provider.kind == .openai else {
            // Another dialect upstream: translate through the canonical model.
            return try await TranslatingEndpoint(gateway: gateway, ingress: .openAIChat).process(
                body: body, key: key, requestID: requestID, startedAtMillis: startedAtMillis, started: started)
        }
        try gateway.checkCapabilities(resolved.model, tools: chat.usesTools, images: chat.imageParts > 0, jsonSchema: chat.usesJSONSchema)
        let upstreamRequest = ProviderCall.request(
            provider: resolved.provider, path: "/chat/completions", body: chat.upstreamBody(upstreamModel: resolved.route.upstreamModel),
            stream: chat.stream)
        let (admitted, outcome) = try await gateway.admitAndCall(
            upstreamRequest, stream: chat.stream, key: key, requestID: requestID, resolved: resolved,
            size: RequestSize(
                inputTokenBound: chat.inputTokenBound, inputTokenEstimate: chat.inputTokenEstimate, requestedOutput: chat.maxOutputTokens,
                choices: chat.choices),
            endpoint: Self.endpointName, startedAtMillis: startedAtMillis, started: started)
        let billing = admitted.billing
        var headers = admitted.headers
        let model = resolved.model
        let provider = resolved.provider
        switch outcome {
        case .failed(let error):
            billing.finish(usage: .zero, source: .none, outcome: .upstreamFailed, status: error.status)
            return Responses.error(error, dialect: .openAI, requestID: requestID, headers: headers)
        case .rejected(let error, let extra):
            billing.finish(usage: .zero, source: .none, outcome: .upstreamFailed, status: error.status)
            headers.append(contentsOf: extra)
            return Responses.error(error, dialect: .openAI, requestID: requestID, headers: headers)
        case .stream(let response):
            return streamResponse(response, chat: chat, modelID: model.id, provider: provider, billing: billing, headers: headers)
        case .complete(let bytes):
            let relayed = OpenAIChatResponse.relay(body: bytes, clientModel: model.id)
            if let usage = relayed.usage {
                billing.finish(usage: usage, source: .provider, outcome: .completed, status: 200)
            } else {
                let estimate = Usage(inputTokens: chat.inputTokenEstimate, outputTokens: Int64((bytes.count + 3) / 4))
                billing.finish(usage: estimate, source: .estimated, outcome: .completed, status: 200)
            }
            return Responses.json(relayed.body, requestID: requestID, headers: headers)
        }
    }

    func streamResponse(
        _ response: UpstreamResponse, chat: OpenAIChatRequest, modelID: String, provider: Catalog.Provider, billing: RequestBilling, headers: HTTPFields
    ) -> Response {
        var headers = headers
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        return relayedStream(
            response, relay: OpenAIChatPassthroughRelay(clientModel: modelID, forwardUsageChunk: chat.clientWantsStreamUsage), provider: provider,
            billing: billing, inputEstimate: chat.inputTokenEstimate, headers: headers)
    }
}
