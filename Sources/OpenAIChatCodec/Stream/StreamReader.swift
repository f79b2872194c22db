public import Conversation
public import Dialects
public import TokModelCore

extension OpenAIChat {
    /// A provider's `chat.completion.chunk` stream → canonical events (§2.6, §11.16 B).
    ///
    /// - `.start` on the first chunk, with the provider's id and model.
    /// - Text (`delta.content`, and `delta.refusal`, which is the model's answer too) opens a text block on its
    ///   first non-empty fragment. Reasoning text (`delta.reasoning_content` / `delta.reasoning`, the
    ///   extension of DeepSeek, vLLM and OpenRouter) opens a thinking block the same way. Switching between
    ///   the two closes the one that was open.
    /// - Each `tool_calls[].index` gets its own block, opened once its name is known (the id too, or
    ///   `call_<n>` when the host sends none), after closing any open text or thinking block. Argument
    ///   fragments are routed by `index`, never by arrival order, and tool blocks stay open until the finish:
    ///   OpenAI-compatible hosts may interleave parallel calls, and a closed block cannot take more
    ///   arguments. A fragment with a *new* id on an index already in use (hosts that send every call
    ///   whole at index 0) starts a new call.
    /// - `finish_reason` closes every open block in index order, then `.finish` (§11.12; `tool_calls` when
    ///   calls were made, whatever word the host used). Only `choices[0]` is read.
    /// - A non-null `usage` (the `choices: []` chunk, or hosts that repeat usage on every chunk) → `.usage`
    ///   whenever it changes.
    /// - `[DONE]` → closes what is still open, a `.finish` if the provider never sent one, `.end`.
    /// - An `error` object → `.error` then `.end`; nothing after it is read.
    /// - The body ending without `[DONE]`: after a finish it is just `.end` (some hosts omit `[DONE]`);
    ///   before one, the answer was cut off, so `.error` then `.end`.
    public struct StreamReader: Sendable {
        private var started = false
        private var finished = false
        private var ended = false
        private var nextBlock = 0
        private var openBlocks: [Int] = []
        private var textBlock: Int?
        private var thinkingBlock: Int?
        /// OpenAI's `tool_calls[].index` → the call it is streaming now.
        private var toolSlots: [Int: ToolSlot] = [:]
        private var lastToolIndex: Int?
        private var toolCallCount = 0
        private var lastUsage: Usage?

        /// A tool call being streamed: waiting for its name (arguments held back), then open on `block`.
        private struct ToolSlot: Sendable {
            var id: String?
            var name: String?
            var pendingArguments = ""
            var block: Int?
        }

        public init() {}

        public mutating func read(_ event: SSEEvent) throws(GatewayError) -> [StreamEvent] {
            guard !ended else { return [] }
            if event.isDone { return done() }
            if event.data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return [] }
            let chunk: JSONValue
            do {
                chunk = try JSONParser.parse(event.data)
            } catch {
                throw ProviderError.malformed("a stream chunk is not JSON (\(error.description))")
            }
            guard case .object = chunk else { throw ProviderError.malformed("a stream chunk is not a JSON object") }

            var events: [StreamEvent] = []
            start(chunk, into: &events)
            if let error = ProviderError.find(in: chunk) {
                events += [.error(error), .end]
                ended = true
                return events
            }
            if !finished, let choice = firstChoice(chunk) {
                let delta = choice["delta"] ?? .object([])
                if let reasoning = reasoningText(delta) { thinking(reasoning, into: &events) }
                if let content = delta["content"]?.stringValue { text(content, into: &events) }
                if let refusal = delta["refusal"]?.stringValue { text(refusal, into: &events) }
                for (position, fragment) in (delta["tool_calls"]?.arrayValue ?? []).enumerated() {
                    toolFragment(fragment, position: position, into: &events)
                }
                if let reason = choice["finish_reason"]?.stringValue {
                    finish(reason, matchedStop: choice["stop_reason"]?.stringValue, into: &events)
                }
            }
            if let usageObject = chunk["usage"], let usage = usage(from: usageObject), usage != lastUsage {
                lastUsage = usage
                events.append(.usage(usage))
            }
            return events
        }

        public mutating func finish() -> [StreamEvent] {
            guard !ended else { return [] }
            ended = true
            var events: [StreamEvent] = []
            if finished { return [.end] }
            start(.object([]), into: &events)
            events += [.error(ProviderError.malformed("the stream ended before the provider finished its answer")), .end]
            return events
        }

        // MARK: Steps

