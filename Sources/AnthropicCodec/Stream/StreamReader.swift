public import Conversation
public import Dialects
public import TokModelCore

extension AnthropicMessages {
    /// Turns an Anthropic provider's stream events (§4.7) into canonical stream events.
    ///
    /// - `message_start` → `.start(id, model)` and `.usage` with the input side (Anthropic reports it there).
    /// - `content_block_start` / `_delta` / `_stop` → `.blockStart` / deltas / `.blockStop`. The canonical
    ///   block index is Anthropic's index; blocks the canonical model cannot carry (`redacted_thinking`,
    ///   server-tool blocks) are skipped together with their deltas, and the blocks after them renumbered so
    ///   that canonical indices stay contiguous. Empty text and `partial_json` fragments (the first
    ///   `input_json_delta` is often `""`) are not passed on; `citations_delta` is ignored.
    /// - `message_delta` → `.finish(stop reason, stop sequence)` then `.usage`: its `output_tokens` is
    ///   cumulative, and any input or cache counts it carries replace the earlier ones.
    /// - `message_stop` → `.end`; `ping` and unknown events → nothing.
    /// - `error` → `.error` (the provider's type and message) then `.end`; later events are ignored.
    public struct StreamReader: Sendable {
        private var started = false
        private var finished = false
        private var ended = false
        /// Anthropic's usage fields as reported so far, merged field by field.
        private var usageFields: JSONValue = [:]
        /// Anthropic block index → canonical block index, for the blocks passed on.
        private var blockIndices: [Int: Int] = [:]
        private var nextIndex = 0

        public init() {}

        /// The canonical events for one provider event. Throws when the event's data is not JSON.
        public mutating func read(_ event: SSEEvent) throws(GatewayError) -> [StreamEvent] {
            guard !ended else { return [] }
            let json: JSONValue
            do {
                json = try JSONParser.parse(event.data)
            } catch {
                throw ProviderErrors.malformed("a stream event")
            }
            switch json["type"]?.stringValue ?? event.event {
            case "message_start": return messageStart(json["message"] ?? [:])
            case "content_block_start": return try blockStart(json)
            case "content_block_delta": return try blockDelta(json)
            case "content_block_stop": return try blockStop(json)
            case "message_delta": return messageDelta(json)
            case "message_stop": return messageStop()
            case "error":
                ended = true
                return [.error(ProviderErrors.gatewayError(json)), .end]
            default:
                return []  // ping, and event types Anthropic may add
            }
        }

        /// The provider's stream is over. Without `message_stop` or `message_delta` the answer is incomplete,
        /// which the client must learn as an error rather than as a normal end.
        public mutating func finish() -> [StreamEvent] {
            guard !ended else { return [] }
            ended = true
            if finished { return [.end] }
            let error = GatewayError(
                .upstreamFailed, "The provider's stream ended before the answer was complete.", code: "upstream_stream_truncated")
            return [.error(error), .end]
        }

        // MARK: Events

        private mutating func messageStart(_ message: JSONValue) -> [StreamEvent] {
            guard !started else { return [] }
            started = true
            var events: [StreamEvent] = [.start(id: message["id"]?.stringValue ?? "", model: message["model"]?.stringValue ?? "")]
            if let usage = message["usage"], let merged = mergeUsage(usage) { events.append(.usage(merged)) }
            return events
        }

        /// A `.start` for a stream whose content came before any `message_start` (tolerated, not expected).
        private mutating func startIfNeeded(_ events: inout [StreamEvent]) {
            guard !started else { return }
            started = true
            events.append(.start(id: "", model: ""))
        }

