public import Conversation
import Dialects
import TokModelCore

extension OpenAIResponses {
    /// Canonical stream events → the Responses SSE sequence, as OpenAI sends it (wire-formats §3.5, §11.16 G).
    ///
    /// Every event is `event: <type>` plus `data: {"type":<type>,"sequence_number":n,…}`, n counting from 0
    /// by one; there is no `[DONE]`. `output_index` counts output items, never canonical block indices:
    /// - text: consecutive text blocks make one `message` item, opened at the first non-empty text delta
    ///   (`output_item.added`, `content_part.added`, then `output_text.delta`s) and closed when another item
    ///   starts or the stream ends (`output_text.done`, `content_part.done`, `output_item.done`), so that
    ///   Anthropic's citation-split text reads as one message, as in ``encodeResponse(_:clientModel:echo:)``;
    /// - a tool call: a `function_call` item opened at its `.blockStart` and closed at its `.blockStop`, with
    ///   `function_call_arguments.delta`s and `.done` in between; several may be open at once;
    /// - thinking: a `reasoning` item opened at the first non-empty thinking delta, streamed as
    ///   `reasoning_summary_part.added`, `reasoning_summary_text.delta`s, `reasoning_summary_text.done`,
    ///   `reasoning_summary_part.done`; thinking without text (redacted) makes no item; signatures are dropped.
    ///
    /// `.end` closes what is still open (marked `incomplete` when the answer is) and sends
    /// `response.completed`, `response.incomplete` (max tokens, content filter) or `response.failed` (the
    /// provider's `.error` stop reason), each with the full output and the last usage. `.error` sends
    /// `response.failed` at once, with `response.error` set and the items so far (unfinished ones marked
    /// `incomplete`), and the writer ignores every later event: the Responses stream has no other way to
    /// carry an error after HTTP 200 that the SDKs' stream helpers understand as the end.
    public struct StreamWriter: Sendable {
        private let clientModel: String
        private let echo: Echo
        private let createdAt: Int64
        private var sequenceNumber = 0
        private var core = "0"
        private var started = false
        private var finished = false
        private var nextOutputIndex = 0
        private var message: OpenMessage?
        /// Open items by canonical block index.
        private var toolCalls: [Int: OpenToolCall] = [:]
        private var reasonings: [Int: OpenReasoning] = [:]
        /// Finished items by output index.
        private var doneItems: [Int: JSONValue] = [:]
        private var stopReason: StopReason?
        private var usage: Usage?

        /// `includeUsage` is ignored: a Responses stream always carries usage in its terminal event.
        /// `createdAt` (Unix seconds) defaults to now.
        public init(clientModel: String, includeUsage: Bool, createdAt: Int64? = nil) {
            self.init(clientModel: clientModel, echo: Echo(), createdAt: createdAt)
        }

        /// Echoes the request's parameters in the response objects (see ``Echo/init(request:)``).
        public init(clientModel: String, request: ChatRequest, createdAt: Int64? = nil) {
            self.init(clientModel: clientModel, echo: Echo(request: request), createdAt: createdAt)
        }

        public init(clientModel: String, echo: Echo, createdAt: Int64? = nil) {
            self.clientModel = clientModel
            self.echo = echo
            self.createdAt = createdAt ?? UnixClock.seconds()
        }

