public import Conversation
import Dialects
import TokModelCore

extension AnthropicMessages {
    /// Turns canonical stream events into the Anthropic SSE stream an Anthropic SDK expects (§4.7, §11.16 B):
    /// every event with both `event:` and `data:` lines, in the order
    /// `message_start`, then per block `content_block_start` → deltas → `content_block_stop`, then
    /// `message_delta`, `message_stop`.
    ///
    /// - `message_start` is written when the first event after `.start` that is not `.usage` arrives, so an
    ///   input-token count reported together with the start (Anthropic providers) is in it; otherwise its
    ///   usage is zeros.
    /// - Anthropic block indices are assigned by the writer, 0, 1, 2… in the order blocks are written,
    ///   whatever canonical indices arrive. Blocks are strictly sequential: a block started while another is
    ///   still open (a provider interleaving parallel tool calls) is buffered and written, complete, after
    ///   the open one stops (§11.16 B.4). A delta for a block never started opens a text or thinking block
    ///   for it; tool-argument deltas without a started call are dropped (there is no id or name to show).
    /// - A tool call becomes a `tool_use` block with `input: {}` followed by `input_json_delta` fragments;
    ///   its id is made a valid Anthropic id (or minted when the provider gave none).
    /// - `.finish` closes any open block; `message_delta` and `message_stop` are written at `.end`, because
    ///   OpenAI-style providers report usage after the finish reason (§11.18 #1). `stop_reason` is `tool_use`
    ///   whenever a tool call was written and the provider ended its turn normally, whatever word it used.
    /// - `message_delta.usage` carries `output_tokens` and, when known, `input_tokens` (without cached tokens)
    ///   and both cache fields: the SDKs take input counts from there too, which is the only place they can
    ///   come from when the provider reports usage at the end.
    /// - `.error` → `event: error` with Anthropic's error shape; the stream ends there (no `message_stop`),
    ///   as Anthropic's does.
    public struct StreamWriter: Sendable {
        private let clientModel: String
        private var messageID: String?
        private var startWritten = false
        private var done = false
        private var usage: Usage?
        private var stopReason: StopReason?
        private var stopSequence: String?
        private var wroteToolCall = false

        private var nextIndex = 0
        /// The block being written: its canonical index, Anthropic index and kind.
        private var live: (canonical: Int, anthropic: Int, kind: BlockKind)?
        /// Blocks started while another was live, in start order, with their buffered deltas.
        private var pending: [PendingBlock] = []
        /// Canonical indices of blocks already written and closed; later deltas for them are dropped.
        private var closed: Set<Int> = []

        private struct PendingBlock: Sendable {
            var canonical: Int
            var kind: BlockKind
            var deltas: [Delta] = []
            var stopped = false
        }

        private enum Delta: Sendable {
            case text(String)
            case json(String)
            case thinking(String)
            case signature(String)
        }

        /// `includeUsage` is OpenAI's concern: Anthropic streams always carry usage.
        public init(clientModel: String, includeUsage: Bool) {
            self.clientModel = clientModel
        }

        /// The bytes to send to the client for one canonical event (possibly none).
        public mutating func write(_ event: StreamEvent) -> [UInt8] {
            guard !done else { return [] }
            var out: [UInt8] = []
            switch event {
            case .start(let id, _):
                if !startWritten, messageID == nil { messageID = id }
            case .usage(let usage):
                self.usage = usage
            case .blockStart(let index, let kind):
                writeStartIfNeeded(&out)
                guard !closed.contains(index), live?.canonical != index, !pending.contains(where: { $0.canonical == index }) else { break }
                if live == nil, pending.isEmpty {
                    open(index, kind, &out)
                } else {
                    pending.append(PendingBlock(canonical: index, kind: kind))
                }
            case .textDelta(let index, let text): deliver(.text(text), to: index, &out)
            case .toolArgumentsDelta(let index, let json): deliver(.json(json), to: index, &out)
            case .thinkingDelta(let index, let text): deliver(.thinking(text), to: index, &out)
            case .thinkingSignature(let index, let signature): deliver(.signature(signature), to: index, &out)
            case .blockStop(let index):
                if let live, live.canonical == index {
                    stopLive(&out)
                    flushPending(&out)
                } else if let position = pending.firstIndex(where: { $0.canonical == index }) {
                    pending[position].stopped = true
                }
            case .finish(let reason, let sequence):
                writeStartIfNeeded(&out)
                stopReason = reason
                stopSequence = sequence
                closeAll(&out)
            case .error(let error):
                emit("error", rawData: ErrorBody.render(error, dialect: .anthropic), &out)
                done = true
            case .end:
                writeStartIfNeeded(&out)
                closeAll(&out)
                writeMessageEnd(&out)
                done = true
            }
            return out
        }

        // MARK: Message events

