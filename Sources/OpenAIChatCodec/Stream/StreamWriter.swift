public import Conversation
import Dialects
import TokModelCore

extension OpenAIChat {
    /// Canonical events → the `chat.completion.chunk` stream an OpenAI client expects (§2.6), byte for byte
    /// in OpenAI's shape: `data: <chunk>\n\n` events without `event:` names, ending with `data: [DONE]`.
    ///
    /// - Every chunk has the same `id` (`chatcmpl-<canonical id>`), `created` and `model` (the client's).
    /// - The first chunk is `delta: {"role": "assistant", "content": "", "refusal": null}`.
    /// - Text deltas → `delta.content`. Each tool call gets the next tool ordinal (0, 1, …): its first chunk
    ///   carries `{index, id, type: "function", function: {name, arguments: ""}}`, its argument fragments
    ///   `{index, function: {arguments}}`. The ordinal counts tool calls only; the canonical block index,
    ///   which counts text and thinking blocks too, never reaches the client.
    /// - Thinking deltas → `delta.reasoning_content`, the de-facto extension that reasoning-aware clients
    ///   display and the official SDKs ignore. Signatures are dropped.
    /// - `.finish` → a chunk with an empty delta and `finish_reason`.
    /// - With `includeUsage`, every chunk has `"usage": null` and the last usage seen is sent at the end in a
    ///   chunk with `"choices": []`, as OpenAI does; without it, no chunk mentions usage.
    /// - `.end` → `data: [DONE]`. `.error` → an in-band `data: {"error": {...}}` event (what the SDKs raise
    ///   on) then `data: [DONE]`; nothing is written after either.
    public struct StreamWriter: Sendable {
        private let clientModel: String
        private let includeUsage: Bool
        private let created: Int64
        private var id = idPrefix + "tokmodel"
        private var started = false
        private var finished = false
        private var closed = false
        /// Canonical block index → the tool call's ordinal among tool calls.
        private var toolOrdinals: [Int: Int] = [:]
        /// Tool-call blocks that have received argument text; one that closes with none gets `{}` (an empty
        /// string would fail the client's JSON parse of a call without arguments).
        private var toolsWithArguments: Set<Int> = []
        private var usage: Usage?

        /// `created` is the wall clock now.
        public init(clientModel: String, includeUsage: Bool) {
            self.init(clientModel: clientModel, includeUsage: includeUsage, created: UnixClock.seconds())
        }

        /// A fixed `created` (Unix seconds), for tests and for callers that already stamped the request.
        public init(clientModel: String, includeUsage: Bool, created: Int64) {
            self.clientModel = clientModel
            self.includeUsage = includeUsage
            self.created = created
        }

        public mutating func write(_ event: StreamEvent) -> [UInt8] {
            guard !closed else { return [] }
            var out: [UInt8] = []
            if case .start(let canonicalID, _) = event {
                if !started { id = clientID(canonicalID) }
            }
            if !started {
                started = true
                emit(delta: [("role", "assistant"), ("content", ""), ("refusal", .null)], into: &out)
            }
            switch event {
            case .blockStop(let index):
                if let ordinal = toolOrdinals[index], !toolsWithArguments.contains(index) {
                    toolsWithArguments.insert(index)
                    let call: JSONValue = .object([("index", .int(ordinal)), ("function", .object([("arguments", "{}")]))])
                    emit(delta: [("tool_calls", .array([call]))], into: &out)
                }
            case .start, .thinkingSignature:
                break
            case .blockStart(let index, .toolCall(let callID, let name)):
                let ordinal = toolOrdinals.count
                toolOrdinals[index] = ordinal
                let call: JSONValue = .object([
                    ("index", .int(ordinal)),
                    ("id", .string(callID)),
                    ("type", "function"),
                    ("function", .object([("name", .string(name)), ("arguments", "")])),
                ])
                emit(delta: [("tool_calls", .array([call]))], into: &out)
            case .blockStart:
                break
            case .textDelta(_, let text):
                if !text.isEmpty { emit(delta: [("content", .string(text))], into: &out) }
            case .thinkingDelta(_, let text):
                if !text.isEmpty { emit(delta: [("reasoning_content", .string(text))], into: &out) }
            case .toolArgumentsDelta(let index, let json):
                guard !json.isEmpty, let ordinal = toolOrdinals[index] else { break }
                toolsWithArguments.insert(index)
                let call: JSONValue = .object([("index", .int(ordinal)), ("function", .object([("arguments", .string(json))]))])
                emit(delta: [("tool_calls", .array([call]))], into: &out)
            case .finish(let reason, _):
                writeFinish(reason, into: &out)
            case .usage(let latest):
                usage = latest
            case .error(let error):
                out += "data: ".utf8
                out += ErrorBody.render(error, dialect: .openAI)
                out += "\n\n".utf8
                out += "data: [DONE]\n\n".utf8
                closed = true
            case .end:
                if !finished { writeFinish(.endTurn, into: &out) }
                if includeUsage, let usage {
                    emit(chunk: [("choices", .array([])), ("usage", usageObject(usage))], into: &out)
                }
                out += "data: [DONE]\n\n".utf8
                closed = true
            }
            return out
        }

        private mutating func writeFinish(_ reason: StopReason, into out: inout [UInt8]) {
            guard !finished else { return }
            finished = true
            let word = FinishReason.encode(reason, hasToolCalls: !toolOrdinals.isEmpty)
            emit(delta: [], finishReason: .string(word), into: &out)
        }

        /// One chunk for choice 0.
        private func emit(delta: [(String, JSONValue)], finishReason: JSONValue = .null, into out: inout [UInt8]) {
            let choice: JSONValue = .object([
                ("index", 0), ("delta", .object(delta)), ("logprobs", .null), ("finish_reason", finishReason),
            ])
            var members: [(String, JSONValue)] = [("choices", .array([choice]))]
            if includeUsage { members.append(("usage", .null)) }
            emit(chunk: members, into: &out)
        }

        /// A chunk with the shared envelope, as one SSE event.
        private func emit(chunk members: [(String, JSONValue)], into out: inout [UInt8]) {
            let envelope: [(String, JSONValue)] = [
                ("id", .string(id)), ("object", "chat.completion.chunk"), ("created", .int(created)), ("model", .string(clientModel)),
            ]
            out += "data: ".utf8
            JSONWriter.write(.object(envelope + members), into: &out)
            out += "\n\n".utf8
        }
    }
}
