import Conversation
import TokModelCore

/// Canonical event streams as the provider readers produce them, one per scenario the Responses writer must
/// render (golden transcripts).
enum Transcripts {
    static let text: [StreamEvent] = [
        .start(id: "chatcmpl-7a", model: "gpt-4.1-2025-04-14"),
        .blockStart(index: 0, kind: .text),
        .textDelta(index: 0, text: "Hello"),
        .textDelta(index: 0, text: ", world"),
        .blockStop(index: 0),
        .finish(.endTurn, stopSequence: nil),
        .usage(Usage(inputTokens: 12, outputTokens: 3, cachedInputTokens: 8)),
        .end,
    ]

    static let twoFunctionCalls: [StreamEvent] = [
        .start(id: "msg_01TwoCalls", model: "claude-sonnet-4-5"),
        .blockStart(index: 0, kind: .toolCall(id: "call_A", name: "get_weather")),
        .toolArgumentsDelta(index: 0, json: #"{"city":"#),
        .toolArgumentsDelta(index: 0, json: #""Paris"}"#),
        .blockStop(index: 0),
        .blockStart(index: 1, kind: .toolCall(id: "call_B", name: "get_time")),
        .toolArgumentsDelta(index: 1, json: ""),
        .toolArgumentsDelta(index: 1, json: #"{"tz":"Europe/Rome"}"#),
        .blockStop(index: 1),
        .finish(.toolUse, stopSequence: nil),
        .usage(Usage(inputTokens: 80, outputTokens: 30)),
        .end,
    ]

    /// OpenAI-compatible parallel calls whose argument fragments interleave.
    static let interleavedCalls: [StreamEvent] = [
        .start(id: "chatcmpl-mix", model: "m"),
        .blockStart(index: 0, kind: .toolCall(id: "call_1", name: "a")),
        .blockStart(index: 1, kind: .toolCall(id: "call_2", name: "b")),
        .toolArgumentsDelta(index: 0, json: #"{"x":"#),
        .toolArgumentsDelta(index: 1, json: #"{"y":2}"#),
        .toolArgumentsDelta(index: 0, json: "1}"),
        .blockStop(index: 0),
        .blockStop(index: 1),
        .finish(.toolUse, stopSequence: nil),
        .end,
    ]

    /// A redacted thinking block (no text) first, so canonical block indices run ahead of output indices.
    static let textThenFunctionCall: [StreamEvent] = [
        .start(id: "msg_01Mixed", model: "claude"),
        .blockStart(index: 0, kind: .thinking),
        .thinkingSignature(index: 0, signature: "EqQB"),
        .blockStop(index: 0),
        .blockStart(index: 1, kind: .text),
        .textDelta(index: 1, text: "Let me check."),
        .blockStop(index: 1),
        .blockStart(index: 2, kind: .toolCall(id: "toolu_01", name: "get_weather")),
        .toolArgumentsDelta(index: 2, json: #"{"city":"Oslo"}"#),
        .blockStop(index: 2),
        .finish(.toolUse, stopSequence: nil),
        .usage(Usage(inputTokens: 200, outputTokens: 50, cachedInputTokens: 150)),
        .end,
    ]

    static let thinkingThenText: [StreamEvent] = [
        .start(id: "msg_01Think", model: "claude"),
        .blockStart(index: 0, kind: .thinking),
        .thinkingDelta(index: 0, text: "The user greets me. "),
        .thinkingDelta(index: 0, text: "Greet back."),
        .thinkingSignature(index: 0, signature: "sig=="),
        .blockStop(index: 0),
        .blockStart(index: 1, kind: .text),
        .textDelta(index: 1, text: "Hi!"),
        .blockStop(index: 1),
        // A second text block (Anthropic splits text at citations) continues the same message.
        .blockStart(index: 2, kind: .text),
        .textDelta(index: 2, text: " How can I help?"),
        .blockStop(index: 2),
        .finish(.endTurn, stopSequence: nil),
        .usage(Usage(inputTokens: 10, outputTokens: 60, reasoningTokens: 45)),
        .end,
    ]

    static let stopSequence: [StreamEvent] = [
        .start(id: "chatcmpl-stop", model: "m"),
        .blockStart(index: 0, kind: .text),
        .textDelta(index: 0, text: "1, 2, 3"),
        .blockStop(index: 0),
        .finish(.stopSequence, stopSequence: "4"),
        .usage(Usage(inputTokens: 5, outputTokens: 4)),
        .end,
    ]

    static let maxTokens: [StreamEvent] = [
        .start(id: "chatcmpl-long", model: "m"),
        .blockStart(index: 0, kind: .text),
        .textDelta(index: 0, text: "Once upon a"),
        .blockStop(index: 0),
        .finish(.maxTokens, stopSequence: nil),
        .usage(Usage(inputTokens: 9, outputTokens: 3)),
        .end,
    ]

    static let errorMidStream: [StreamEvent] = [
        .start(id: "chatcmpl-err", model: "m"),
        .blockStart(index: 0, kind: .text),
        .textDelta(index: 0, text: "Partial"),
        .usage(Usage(inputTokens: 7, outputTokens: 1)),
        .error(GatewayError(.upstreamFailed, "The provider closed the connection mid-stream.", code: "upstream_error")),
        .end,
    ]

    static let all: [(String, [StreamEvent])] = [
        ("text", text), ("two function calls", twoFunctionCalls), ("interleaved calls", interleavedCalls),
        ("text then function call", textThenFunctionCall), ("thinking then text", thinkingThenText), ("stop sequence", stopSequence),
        ("max tokens", maxTokens), ("error", errorMidStream),
    ]
}