        private mutating func writeStartIfNeeded(_ out: inout [UInt8]) {
            guard !startWritten else { return }
            startWritten = true
            let message: JSONValue = [
                "id": .string(AnthropicMessages.messageID(messageID ?? "")), "type": "message", "role": "assistant",
                "model": .string(clientModel), "content": [], "stop_reason": .null, "stop_sequence": .null,
                "usage": UsageFields.object(usage ?? .zero),
            ]
            emit("message_start", ["type": "message_start", "message": message], &out)
            // Anthropic sends one ping right after message_start; clients and proxies expect it.
            emit("ping", ["type": "ping"], &out)
        }

        private mutating func writeMessageEnd(_ out: inout [UInt8]) {
            let reason = StopReasons.anthropic(stopReason ?? .endTurn, hasToolCalls: wroteToolCall)
            let sequence: JSONValue = reason == "stop_sequence" ? (stopSequence.map { .string($0) } ?? .null) : .null
            let usageJSON: JSONValue = usage.map(UsageFields.object) ?? ["output_tokens": 0]
            let delta: JSONValue = ["stop_reason": .string(reason), "stop_sequence": sequence]
            emit("message_delta", ["type": "message_delta", "delta": delta, "usage": usageJSON], &out)
            emit("message_stop", ["type": "message_stop"], &out)
        }

        // MARK: Blocks

        private mutating func open(_ canonical: Int, _ kind: BlockKind, _ out: inout [UInt8]) {
            let index = nextIndex
            nextIndex += 1
            live = (canonical, index, kind)
            let block: JSONValue
            switch kind {
            case .text:
                block = ["type": "text", "text": ""]
            case .thinking:
                block = ["type": "thinking", "thinking": "", "signature": ""]
            case .toolCall(let id, let name):
                wroteToolCall = true
                block = ["type": "tool_use", "id": .string(ToolIDs.forClient(id)), "name": .string(name), "input": [:]]
            }
            emit("content_block_start", ["type": "content_block_start", "index": .int(index), "content_block": block], &out)
        }

        private mutating func deliver(_ delta: Delta, to canonical: Int, _ out: inout [UInt8]) {
            writeStartIfNeeded(&out)
            if let live, live.canonical == canonical {
                writeDelta(delta, &out)
            } else if let position = pending.firstIndex(where: { $0.canonical == canonical }) {
                pending[position].deltas.append(delta)
            } else if !closed.contains(canonical) {
                // A delta for a block that was never started: open one of the delta's kind.
                let kind: BlockKind
                switch delta {
                case .text: kind = .text
                case .thinking, .signature: kind = .thinking
                case .json: return
                }
                if live == nil, pending.isEmpty {
                    open(canonical, kind, &out)
                    writeDelta(delta, &out)
                } else {
                    pending.append(PendingBlock(canonical: canonical, kind: kind, deltas: [delta]))
                }
            }
        }

        /// A delta for the live block, when it fits the block's kind and is not empty.
        private func writeDelta(_ delta: Delta, _ out: inout [UInt8]) {
            guard let live else { return }
            let body: JSONValue
            switch (delta, live.kind) {
            case (.text(let text), .text) where !text.isEmpty:
                body = ["type": "text_delta", "text": .string(text)]
            case (.json(let json), .toolCall) where !json.isEmpty:
                body = ["type": "input_json_delta", "partial_json": .string(json)]
            case (.thinking(let text), .thinking) where !text.isEmpty:
                body = ["type": "thinking_delta", "thinking": .string(text)]
            case (.signature(let signature), .thinking) where !signature.isEmpty:
                body = ["type": "signature_delta", "signature": .string(signature)]
            default:
                return
            }
            emit("content_block_delta", ["type": "content_block_delta", "index": .int(live.anthropic), "delta": body], &out)
        }

        private mutating func stopLive(_ out: inout [UInt8]) {
            guard let current = live else { return }
            emit("content_block_stop", ["type": "content_block_stop", "index": .int(current.anthropic)], &out)
            closed.insert(current.canonical)
            live = nil
        }

        /// Writes buffered blocks in order while nothing is live: each one's start and deltas, and its stop
        /// when it has already stopped; an unfinished one becomes the live block.
        private mutating func flushPending(_ out: inout [UInt8]) {
            while live == nil, !pending.isEmpty {
                let block = pending.removeFirst()
                open(block.canonical, block.kind, &out)
                for delta in block.deltas { writeDelta(delta, &out) }
                if block.stopped { stopLive(&out) }
            }
        }

        /// Closes the live block and writes out every buffered one, complete.
        private mutating func closeAll(_ out: inout [UInt8]) {
            repeat {
                stopLive(&out)
                flushPending(&out)
            } while live != nil
        }

        private func emit(_ name: String, _ json: JSONValue, _ out: inout [UInt8]) {
            emit(name, rawData: JSONWriter.bytes(json), &out)
        }

        private func emit(_ name: String, rawData: [UInt8], _ out: inout [UInt8]) {
            out.append(contentsOf: SSEEvent(event: name, data: rawData).encoded())
        }
    }
}
