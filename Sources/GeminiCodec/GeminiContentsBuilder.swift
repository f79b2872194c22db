import Conversation
import Dialects
import TokModelCore

/// Canonical turns → Gemini `contents` (wire-formats §11.2, §11.6, §11.7).
///
/// Gemini's rules, and how they are met:
/// - roles are `user` and `model` only: assistant turns become `model`; tool results travel in `user` contents;
/// - consecutive contents of one role are merged (also when a turn between them became empty, e.g. an assistant
///   turn holding only thinking, which Gemini cannot take back);
/// - the answers to a model turn's function calls sit together in the next `user` content, in the order of the
///   calls, before that content's other parts (text, images);
/// - a function call must follow a user turn: a history that opens with a model turn holding calls gets a
///   one-character user turn (`"."`) in front, as the reference recommends (§11.18 #21);
/// - empty text parts are left out (Gemini rejects them) and so are contents left with no parts.
enum GeminiContentsBuilder {
    /// A part being built: function responses remember their call id so they can be put in call order.
    enum Part {
        case plain(JSONValue)
        case response(callID: String, JSONValue)

        var json: JSONValue {
            switch self {
            case .plain(let value), .response(_, let value): value
            }
        }
    }

    struct Content {
        var role: Role
        var parts: [Part]
        /// Ids of this (model) content's function calls, in order.
        var callIDs: [String]
    }

    static func contents(for turns: [Turn]) throws(GatewayError) -> JSONValue {
        var contents: [Content] = []
        // The function name of every call seen so far, by id (without an embedded signature, see
        // GeminiSignedCallID); a later call with the same id wins, so a result is named after the nearest call
        // before it.
        var callNames: [String: String] = [:]
        for turn in turns {
            var content = Content(role: turn.role, parts: [], callIDs: [])
            for block in turn.blocks {
                try append(block, role: turn.role, to: &content, callNames: &callNames)
            }
            guard !content.parts.isEmpty else { continue }
            if let last = contents.indices.last, contents[last].role == content.role {
                contents[last].parts += content.parts
                contents[last].callIDs += content.callIDs
            } else {
                contents.append(content)
            }
        }
        guard !contents.isEmpty else {
            throw GatewayError.invalidField("messages", "the conversation holds nothing Gemini can be sent (no text, image or tool content)")
        }
        if contents[0].role == .assistant, !contents[0].callIDs.isEmpty {
            contents.insert(Content(role: .user, parts: [.plain(["text": "."])], callIDs: []), at: 0)
        }
        var output: [JSONValue] = []
        output.reserveCapacity(contents.count)
        for (index, content) in contents.enumerated() {
            var parts = content.parts
            if content.role == .user {
                let previousCalls = index > 0 && contents[index - 1].role == .assistant ? contents[index - 1].callIDs : []
                parts = responsesFirst(parts, callOrder: previousCalls)
            }
            output.append([
                "role": content.role == .user ? "user" : "model",
                "parts": .array(parts.map(\.json)),
            ])
        }
        return .array(output)
    }

    static func append(_ block: ContentBlock, role: Role, to content: inout Content, callNames: inout [String: String]) throws(GatewayError) {
        switch block {
        case .text(let text):
            if !text.isEmpty { content.parts.append(.plain(["text": .string(text)])) }
        case .image(let source):
            content.parts.append(.plain(try GeminiParts.image(source)))
        case .thinking:
            // Thinking from another provider (or Gemini's own thought summaries) cannot be replayed to Gemini;
            // what Gemini needs back is the thoughtSignature, which rides on the function call.
            break
        case .toolCall(let call):
            guard role == .assistant else {
                throw GatewayError.invalidField("messages", "a tool call can only appear in an assistant message")
            }
            let id = GeminiSignedCallID.split(call.id).id
            callNames[id] = call.name
            content.callIDs.append(id)
            content.parts.append(.plain(GeminiParts.functionCall(call)))
        case .toolResult(let result):
            guard role == .user else {
                throw GatewayError.invalidField("messages", "a tool result cannot appear in an assistant message")
            }
            let callID = GeminiSignedCallID.split(result.callID).id
            guard let name = result.name.flatMap({ $0.isEmpty ? nil : $0 }) ?? callNames[callID] else {
                throw GatewayError.invalidField(
                    "messages",
                    "the tool result for call '\(result.callID)' matches no earlier tool call, and Gemini needs the function's name")
            }
            let (response, extras) = try GeminiParts.functionResponse(result, name: name)
            content.parts.append(.response(callID: callID, response))
            content.parts += extras.map(Part.plain)
        }
    }

    /// The content's function responses first, those answering `callOrder` in that order, then any others in
    /// their own order; then every other part in its own order.
    static func responsesFirst(_ parts: [Part], callOrder: [String]) -> [Part] {
        var responses: [(callID: String, part: Part)] = []
        var others: [Part] = []
        for part in parts {
            if case .response(let callID, _) = part {
                responses.append((callID, part))
            } else {
                others.append(part)
            }
        }
        guard !responses.isEmpty else { return parts }
        var ordered: [Part] = []
        ordered.reserveCapacity(parts.count)
        for callID in callOrder {
            if let index = responses.firstIndex(where: { $0.callID == callID }) {
                ordered.append(responses.remove(at: index).part)
            }
        }
        ordered += responses.map(\.part)
        return ordered + others
    }
}
