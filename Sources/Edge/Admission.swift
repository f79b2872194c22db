import HTTPTypes
import Logging
import TokModelCore
import UpstreamClient

/// A model resolved through the catalog: the model, the route that serves it now, and its provider.
struct ResolvedModel: Sendable {
    var model: Catalog.Model
    var route: Catalog.Route
    var provider: Catalog.Provider
}

/// A request admitted by Redis: its billing guard and the headers every response carries.
struct AdmittedRequest: Sendable {
    var billing: RequestBilling
    var headers: HTTPFields
}

/// How big a request can be, measured before any I/O.
struct RequestSize: Sendable {
    /// Prompt tokens it can cost at most (each token is at least one byte; images get an allowance).
    var inputTokenBound: Int64
    /// A typical prompt-token count, charged to tokens-per-minute limits at admission.
    var inputTokenEstimate: Int64
    /// `max_tokens` or its dialect's equivalent, when the client set one.
    var requestedOutput: Int64?
    var choices: Int64
}

extension Gateway {
    func resolve(_ modelID: String) throws(GatewayError) -> ResolvedModel {
        guard let model = catalog.models[modelID], let (route, provider) = catalog.activeRoute(for: model) else {
            throw GatewayError.unknownModel(modelID)
        }
        return ResolvedModel(model: model, route: route, provider: provider)
    }

    /// Output tokens a request may generate per choice: what the client asked for (at most the model's limit),
    /// else the model's maximum or the catalog default. It is reserved, and sent upstream as the limit.
    func outputLimit(for model: Catalog.Model, requested: Int64?) throws(GatewayError) -> Int64 {
        if let requested, let limit = model.maxOutputTokens, requested > Int64(limit) {
            throw GatewayError.invalidField("max_tokens", "\(requested) is above this model's limit of \(limit) output tokens")
        }
        return requested ?? Int64(model.maxOutputTokens ?? model.defaultMaxTokens)
    }

    /// Refuses a request that needs something the model cannot do, before anything is held or sent.
    func checkCapabilities(_ model: Catalog.Model, tools: Bool, images: Bool, jsonSchema: Bool) throws(GatewayError) {
        if tools && !model.capabilities.contains(.tools) {
            throw GatewayError(.invalidRequest, "The model '\(model.id)' does not support tools.", code: "unsupported_capability", param: "tools")
        }
        if images && !model.capabilities.contains(.vision) {
            throw GatewayError(.invalidRequest, "The model '\(model.id)' does not accept images.", code: "unsupported_capability", param: "messages")
        }
        if jsonSchema && !model.capabilities.contains(.jsonSchema) {
            throw GatewayError(
                .invalidRequest, "The model '\(model.id)' does not support JSON-schema output.", code: "unsupported_capability", param: "response_format")
        }
    }

    /// Holds the worst-case cost and checks the key's and account's limits (one Redis round trip with a warm
    /// key cache), creates the request's billing guard, and calls the provider. When the key's last admission
    /// here left room for this request (``SpeculationBook``), the provider call starts at once and runs while
    /// Redis decides; a refusal cancels it, and nothing is relayed before the request is admitted.
    func admitAndCall(
        _ upstreamRequest: UpstreamRequest, stream: Bool, key: String, requestID: String, resolved: ResolvedModel, size: RequestSize,
        endpoint: String, startedAtMillis: Int64, started: ContinuousClock.Instant
    ) async throws -> (AdmittedRequest, ProviderOutcome) {
        let ticket = try ticket(requestID: requestID, resolved: resolved, size: size)
        guard APIKey.looksValid(key) else { throw Gatekeeper.Refusal(error: .invalidKey) }
        let keyHash = APIKey.hash(key)
        func admitted(_ admitted: Gatekeeper.Admitted) -> AdmittedRequest {
            admittedRequest(admitted, ticket: ticket, resolved: resolved, size: size, endpoint: endpoint, startedAtMillis: startedAtMillis, started: started)
        }
        guard gatekeeper.mayGoAhead(keyHash: keyHash, ticket: ticket) else {
            let request = admitted(try await gatekeeper.admit(keyHash: keyHash, ticket: ticket, ahead: false))
            return (request, await callProvider(upstreamRequest, provider: resolved.provider, stream: stream))
        }
        async let outcome = callProvider(upstreamRequest, provider: resolved.provider, stream: stream)
        let request: AdmittedRequest
        do {
            request = admitted(try await gatekeeper.admit(keyHash: keyHash, ticket: ticket, ahead: true))
        } catch {
            // Leaving the scope cancels the provider call (an answer already received is dropped unread).
            logger.info("provider call sent ahead of a refused admission cancelled", metadata: ["gw.request.id": "\(requestID)"])
            throw error
        }
        return (request, await outcome)
    }

    /// What admission asks Redis for: the worst-case cost and the tokens charged to per-minute limits.
    func ticket(requestID: String, resolved: ResolvedModel, size: RequestSize) throws(GatewayError) -> Gatekeeper.Ticket {
        let model = resolved.model
        let outputBound = try outputLimit(for: model, requested: size.requestedOutput) * size.choices
        return Gatekeeper.Ticket(
            requestID: requestID, model: model.id,
            reservation: model.prices.worstCaseCost(inputTokens: size.inputTokenBound, outputTokens: outputBound),
            admittedTokens: size.inputTokenEstimate + outputBound,
            holdMillis: Int64(resolved.provider.requestTimeoutMillis) + configuration.holdGraceMillis)
    }

    /// The billing guard (from here on the request is billed exactly once) and the headers of every answer.
    private func admittedRequest(
        _ admitted: Gatekeeper.Admitted, ticket: Gatekeeper.Ticket, resolved: ResolvedModel, size: RequestSize, endpoint: String,
        startedAtMillis: Int64, started: ContinuousClock.Instant
    ) -> AdmittedRequest {
        let billing = RequestBilling(
            base: .init(
                requestID: ticket.requestID, accountID: admitted.accountID, keyID: admitted.keyID, model: resolved.model.id,
                provider: resolved.provider.name, endpoint: endpoint, reservation: ticket.reservation, admittedTokens: ticket.admittedTokens,
                prices: resolved.model.prices, inputTokenEstimate: size.inputTokenEstimate),
            ledger: ledger, startedAtMillis: startedAtMillis, started: started)
        var headers: HTTPFields = [:]
        headers[.requestID] = ticket.requestID
        RateLimitHeaders.add(admitted.limits, to: &headers)
        return AdmittedRequest(billing: billing, headers: headers)
    }
}