        /// The bytes to send the client for one canonical event (possibly several SSE events, possibly none).
        public mutating func write(_ event: StreamEvent) -> [UInt8] {
            guard !finished else { return [] }
            var out: [UInt8] = []
            if !started {
                // `.start` comes first by contract; a stream that skips it still gets a valid opening.
                if case .start(let id, _) = event { core = ResponseObject.idCore(id) }
                started = true
                let opening = envelope(status: "in_progress", output: [], usage: nil)
                emit("response.created", [("response", opening)], into: &out)
                emit("response.in_progress", [("response", opening)], into: &out)
            }
            switch event {
            case .start:
                break
            case .blockStart(let index, .toolCall(let id, let name)):
                guard toolCalls[index] == nil else { break }
                closeMessage(status: "completed", into: &out)
                openToolCall(index: index, callID: id, name: name, into: &out)
            case .blockStart:
                break  // text and thinking items open at their first non-empty delta
            case .textDelta(_, let text):
                guard !text.isEmpty else { break }
                appendText(text, into: &out)
            case .toolArgumentsDelta(let index, let json):
                guard !json.isEmpty, toolCalls[index] != nil else { break }
                appendArguments(json, index: index, into: &out)
            case .thinkingDelta(let index, let text):
                guard !text.isEmpty else { break }
                appendThinking(text, index: index, into: &out)
            case .thinkingSignature:
                break
            case .blockStop(let index):
                if toolCalls[index] != nil {
                    closeToolCall(index: index, status: "completed", into: &out)
                } else if reasonings[index] != nil {
                    closeReasoning(index: index, into: &out)
                }
            // A text block's stop leaves the message open for a following text block.
            case .finish(let reason, _):
                stopReason = reason
            case .usage(let latest):
                usage = latest
            case .error(let error):
                finished = true
                var output = doneItems
                if let message { output[message.outputIndex] = messageItem(message, status: "incomplete") }
                for call in toolCalls.values { output[call.outputIndex] = toolCallItem(call, status: "incomplete") }
                for reasoning in reasonings.values { output[reasoning.outputIndex] = reasoningItem(reasoning) }
                let failed = envelope(status: "failed", output: ordered(output), usage: usage, error: ResponseObject.error(error))
                emit("response.failed", [("response", failed)], into: &out)
            case .end:
                finished = true
                let outcome = ResponseObject.outcome(stopReason)
                let itemStatus = outcome.status == "completed" ? "completed" : "incomplete"
                closeMessage(status: itemStatus, into: &out)
                let open = toolCalls.map { ($0.value.outputIndex, $0.key, true) } + reasonings.map { ($0.value.outputIndex, $0.key, false) }
                for (_, index, isToolCall) in open.sorted(by: { $0.0 < $1.0 }) {
                    if isToolCall {
                        closeToolCall(index: index, status: itemStatus, into: &out)
                    } else {
                        closeReasoning(index: index, into: &out)
                    }
                }
                let final = envelope(
                    status: outcome.status, output: ordered(doneItems), usage: usage, incompleteReason: outcome.incompleteReason,
                    error: outcome.error)
                emit("response.\(outcome.status)", [("response", final)], into: &out)
            }
            return out
        }

        // MARK: Message items

        private struct OpenMessage: Sendable {
            var outputIndex: Int
            var id: String
            var text = ""
        }

        private mutating func appendText(_ text: String, into out: inout [UInt8]) {
            if message == nil {
                let outputIndex = takeOutputIndex()
                let opened = OpenMessage(outputIndex: outputIndex, id: ResponseObject.messageID(core: core, outputIndex: outputIndex))
                message = opened
                emit(
                    "response.output_item.added",
                    [("output_index", .int(outputIndex)), ("item", ResponseObject.messageItem(id: opened.id, text: nil, status: "in_progress"))],
                    into: &out)
                emit("response.content_part.added", partFields(opened) + [("part", ResponseObject.outputTextPart(""))], into: &out)
            }
            guard var current = message else { return }
            current.text += text
            message = current
            emit("response.output_text.delta", partFields(current) + [("delta", .string(text)), ("logprobs", [])], into: &out)
        }

        private mutating func closeMessage(status: String, into out: inout [UInt8]) {
            guard let current = message else { return }
            message = nil
            emit("response.output_text.done", partFields(current) + [("text", .string(current.text)), ("logprobs", [])], into: &out)
            emit("response.content_part.done", partFields(current) + [("part", ResponseObject.outputTextPart(current.text))], into: &out)
            finishItem(messageItem(current, status: status), outputIndex: current.outputIndex, into: &out)
        }

        private func partFields(_ message: OpenMessage) -> [(String, JSONValue)] {
            [("item_id", .string(message.id)), ("output_index", .int(message.outputIndex)), ("content_index", 0)]
        }

        private func messageItem(_ message: OpenMessage, status: String) -> JSONValue {
            ResponseObject.messageItem(id: message.id, text: message.text, status: status)
        }

        // MARK: Function call items

        private struct OpenToolCall: Sendable {
            var outputIndex: Int
            var id: String
            var callID: String
            var name: String
            var arguments = ""
        }

        private mutating func openToolCall(index: Int, callID: String, name: String, into out: inout [UInt8]) {
            let outputIndex = takeOutputIndex()
            let call = OpenToolCall(
                outputIndex: outputIndex, id: ResponseObject.functionCallID(core: core, outputIndex: outputIndex), callID: callID, name: name)
            toolCalls[index] = call
            emit(
                "response.output_item.added",
                [
                    ("output_index", .int(outputIndex)),
                    ("item", ResponseObject.functionCallItem(id: call.id, callID: callID, name: name, arguments: "", status: "in_progress")),
                ], into: &out)
        }

