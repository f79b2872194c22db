import Conversation
import Dialects
import TokModelCore

/// A complete `GenerateContentResponse` → canonical ``ChatResponse`` (wire-formats §5.3, §11.14).
///
/// - `responseId` and `modelVersion` give the id and the model; Gemini has no creation time, so `created` is 0
///   unless the body has Vertex's `createTime` (the edge stamps its own time for clients that need one);
/// - only the first candidate is read (a request with `candidateCount` > 1 is billed for every candidate but
///   the canonical answer has one choice);
/// - adjacent text parts become one text block, adjacent thought parts one thinking block (with the last
///   signature seen), each function call a tool call with the id Gemini gave or a minted one (``GeminiCallID``);
/// - `finishReason` maps per §11.12, with `toolUse` whenever there are function calls; a prompt blocked before
///   any candidate (`promptFeedback.blockReason`) is an empty answer stopped by `contentFilter`.
enum GeminiResponseDecoder {
    static func decode(_ body: JSONValue) throws(GatewayError) -> ChatResponse {
        guard case .object = body else {
            throw GatewayError(.upstreamFailed, "The provider's response is not a JSON object.", code: "upstream_invalid_response")
        }
        if body["error"] != nil {
            throw GeminiErrorMapping.gatewayError(from: body, httpStatus: nil)
        }
        let responseID = body["responseId"]?.stringValue ?? ""
        let candidate = GeminiResponsePart.primaryCandidate(of: body)
        var blocks: [ContentBlock] = []
        var calls = 0
        for part in GeminiResponsePart.parts(of: candidate) {
            switch part {
            case .text(let text):
                guard !text.isEmpty else { continue }
                if case .text(let previous)? = blocks.last {
                    blocks[blocks.count - 1] = .text(previous + text)
                } else {
                    blocks.append(.text(text))
                }
            case .thought(let text, let geminiSignature):
                guard !text.isEmpty || geminiSignature != nil else { continue }
                let signature = geminiSignature.map(ThinkingSignatures.fromGemini)
                if case .thinking(var previous)? = blocks.last {
                    previous.text += text
                    previous.signature = signature ?? previous.signature
                    blocks[blocks.count - 1] = .thinking(previous)
                } else {
                    blocks.append(.thinking(Thinking(text: text, signature: signature)))
                }
            case .functionCall(let id, let name, let arguments, let signature):
                let callID = id ?? GeminiCallID.mint(responseID: responseID, ordinal: calls)
                calls += 1
                // The signature also rides in the id: clients of other dialects only give ids back.
                let carriedID = GeminiSignedCallID.embed(id: callID, signature: signature)
                blocks.append(.toolCall(ToolCall(id: carriedID, name: name, arguments: arguments, thoughtSignature: signature)))
            case .ignored:
                continue
            }
        }
        let stopReason: StopReason
        if candidate == nil, body["promptFeedback"]?["blockReason"] != nil {
            stopReason = GeminiFinishReason.promptBlocked
        } else {
            stopReason = GeminiFinishReason.stopReason(candidate?["finishReason"]?.stringValue, hasToolCalls: calls > 0)
        }
        return ChatResponse(
            id: responseID,
            model: body["modelVersion"]?.stringValue ?? "",
            created: body["createTime"]?.stringValue.flatMap(RFC3339.unixSeconds) ?? 0,
            blocks: blocks,
            stopReason: stopReason,
            usage: body["usageMetadata"].flatMap(GeminiUsage.usage(from:)))
    }
}
