public import Conversation
public import Dialects

extension OpenAIResponses {
    /// A complete answer → a Response object as `client.responses.create` parses it, echoing OpenAI's defaults
    /// for the request parameters (use ``encodeResponse(_:clientModel:request:)`` to echo the real ones).
    public static func encodeResponse(_ response: ChatResponse, clientModel: String) -> JSONValue {
        encodeResponse(response, clientModel: clientModel, echo: Echo())
    }

    /// The same, echoing the request's tools, tool choice, sampling, text format, reasoning, instructions
    /// and user (from the canonical request: `metadata` comes back as `{}`).
    public static func encodeResponse(_ response: ChatResponse, clientModel: String, request: ChatRequest) -> JSONValue {
        encodeResponse(response, clientModel: clientModel, echo: Echo(request: request))
    }

    /// The same, with an ``Echo`` built from the raw body too (echoes `metadata` and `truncation`).
    ///
    /// Output items follow the provider's block order: thinking → a `reasoning` item, each run of consecutive
    /// text blocks → one `message` item with one `output_text` part, each tool call → a `function_call` item.
    /// When the answer is `incomplete`, its last item is marked `incomplete` too, as OpenAI marks the item
    /// that was cut off.
    public static func encodeResponse(_ response: ChatResponse, clientModel: String, echo: Echo) -> JSONValue {
        let core = ResponseObject.idCore(response.id)
        let outcome = ResponseObject.outcome(response.stopReason)
        let itemStatus = outcome.status == "incomplete" ? "incomplete" : "completed"
        var output: [JSONValue] = []
        var pendingText = ""

        func flushText() {
            guard !pendingText.isEmpty else { return }
            output.append(
                ResponseObject.messageItem(
                    id: ResponseObject.messageID(core: core, outputIndex: output.count), text: pendingText, status: "completed"))
            pendingText = ""
        }

        for block in response.blocks {
            switch block {
            case .text(let text):
                pendingText += text
            case .toolCall(let call):
                flushText()
                output.append(
                    ResponseObject.functionCallItem(
                        id: ResponseObject.functionCallID(core: core, outputIndex: output.count), callID: call.id, name: call.name,
                        arguments: ResponseObject.arguments(call.arguments), status: "completed"))
            case .thinking(let thinking):
                guard !thinking.text.isEmpty else { continue }
                flushText()
                output.append(
                    ResponseObject.reasoningItem(id: ResponseObject.reasoningID(core: core, outputIndex: output.count), summary: thinking.text))
            case .image, .toolResult:
                // Not assistant output in any dialect; nothing to show.
                continue
            }
        }
        flushText()
        if itemStatus == "incomplete", let last = output.indices.last, output[last]["status"] != nil {
            output[last].set("status", "incomplete")
        }

        return ResponseObject.envelope(
            id: ResponseObject.responseID(core: core), createdAt: response.created, status: outcome.status, model: clientModel,
            output: output, echo: echo, usage: response.usage, incompleteReason: outcome.incompleteReason, error: outcome.error)
    }
}
