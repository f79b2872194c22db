import Dialects

/// An answer in Gemini's `GenerateContentResponse` format (§5.3, §5.4 of the wire-format reference),
/// written straight to bytes.
///
/// `{"candidates":[{"content":{"parts":[...],"role":"model"},"finishReason":..,"index":0}],
/// "usageMetadata":{"promptTokenCount":P,"candidatesTokenCount":C,"totalTokenCount":P+C},
/// "modelVersion":<model from the URL>,"responseId":"mock-resp-<n>"}`. The parts are a `text` part when the
/// answer has text, then one `{"functionCall":{"name":..,"args":{...}}}` per call (Gemini ids are optional and
/// the mock sends none); an answer with neither has one empty text part. Every candidate
/// (`candidateCount`) is identical and `candidatesTokenCount` counts them all. `no_usage` leaves
/// `usageMetadata` out, `zero_usage` reports zeros.
public enum MockGeminiBody {
    public static func encode(_ answer: MockAnswer, responseID: String, model: String) -> [UInt8] {
        var parts = [UInt8]()
        if !answer.tokens.isEmpty { writeTextPart(answer.text, into: &parts) }
        for call in answer.toolCalls {
            if !parts.isEmpty { parts.append(UInt8(ascii: ",")) }
            writeFunctionCall(call, into: &parts)
        }
        if parts.isEmpty { writeTextPart("", into: &parts) }
        var out = [UInt8]()
        out.reserveCapacity(240 + answer.choices * (parts.count + 80))
        writeResponse(parts: parts, finishReason: answer.stop.gemini, choices: answer.choices, usage: answer.usage, responseID: responseID, model: model, into: &out)
        return out
    }

    /// The chunks of a streamed answer, each `data: <GenerateContentResponse>\r\n\r\n` with no terminator:
    /// one per text chunk (``MockAnswer/contentChunks(count:)``), then one per tool call holding that whole
    /// `functionCall`; `finishReason` is on the last chunk only (an answer with neither text nor calls is one
    /// chunk with an empty text part). Every chunk carries `usageMetadata`, cumulative: the prompt count, and the
    /// completion tokens of the text and calls sent so far (so the last chunk has the final counts). All chunks
    /// but the last are content events; the last is the finish event (paced like the others, never sent with
    /// `fail_after`).
    public static func events(for answer: MockAnswer, responseID: String, model: String, chunkCount: Int) -> [MockStreamEvent] {
        var pieces: [(parts: [UInt8], tokens: Int)] = []
        let textChunks = MockAnswer.split(answer.tokens, into: chunkCount)
        for chunk in textChunks {
            var parts = [UInt8]()
            writeTextPart(chunk.joined(), into: &parts)
            pieces.append((parts, chunk.count))
        }
        for call in answer.toolCalls {
            var parts = [UInt8]()
            writeFunctionCall(call, into: &parts)
            pieces.append((parts, call.completionTokens))
        }
        if pieces.isEmpty {
            var parts = [UInt8]()
            writeTextPart("", into: &parts)
            pieces.append((parts, 0))
        }
        var events: [MockStreamEvent] = []
        events.reserveCapacity(pieces.count)
        var sent = 0
        for (index, piece) in pieces.enumerated() {
            sent += piece.tokens
            let last = index == pieces.count - 1
            let usage = answer.usage.map { usage in
                usage.completionTokens == 0 ? usage : MockUsage(promptTokens: usage.promptTokens, completionTokens: sent * answer.choices)
            }
            var out = Array("data: ".utf8)
            out.reserveCapacity(200 + answer.choices * (piece.parts.count + 80))
            writeResponse(
                parts: piece.parts, finishReason: last ? answer.stop.gemini : nil, choices: answer.choices, usage: usage,
                responseID: responseID, model: model, into: &out)
            out.append(contentsOf: "\r\n\r\n".utf8)
            events.append(MockStreamEvent(kind: last ? .finish : .content(index), choice: 0, bytes: out))
        }
        return events
    }

    static func writeResponse(
        parts: [UInt8], finishReason: String?, choices: Int, usage: MockUsage?, responseID: String, model: String, into out: inout [UInt8]
    ) {
        out.append(contentsOf: #"{"candidates":["#.utf8)
        for index in 0..<choices {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"content":{"parts":["#.utf8)
            out.append(contentsOf: parts)
            out.append(contentsOf: #"],"role":"model"}"#.utf8)
            if let finishReason {
                out.append(contentsOf: #","finishReason":"#.utf8)
                JSONWriter.writeString(finishReason, into: &out)
            }
            out.append(contentsOf: #","index":"#.utf8)
            out.append(contentsOf: String(index).utf8)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        if let usage {
            out.append(contentsOf: #","usageMetadata":{"promptTokenCount":"#.utf8)
            out.append(contentsOf: String(usage.promptTokens).utf8)
            out.append(contentsOf: #","candidatesTokenCount":"#.utf8)
            out.append(contentsOf: String(usage.completionTokens).utf8)
            out.append(contentsOf: #","totalTokenCount":"#.utf8)
            out.append(contentsOf: String(usage.totalTokens).utf8)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: #","modelVersion":"#.utf8)
        JSONWriter.writeString(model, into: &out)
        out.append(contentsOf: #","responseId":"#.utf8)
        JSONWriter.writeString(responseID, into: &out)
        out.append(UInt8(ascii: "}"))
    }

    static func writeTextPart(_ text: String, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"text":"#.utf8)
        JSONWriter.writeString(text, into: &out)
        out.append(UInt8(ascii: "}"))
    }

    static func writeFunctionCall(_ call: MockToolCall, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"functionCall":{"name":"#.utf8)
        JSONWriter.writeString(call.name, into: &out)
        out.append(contentsOf: #","args":"#.utf8)
        out.append(contentsOf: call.arguments.utf8)
        out.append(contentsOf: "}}".utf8)
    }
}
