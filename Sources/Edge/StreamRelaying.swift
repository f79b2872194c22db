import Dialects
import HTTPTypes
import Hummingbird
import NIOCore
import TokModelCore
import UpstreamClient

/// Turns a provider's stream into the client's, event by event: provider bytes in, client bytes out, with the
/// usage report and the amount generated tracked for billing. Implementations are pure state machines.
protocol StreamRelay: Sendable {
    mutating func feed(_ bytes: ByteBufferView) -> [UInt8]
    /// The provider's stream ended (cleanly or not): the last bytes, closing the client's stream in-band with
    /// an error if the provider never finished it.
    mutating func finish(providerName: String) -> [UInt8]
    /// Called once the client has gone: keep reading for usage, write nothing.
    mutating func clientDisconnected()
    var usage: Usage? { get }
    var generatedBytes: Int { get }
    /// The provider broke off or reported an error mid-stream.
    var failed: Bool { get }
}

/// The streaming response shared by every endpoint: relays chunks as they arrive, notices a client that went
/// away at the next write and then drains the provider (to get its usage report, within the provider's
/// `drain_timeout_ms`) or cancels it, as the catalog says; settles exactly once.
func relayedStream<Relay: StreamRelay>(
    _ response: UpstreamResponse, relay: Relay, provider: Catalog.Provider, billing: RequestBilling, inputEstimate: Int64,
    headers: HTTPFields, trailers: (@Sendable (Usage) -> HTTPFields?)? = nil
) -> Response {
    let body = ResponseBody { writer in
        var relay = relay
        let chunks = response.body.makeAsyncIterator()
        var clientGone = false
        var drainWatchdog: Task<Void, Never>?

        func send(_ bytes: [UInt8]) async {
            guard !clientGone, !bytes.isEmpty else { return }
            do {
                try await writer.write(ByteBuffer(bytes: bytes))
                billing.markFirstByte()
            } catch {
                clientGone = true
                relay.clientDisconnected()
                if provider.drainsOnDisconnect {
                    let limit = Duration.milliseconds(provider.drainTimeoutMillis)
                    drainWatchdog = Task {
                        try? await Task.sleep(for: limit)
                        if !Task.isCancelled { response.cancel() }
                    }
                } else {
                    response.cancel()
                }
            }
        }

        while true {
            let next: ByteBuffer?
            do {
                next = try await chunks.next()
            } catch {
                break  // the provider broke off; `finish` tells the client in-band
            }
            guard let buffer = next else { break }
            await send(relay.feed(buffer.readableBytesView))
            if clientGone && !provider.drainsOnDisconnect { break }
        }
        drainWatchdog?.cancel()
        let tail = relay.finish(providerName: provider.name)

        // Settled before the client gets the end of its answer: the settlement is in the edge's journal by
        // then, so a client that saw its stream complete is billed even if this process dies right after.
        let usage = relay.usage ?? Usage(inputTokens: inputEstimate, outputTokens: Int64((relay.generatedBytes + 3) / 4))
        if clientGone {
            let source: UsageSource = relay.usage == nil ? .estimated : (provider.drainsOnDisconnect ? .drained : .provider)
            billing.finish(usage: usage, source: source, outcome: .clientAborted, status: 200)
            return
        }
        billing.finish(usage: usage, source: relay.usage == nil ? .estimated : .provider, outcome: relay.failed ? .upstreamFailed : .completed, status: 200)
        await send(tail)
        try? await writer.finish(trailers?(usage))
    }
    return Response(status: .ok, headers: headers, body: body)
}

/// OpenAI Chat pass-through: the provider's chunks with the client's model id, usage captured.
struct OpenAIChatPassthroughRelay: StreamRelay {
    var inner: OpenAIChatStreamRelay
    var clientGone = false

    mutating func feed(_ bytes: ByteBufferView) -> [UInt8] {
        do {
            let out = try inner.feed(bytes)
            return clientGone ? [] : out
        } catch {
            brokenLine = true
            return []
        }
    }

    private var brokenLine = false

    init(clientModel: String, forwardUsageChunk: Bool) {
        inner = OpenAIChatStreamRelay(clientModel: clientModel, forwardUsageChunk: forwardUsageChunk)
    }

    mutating func finish(providerName: String) -> [UInt8] {
        var out = inner.finish()
        if !inner.sawDone || brokenLine {
            let error = GatewayError(.upstreamFailed, "The provider '\(providerName)' ended the stream unexpectedly.", code: "upstream_stream_broken")
            out.append(contentsOf: "data: ".utf8)
            out.append(contentsOf: ErrorBody.render(error, dialect: .openAI))
            out.append(contentsOf: "\n\n".utf8)
        }
        return clientGone ? [] : out
    }

    mutating func clientDisconnected() { clientGone = true }
    var usage: Usage? { inner.usage }
    var generatedBytes: Int { inner.generatedBytes }
    var failed: Bool { !inner.sawDone || brokenLine || inner.streamError != nil }
}
