import Conversation
import Dialects
import NIOCore
import TokModelCore

/// The stream translation state machine: provider bytes in, client bytes out, usage and output size tracked.
/// Pure: no I/O.
struct CanonicalRelay: StreamRelay {
    private var parser = SSEParser()
    private var reader: any ProviderStreamReader
    private var writer: any ClientStreamWriter
    private(set) var usage: Usage?
    private(set) var generatedBytes = 0
    private(set) var ended = false
    private(set) var failed = false
    /// Once the client is gone, events are still read (for usage) but no longer written.
    var clientGone = false

    mutating func clientDisconnected() { clientGone = true }

    init(reader: any ProviderStreamReader, writer: any ClientStreamWriter) {
        self.reader = reader
        self.writer = writer
    }

    mutating func feed(_ bytes: ByteBufferView) -> [UInt8] {
        let events: [SSEEvent]
        do {
            events = try parser.feed(bytes)
        } catch {
            return emit([.error(GatewayError(.upstreamFailed, "The provider sent an oversized stream event.", code: "upstream_stream_broken")), .end])
        }
        var out: [UInt8] = []
        for event in events {
            let canonical: [StreamEvent]
            do {
                canonical = try reader.read(event)
            } catch {
                canonical = [.error(error), .end]
            }
            out.append(contentsOf: emit(canonical))
        }
        return out
    }

    /// The provider's stream ended (cleanly or not): flush the reader, and close the client's stream with an
    /// error if the provider never finished it.
    mutating func finish(providerName: String) -> [UInt8] {
        var out: [UInt8] = []
        if let event = parser.finish() {
            do {
                out.append(contentsOf: emit(try reader.read(event)))
            } catch {
                out.append(contentsOf: emit([.error(error), .end]))
            }
        }
        if !ended { out.append(contentsOf: emit(reader.finish())) }
        if !ended {
            let error = GatewayError(.upstreamFailed, "The provider '\(providerName)' ended the stream unexpectedly.", code: "upstream_stream_broken")
            out.append(contentsOf: emit([.error(error), .end]))
        }
        return out
    }

    private mutating func emit(_ events: [StreamEvent]) -> [UInt8] {
        var out: [UInt8] = []
        for event in events where !ended {
            switch event {
            case .usage(let value): usage = value
            case .textDelta(_, let text), .thinkingDelta(_, let text): generatedBytes += text.utf8.count
            case .toolArgumentsDelta(_, let json): generatedBytes += json.utf8.count
            case .error: failed = true
            case .end: ended = true
            default: break
            }
            if !clientGone { out.append(contentsOf: writer.write(event)) }
        }
        return out
    }
}