        private mutating func blockStart(_ json: JSONValue) throws(GatewayError) -> [StreamEvent] {
            let anthropicIndex = try index(json)
            let block = json["content_block"] ?? [:]
            var events: [StreamEvent] = []
            startIfNeeded(&events)
            let kind: BlockKind
            switch block["type"]?.stringValue {
            case "text": kind = .text
            case "thinking": kind = .thinking
            case "tool_use":
                guard let id = block["id"]?.stringValue, let name = block["name"]?.stringValue else {
                    throw ProviderErrors.malformed("a tool_use block")
                }
                kind = .toolCall(id: id, name: name)
            default:
                return events
            }
            let index = nextIndex
            nextIndex += 1
            blockIndices[anthropicIndex] = index
            events.append(.blockStart(index: index, kind: kind))
            // Anthropic starts blocks empty; anything already there is passed on as a first delta.
            switch kind {
            case .text:
                if let text = block["text"]?.stringValue, !text.isEmpty { events.append(.textDelta(index: index, text: text)) }
            case .thinking:
                if let text = block["thinking"]?.stringValue, !text.isEmpty { events.append(.thinkingDelta(index: index, text: text)) }
                if let signature = block["signature"]?.stringValue, !signature.isEmpty {
                    events.append(.thinkingSignature(index: index, signature: signature))
                }
            case .toolCall:
                if let input = block["input"], let members = input.objectValue, !members.isEmpty {
                    events.append(.toolArgumentsDelta(index: index, json: JSONWriter.string(input)))
                }
            }
            return events
        }

        private mutating func blockDelta(_ json: JSONValue) throws(GatewayError) -> [StreamEvent] {
            guard let index = blockIndices[try self.index(json)], let delta = json["delta"] else { return [] }
            func nonEmpty(_ key: String) -> String? {
                guard let text = delta[key]?.stringValue, !text.isEmpty else { return nil }
                return text
            }
            switch delta["type"]?.stringValue {
            case "text_delta": return nonEmpty("text").map { [.textDelta(index: index, text: $0)] } ?? []
            case "input_json_delta": return nonEmpty("partial_json").map { [.toolArgumentsDelta(index: index, json: $0)] } ?? []
            case "thinking_delta": return nonEmpty("thinking").map { [.thinkingDelta(index: index, text: $0)] } ?? []
            case "signature_delta": return nonEmpty("signature").map { [.thinkingSignature(index: index, signature: $0)] } ?? []
            default: return []
            }
        }

        private mutating func blockStop(_ json: JSONValue) throws(GatewayError) -> [StreamEvent] {
            guard let index = blockIndices.removeValue(forKey: try self.index(json)) else { return [] }
            return [.blockStop(index: index)]
        }

        private mutating func messageDelta(_ json: JSONValue) -> [StreamEvent] {
            var events: [StreamEvent] = []
            startIfNeeded(&events)
            if !finished {
                finished = true
                let delta = json["delta"]
                events.append(.finish(StopReasons.canonical(delta?["stop_reason"]?.stringValue), stopSequence: delta?["stop_sequence"]?.stringValue))
            }
            if let usage = json["usage"], let merged = mergeUsage(usage) { events.append(.usage(merged)) }
            return events
        }

        private mutating func messageStop() -> [StreamEvent] {
            var events: [StreamEvent] = []
            startIfNeeded(&events)
            if !finished {
                finished = true
                events.append(.finish(.endTurn, stopSequence: nil))
            }
            ended = true
            events.append(.end)
            return events
        }

        // MARK: Helpers

        /// Adds a usage object's numeric fields to those seen so far; the merged usage, or nil if none yet.
        private mutating func mergeUsage(_ usage: JSONValue) -> Usage? {
            for (key, value) in usage.objectValue ?? [] where value.int64Value != nil {
                usageFields.set(key, value)
            }
            return AnthropicMessages.usage(from: usageFields)
        }

        private func index(_ json: JSONValue) throws(GatewayError) -> Int {
            guard let value = json["index"]?.int64Value, value >= 0, let index = Int(exactly: value) else {
                throw ProviderErrors.malformed("a content block event without a valid index")
            }
            return index
        }
    }
}
