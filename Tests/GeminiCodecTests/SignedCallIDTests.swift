import Conversation
import Dialects
import GeminiCodec
import Testing
import TokModelCore

/// A Gemini `thoughtSignature` carried in a tool-call id (`<id>__thought__<signature>`, §11.6 rule 5): written in
/// base64url without padding, so the id stays within `[A-Za-z0-9_-]` (Anthropic's id pattern, which its codec
/// otherwise sanitises, destroying the signature), and restored to the exact standard base64 Gemini sent when
/// the id comes back. Checked through the public codec: the answer (whole or streamed) → the id a client
/// sees → the client's next request → the part Gemini receives.
@Suite("Gemini thought signatures carried in tool-call ids")
struct SignedCallIDTests {
    /// Signatures as Gemini sends them (standard base64) and as they must appear in the id.
    static let signatures: [(signature: String, inID: String)] = [
        // `+` and `/`, a length that needs no padding (15 bytes).
        ("CiQBcsjafE1+Zk/8Q/vv", "CiQBcsjafE1-Zk_8Q_vv"),
        // One `=` of padding (5 bytes), with `+` and `/`.
        ("+/+///4=", "-_-___4"),
        // Two `=` of padding (4 bytes), with `+` and `/`.
        ("+/+//w==", "-_-__w"),
        // The shortest signature: one byte, two `=`.
        ("+A==", "-A"),
        // Only letters and digits, one `=`.
        ("c2lnbmF0dXJlLTE=", "c2lnbmF0dXJlLTE"),
        // Letters and digits only, no padding: the id carries it unchanged.
        ("c2lnbmF0dXJl", "c2lnbmF0dXJl"),
    ]

    /// A Gemini answer with one signed call, without an id (the codec mints `call_r1_0`).
    static func answer(signature: String) -> String {
        #"{"candidates": [{"content": {"parts": [{"functionCall": {"name": "f","args": {}},"thoughtSignature": "\#(signature)"}],"role": "model"},"finishReason": "STOP","index": 0}],"responseId": "r1"}"#
    }

    /// What Gemini receives when a client sends the call back under `id`, with no other trace of the signature
    /// (as Chat, Messages and Responses clients do): the model content's call part and the user content's
    /// response part.
    static func returned(id: String) throws -> (call: JSONValue?, response: JSONValue?) {
        let request = ChatRequest(
            model: "m",
            turns: [
                Turn(role: .user, blocks: [.text("q")]),
                Turn(role: .assistant, blocks: [.toolCall(ToolCall(id: id, name: "f", arguments: "{}"))]),
                Turn(role: .user, blocks: [.toolResult(ToolResult(callID: id, content: [.text("r")]))]),
            ])
        let body = try GeminiGenerateContent.encodeRequest(request, upstreamModel: "gemini-3-pro-preview")
        return (body["contents"]?[1]?["parts"]?[0], body["contents"]?[2]?["parts"]?[0])
    }

    static func isIDSafe(_ id: String) -> Bool {
        id.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-": true
            default: false
            }
        }
    }

    @Test("a whole answer: the id carries the signature in base64url, ToolCall.thoughtSignature keeps it as sent", arguments: signatures)
    func wholeAnswer(signature: String, inID: String) throws {
        let response = try GeminiGenerateContent.decodeResponse(try json(Self.answer(signature: signature)))
        let expectedID = "call_r1_0__thought__" + inID
        #expect(response.blocks == [.toolCall(ToolCall(id: expectedID, name: "f", arguments: "{}", thoughtSignature: signature))])
        #expect(Self.isIDSafe(expectedID) && !expectedID.contains("="))
    }

    @Test("a streamed answer: the call's id carries the signature in base64url", arguments: signatures)
    func streamedAnswer(signature: String, inID: String) throws {
        let events = try readStream(StreamFixtures.sse([Self.answer(signature: signature)]))
        let ids = events.compactMap { event -> String? in
            if case .blockStart(_, .toolCall(let id, _)) = event { id } else { nil }
        }
        #expect(ids == ["call_r1_0__thought__" + inID])
    }

    @Test("the id a client gives back: Gemini gets the plain id and exactly the signature it sent", arguments: signatures)
    func backToGemini(signature: String, inID: String) throws {
        let (call, response) = try Self.returned(id: "call_r1_0__thought__" + inID)
        #expect(call == ["functionCall": ["id": "call_r1_0", "name": "f", "args": [:]], "thoughtSignature": .string(signature)])
        #expect(response?["functionResponse"]?["id"] == "call_r1_0")
    }

    @Test("answer → client id → next request: the signature survives both paths unchanged", arguments: signatures)
    func roundTrip(signature: String, inID: String) throws {
        let whole = try GeminiGenerateContent.decodeResponse(try json(Self.answer(signature: signature)))
        guard case .toolCall(let call)? = whole.blocks.first else {
            Issue.record("no tool call in \(whole.blocks)")
            return
        }
        let streamed = try readStream(StreamFixtures.sse([Self.answer(signature: signature)])).compactMap { event -> String? in
            if case .blockStart(_, .toolCall(let id, _)) = event { id } else { nil }
        }
        for id in [call.id] + streamed {
            #expect(try Self.returned(id: id).call?["thoughtSignature"] == .string(signature), "\(id)")
        }
    }

    /// Ids written before the base64url change (or by LiteLLM) carry standard base64, padding included; they
    /// may still come back in a client's history and must still give Gemini the exact signature.
    @Test(
        "ids that carry standard base64 still give back the exact signature",
        arguments: [
            ("call_r1_0__thought__CiQBcsjafE1+Zk/8Q/vv", "CiQBcsjafE1+Zk/8Q/vv"),
            ("call_r1_0__thought__+/+//w==", "+/+//w=="),
            ("call_r1_0__thought__+/+///4=", "+/+///4="),
        ])
    func standardBase64InID(id: String, signature: String) throws {
        let (call, response) = try Self.returned(id: id)
        #expect(call == ["functionCall": ["id": "call_r1_0", "name": "f", "args": [:]], "thoughtSignature": .string(signature)])
        #expect(response?["functionResponse"]?["id"] == "call_r1_0")
    }

    @Test("an unsigned call keeps its plain id, and nothing is invented on the way back")
    func unsigned() throws {
        let response = try GeminiGenerateContent.decodeResponse(
            try json(#"{"candidates": [{"content": {"parts": [{"functionCall": {"name": "f","args": {}}}]},"finishReason": "STOP"}],"responseId": "r1"}"#))
        #expect(response.blocks == [.toolCall(ToolCall(id: "call_r1_0", name: "f", arguments: "{}"))])
        #expect(try Self.returned(id: "call_r1_0").call == ["functionCall": ["id": "call_r1_0", "name": "f", "args": [:]]])
    }
}