        private mutating func appendArguments(_ json: String, index: Int, into out: inout [UInt8]) {
            guard var call = toolCalls[index] else { return }
            call.arguments += json
            toolCalls[index] = call
            emit(
                "response.function_call_arguments.delta",
                [("item_id", .string(call.id)), ("output_index", .int(call.outputIndex)), ("delta", .string(json))], into: &out)
        }

        private mutating func closeToolCall(index: Int, status: String, into out: inout [UInt8]) {
            guard let call = toolCalls.removeValue(forKey: index) else { return }
            emit(
                "response.function_call_arguments.done",
                [
                    ("item_id", .string(call.id)), ("output_index", .int(call.outputIndex)), ("name", .string(call.name)),
                    ("arguments", .string(ResponseObject.arguments(call.arguments))),
                ], into: &out)
            finishItem(toolCallItem(call, status: status), outputIndex: call.outputIndex, into: &out)
        }

        private func toolCallItem(_ call: OpenToolCall, status: String) -> JSONValue {
            ResponseObject.functionCallItem(
                id: call.id, callID: call.callID, name: call.name, arguments: ResponseObject.arguments(call.arguments), status: status)
        }

        // MARK: Reasoning items

        private struct OpenReasoning: Sendable {
            var outputIndex: Int
            var id: String
            var text = ""
        }

        private mutating func appendThinking(_ text: String, index: Int, into out: inout [UInt8]) {
            if reasonings[index] == nil {
                closeMessage(status: "completed", into: &out)
                let outputIndex = takeOutputIndex()
                let opened = OpenReasoning(outputIndex: outputIndex, id: ResponseObject.reasoningID(core: core, outputIndex: outputIndex))
                reasonings[index] = opened
                emit(
                    "response.output_item.added",
                    [("output_index", .int(outputIndex)), ("item", ResponseObject.reasoningItem(id: opened.id, summary: nil))], into: &out)
                emit("response.reasoning_summary_part.added", summaryFields(opened) + [("part", ResponseObject.summaryPart(""))], into: &out)
            }
            guard var reasoning = reasonings[index] else { return }
            reasoning.text += text
            reasonings[index] = reasoning
            emit("response.reasoning_summary_text.delta", summaryFields(reasoning) + [("delta", .string(text))], into: &out)
        }

        private mutating func closeReasoning(index: Int, into out: inout [UInt8]) {
            guard let reasoning = reasonings.removeValue(forKey: index) else { return }
            emit("response.reasoning_summary_text.done", summaryFields(reasoning) + [("text", .string(reasoning.text))], into: &out)
            emit(
                "response.reasoning_summary_part.done", summaryFields(reasoning) + [("part", ResponseObject.summaryPart(reasoning.text))],
                into: &out)
            finishItem(reasoningItem(reasoning), outputIndex: reasoning.outputIndex, into: &out)
        }

        private func summaryFields(_ reasoning: OpenReasoning) -> [(String, JSONValue)] {
            [("item_id", .string(reasoning.id)), ("output_index", .int(reasoning.outputIndex)), ("summary_index", 0)]
        }

        private func reasoningItem(_ reasoning: OpenReasoning) -> JSONValue {
            ResponseObject.reasoningItem(id: reasoning.id, summary: reasoning.text)
        }

        // MARK: Plumbing

        private mutating func takeOutputIndex() -> Int {
            defer { nextOutputIndex += 1 }
            return nextOutputIndex
        }

        private mutating func finishItem(_ item: JSONValue, outputIndex: Int, into out: inout [UInt8]) {
            doneItems[outputIndex] = item
            emit("response.output_item.done", [("output_index", .int(outputIndex)), ("item", item)], into: &out)
        }

        private func ordered(_ items: [Int: JSONValue]) -> [JSONValue] {
            items.sorted { $0.key < $1.key }.map(\.value)
        }

        private func envelope(
            status: String, output: [JSONValue], usage: Usage?, incompleteReason: String? = nil, error: JSONValue? = nil
        ) -> JSONValue {
            ResponseObject.envelope(
                id: ResponseObject.responseID(core: core), createdAt: createdAt, status: status, model: clientModel, output: output,
                echo: echo, usage: usage, incompleteReason: incompleteReason, error: error)
        }

        /// One SSE event whose `event:` line equals its JSON `type`, numbered in sending order.
        private mutating func emit(_ type: String, _ fields: [(String, JSONValue)], into out: inout [UInt8]) {
            let object = JSONValue.object([("type", .string(type)), ("sequence_number", .int(sequenceNumber))] + fields)
            sequenceNumber += 1
            out += SSEEvent(event: type, data: JSONWriter.bytes(object)).encoded()
        }
    }
}