        private mutating func start(_ chunk: JSONValue, into events: inout [StreamEvent]) {
            guard !started else { return }
            started = true
            events.append(.start(id: chunk["id"]?.stringValue ?? "", model: chunk["model"]?.stringValue ?? ""))
        }

        private mutating func done() -> [StreamEvent] {
            var events: [StreamEvent] = []
            start(.object([]), into: &events)
            if !finished { finish(nil, matchedStop: nil, into: &events) }
            events.append(.end)
            ended = true
            return events
        }

        /// The choice with `index` 0 (the one the canonical answer holds); the first one when none says.
        private func firstChoice(_ chunk: JSONValue) -> JSONValue? {
            guard let choices = chunk["choices"]?.arrayValue else { return nil }
            return choices.first { ($0["index"]?.int64Value ?? 0) == 0 }
        }

        private mutating func text(_ text: String, into events: inout [StreamEvent]) {
            guard !text.isEmpty else { return }
            let block: Int
            if let open = textBlock {
                block = open
            } else {
                closeThinking(into: &events)
                block = open(.text, into: &events)
                textBlock = block
            }
            events.append(.textDelta(index: block, text: text))
        }

        private mutating func thinking(_ text: String, into events: inout [StreamEvent]) {
            guard !text.isEmpty else { return }
            let block: Int
            if let open = thinkingBlock {
                block = open
            } else {
                closeText(into: &events)
                block = open(.thinking, into: &events)
                thinkingBlock = block
            }
            events.append(.thinkingDelta(index: block, text: text))
        }

        private mutating func toolFragment(_ fragment: JSONValue, position: Int, into events: inout [StreamEvent]) {
            guard case .object = fragment else { return }
            let id = fragment["id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            let function = fragment["function"]
            let name = function?["name"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            var arguments = ""
            switch function?["arguments"] {
            case .string(let text)?: arguments = text
            case .object(let members)?: arguments = JSONWriter.string(.object(members))
            default: break
            }

            // Hosts that omit `index`: an id starts the next call, anything else continues the last one.
            let index: Int
            if let given = fragment["index"]?.int64Value, let small = Int(exactly: given) {
                index = small
            } else if id != nil || lastToolIndex == nil {
                index = (toolSlots.keys.max() ?? -1) + 1
            } else {
                index = lastToolIndex ?? position
            }
            lastToolIndex = index

            var slot = toolSlots[index] ?? ToolSlot()
            if slot.block != nil, let id, id != slot.id { slot = ToolSlot() }
            if let block = slot.block {
                if !arguments.isEmpty { events.append(.toolArgumentsDelta(index: block, json: arguments)) }
                toolSlots[index] = slot
                return
            }
            slot.id = slot.id ?? id
            slot.name = slot.name ?? name
            slot.pendingArguments += arguments
            if let name = slot.name {
                closeText(into: &events)
                closeThinking(into: &events)
                let callID = slot.id ?? "call_\(toolCallCount)"
                toolCallCount += 1
                let block = open(.toolCall(id: callID, name: name), into: &events)
                slot.id = callID
                slot.block = block
                if !slot.pendingArguments.isEmpty { events.append(.toolArgumentsDelta(index: block, json: slot.pendingArguments)) }
                slot.pendingArguments = ""
            }
            toolSlots[index] = slot
        }

        private mutating func finish(_ reason: String?, matchedStop: String?, into events: inout [StreamEvent]) {
            for block in openBlocks.sorted() { events.append(.blockStop(index: block)) }
            openBlocks.removeAll()
            textBlock = nil
            thinkingBlock = nil
            let (stopReason, stopSequence) = FinishReason.decode(reason, hasToolCalls: toolCallCount > 0, matchedStop: matchedStop)
            events.append(.finish(stopReason, stopSequence: stopSequence))
            finished = true
        }

        private mutating func open(_ kind: BlockKind, into events: inout [StreamEvent]) -> Int {
            let block = nextBlock
            nextBlock += 1
            openBlocks.append(block)
            events.append(.blockStart(index: block, kind: kind))
            return block
        }

        private mutating func closeText(into events: inout [StreamEvent]) {
            guard let index = textBlock else { return }
            textBlock = nil
            close(index, into: &events)
        }

        private mutating func closeThinking(into events: inout [StreamEvent]) {
            guard let index = thinkingBlock else { return }
            thinkingBlock = nil
            close(index, into: &events)
        }

        private mutating func close(_ index: Int, into events: inout [StreamEvent]) {
            openBlocks.removeAll { $0 == index }
            events.append(.blockStop(index: index))
        }
    }
}
