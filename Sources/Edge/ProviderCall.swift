import Dialects
import HTTPTypes
import NIOCore
import TokModelCore
import UpstreamClient

/// Requests to a catalog provider and the translation of its failures into gateway errors.
enum ProviderCall {
    /// The HTTP request for `path` under the provider's base URL, with its credentials.
    static func request(provider: Catalog.Provider, path: String, body: [UInt8], stream: Bool) -> UpstreamRequest {
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json")]
        if stream { headers.append(("Accept", "text/event-stream")) }
        if let key = provider.apiKey {
            switch provider.kind {
            case .openai: headers.append(("Authorization", "Bearer \(key)"))
            case .anthropic:
                headers.append(("x-api-key", key))
                headers.append(("anthropic-version", "2023-06-01"))
            case .gemini: headers.append(("x-goog-api-key", key))
            }
        }
        return UpstreamRequest(
            url: provider.baseURL + path, headers: headers, body: body, connectTimeoutMillis: provider.connectTimeoutMillis,
            firstByteTimeoutMillis: provider.requestTimeoutMillis, totalTimeoutMillis: provider.requestTimeoutMillis)
    }

    static func gatewayError(for error: any Error, provider: String) -> GatewayError {
        if let upstream = error as? UpstreamError {
            switch upstream.kind {
            case .timedOut:
                return GatewayError(.upstreamTimeout, "The provider '\(provider)' did not answer in time.", code: "upstream_timeout")
            case .failed, .cancelled, .shutDown:
                return GatewayError(.upstreamFailed, "The provider '\(provider)' could not be reached: \(upstream.message)", code: "upstream_unreachable")
            }
        }
        return GatewayError(.upstreamFailed, "The provider '\(provider)' failed.", code: "upstream_error")
    }

    /// What to tell the client about a provider's error response.
    ///
    /// Client-side errors (400, 404, 409, 413, 422) and 429 are the client's business and pass through with
    /// the provider's message. A 401/403 means the gateway's own provider key is wrong: the client gets a 502
    /// without the provider's text (which can echo part of the key). Server errors become 502 with the
    /// provider's message.
    static func translateErrorResponse(status: Int, body: [UInt8], headers: UpstreamResponseHead, provider: String) -> (GatewayError, HTTPFields) {
        let providerMessage = Self.message(in: body)
        var extra: HTTPFields = [:]
        switch status {
        case 400, 404, 409, 413, 422:
            let kind: GatewayError.Kind = status == 404 ? .notFound : (status == 413 ? .payloadTooLarge : .invalidRequest)
            return (GatewayError(kind, providerMessage ?? "The provider refused the request (HTTP \(status)).", code: "upstream_rejected"), extra)
        case 429:
            let retry = Int(headers.header("retry-after") ?? "") ?? 1
            extra[.retryAfter] = String(retry)
            return (GatewayError(.rateLimited(retryAfterSeconds: retry), "The provider '\(provider)' is rate limiting: \(providerMessage ?? "try again shortly").", code: "upstream_rate_limited"), extra)
        case 401, 403:
            return (GatewayError(.upstreamFailed, "The provider '\(provider)' refused the gateway's credentials (HTTP \(status)).", code: "upstream_auth_failed"), extra)
        default:
            let detail = providerMessage.map { ": \($0)" } ?? "."
            return (GatewayError(.upstreamFailed, "The provider '\(provider)' failed (HTTP \(status))\(detail)", code: "upstream_error"), extra)
        }
    }

    /// `error.message` (OpenAI, Anthropic, Gemini shapes), truncated.
    static func message(in body: [UInt8]) -> String? {
        guard let value = try? JSONParser.parse(body) else { return nil }
        let message = value["error"]?["message"]?.stringValue ?? value["message"]?.stringValue
        return message.map { String($0.prefix(500)) }
    }
}

/// Reads a whole provider body, up to a limit.
enum BodyReader {
    struct TooLarge: Error {}

    static func collect(_ body: UpstreamResponse.Body, limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await buffer in body {
            guard bytes.count + buffer.readableBytes <= limit else { throw TooLarge() }
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        return bytes
    }
}

/// How a provider call ended, before its answer is translated.
enum ProviderOutcome: Sendable {
    /// Unreachable, timed out, or the answer was unreadable: nothing was generated (the caller bills zero).
    case failed(GatewayError)
    /// The provider answered with an error status; the error to show and the headers it needs (Retry-After).
    case rejected(GatewayError, HTTPFields)
    /// A streamed answer, head received.
    case stream(UpstreamResponse)
    /// A complete answer.
    case complete([UInt8])
}

extension Gateway {
    /// Calls a provider. Streams come back as soon as the head arrives; other answers in one piece (one
    /// hand-off from the curl thread instead of one per chunk).
    func callProvider(_ request: UpstreamRequest, provider: Catalog.Provider, stream: Bool) async -> ProviderOutcome {
        if stream {
            let response: UpstreamResponse
            do {
                response = try await upstream.execute(request)
            } catch {
                return .failed(ProviderCall.gatewayError(for: error, provider: provider.name))
            }
            guard (200..<300).contains(response.head.status) else {
                let errorBody = (try? await BodyReader.collect(response.body, limit: 1 << 20)) ?? []
                let (error, headers) = ProviderCall.translateErrorResponse(
                    status: response.head.status, body: errorBody, headers: response.head, provider: provider.name)
                return .rejected(error, headers)
            }
            return .stream(response)
        }
        do {
            let (head, body) = try await upstream.fetch(request, limit: configuration.maxUpstreamResponseBytes)
            guard (200..<300).contains(head.status) else {
                let (error, headers) = ProviderCall.translateErrorResponse(status: head.status, body: body, headers: head, provider: provider.name)
                return .rejected(error, headers)
            }
            return .complete(body)
        } catch {
            return .failed(ProviderCall.gatewayError(for: error, provider: provider.name))
        }
    }
}
