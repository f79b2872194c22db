import Dialects
import TokModelCore

/// Recorded-style answers of Gemini's `generateContent` / `streamGenerateContent?alt=sse` (wire-formats §5.3,
/// §5.4): one whole `GenerateContentResponse` per `data:` line, CRLF framing, no terminator, `functionCall`
/// parts whole and without ids (so the reader mints `call_<responseId>_<n>`), cumulative `usageMetadata` on
/// every chunk, `STOP` even after function calls. Ids and counts are made up; shapes are Gemini's.
enum GeminiProviderFixtures {
    /// One chunk: the candidate's members (parts, finishReason…), then the usage.
    private static func chunk(_ responseID: String, _ candidate: String, usage: String, model: String = "gemini-2.5-flash") -> String {
        #"{"candidates": [{\#(candidate),"index": 0}],"usageMetadata": \#(usage),"modelVersion": "\#(model)","responseId": "\#(responseID)"}"#
    }

    private static func parts(_ parts: String) -> String { #""content": {"parts": [\#(parts)],"role": "model"}"# }

    private static func usage(_ prompt: Int, _ candidates: Int? = nil, cached: Int? = nil, thoughts: Int? = nil) -> String {
        var members = [#""promptTokenCount": \#(prompt)"#]
        if let candidates { members.append(#""candidatesTokenCount": \#(candidates)"#) }
        if let cached { members.append(#""cachedContentTokenCount": \#(cached)"#) }
        if let thoughts { members.append(#""thoughtsTokenCount": \#(thoughts)"#) }
        members.append(#""totalTokenCount": \#(prompt + (candidates ?? 0) + (thoughts ?? 0))"#)
        members.append(#""promptTokensDetails": [{"modality": "TEXT","tokenCount": \#(prompt)}]"#)
        return "{" + members.joined(separator: ",") + "}"
    }

    static func stream(_ transcript: Transcript) -> String {
        switch transcript {
        case .text:
            return sse([
                chunk("Xk9vaPTxLpG2z7IPq8fL4Qc", parts(#"{"text": "Bonjour, \"monde\"!"}"#), usage: usage(12)),
                chunk("Xk9vaPTxLpG2z7IPq8fL4Qc", parts(#"{"text": "\nÇa va? 🗼"}"#) + #","finishReason": "STOP""#, usage: usage(12, 9)),
            ], crlf: true)
        case .parallelTools:
            // Both calls in one chunk; a thinking model signs the first one.
            return sse([
                chunk(
                    "x3OvaK2aBr2Oz7IP9sK5oQk",
                    parts(
                        #"{"functionCall": {"name": "get_weather","args": {"city": "Paris"}},"thoughtSignature": "CiQBcsjafE1+Zk/8Q/vv"},{"functionCall": {"name": "get_weather","args": {"city": "Rome","unit": "celsius"}}}"#
                    ) + #","finishReason": "STOP""#, usage: usage(85, 20, thoughts: 20))
            ], crlf: true)
        case .textThenTool:
            return sse([
                chunk("Tt7vaMq2Hc6Oz7IPw5yB8Aw", parts(#"{"text": "Let me check"}"#), usage: usage(60)),
                chunk("Tt7vaMq2Hc6Oz7IPw5yB8Aw", parts(#"{"text": " the weather."}"#), usage: usage(60)),
                chunk(
                    "Tt7vaMq2Hc6Oz7IPw5yB8Aw", parts(#"{"functionCall": {"name": "get_weather","args": {"city": "Paris"}}}"#) + #","finishReason": "STOP""#,
                    usage: usage(60, 22)),
            ], crlf: true)
        case .stopSequence:
            // Gemini stops before the stop sequence and says only STOP.
            return sse([
                chunk("Ss2vaLk8Yd4Oz7IPe3nC9Bx", parts(#"{"text": "1, 2, 3"}"#) + #","finishReason": "STOP""#, usage: usage(20, 5), model: "gemini-2.5-flash-lite")
            ], crlf: true)
        case .maxTokens:
            return sse([
                chunk("Mm4vaRt6Wf2Oz7IPk9pD1Cy", parts(#"{"text": "Once upon a time,"}"#), usage: usage(8)),
                chunk("Mm4vaRt6Wf2Oz7IPk9pD1Cy", parts(#"{"text": " in a"}"#) + #","finishReason": "MAX_TOKENS""#, usage: usage(8, 16)),
            ], crlf: true)
        case .errorMidStream:
            return sse([
                chunk("Ee8vaNp3Qs1Oz7IPh6tE2Dz", parts(#"{"text": "Here is"}"#), usage: usage(14), model: "gemini-2.5-pro"),
                #"{"error": {"code": 503,"message": "The model is overloaded. Please try again later.","status": "UNAVAILABLE"}}"#,
            ], crlf: true)
        case .cachedUsage:
            return sse([
                chunk("Cc5vaBv9Ug7Oz7IPm2rF3Ea", parts(#"{"text": "Section 4.2 says the fee is waived."}"#), usage: usage(2100, cached: 2048)),
                chunk("Cc5vaBv9Ug7Oz7IPm2rF3Ea", parts(#"{"text": ""}"#) + #","finishReason": "STOP""#, usage: usage(2100, 40, cached: 2048)),
            ], crlf: true)
        case .cutOff:
            return sse([chunk("Uu1vaZc4Ih8Oz7IPp7sG4Fb", parts(#"{"text": "Half an"}"#), usage: usage(9))], crlf: true)
        case .thinking:
            // Thought summaries (`includeThoughts: true`), then the answer.
            return sse([
                chunk("Hh6vaXn5Jk3Oz7IPr1uH5Gc", parts(#"{"text": "The user wants","thought": true}"#), usage: usage(11, thoughts: 20), model: "gemini-2.5-pro"),
                chunk("Hh6vaXn5Jk3Oz7IPr1uH5Gc", parts(#"{"text": " a haiku.","thought": true}"#), usage: usage(11, thoughts: 43), model: "gemini-2.5-pro"),
                chunk("Hh6vaXn5Jk3Oz7IPr1uH5Gc", parts(#"{"text": "Autumn moonlight—\n"}"#), usage: usage(11, thoughts: 43), model: "gemini-2.5-pro"),
                chunk(
                    "Hh6vaXn5Jk3Oz7IPr1uH5Gc", parts(#"{"text": "a worm digs silently\ninto the chestnut."}"#) + #","finishReason": "STOP""#,
                    usage: usage(11, 17, thoughts: 43), model: "gemini-2.5-pro"),
            ], crlf: true)
        }
    }

    static func expectation(_ transcript: Transcript) -> Expectation {
        switch transcript {
        case .text:
            Expectation(text: "Bonjour, \"monde\"!\nÇa va? 🗼", outcome: .endTurn, usage: Usage(inputTokens: 12, outputTokens: 9))
        case .parallelTools:
            // The signed call carries its signature in the id (`__thought__`, wire-formats §11.6 rule 5), in base64url
            // without padding ("CiQBcsjafE1+Zk/8Q/vv" → "CiQBcsjafE1-Zk_8Q_vv") so that Anthropic clients get it unsanitised.
            Expectation(
                calls: [
                    .init(id: "call_x3OvaK2aBr2Oz7IP9sK5oQk_0__thought__CiQBcsjafE1-Zk_8Q_vv", name: "get_weather", arguments: ["city": "Paris"]),
                    .init(id: "call_x3OvaK2aBr2Oz7IP9sK5oQk_1", name: "get_weather", arguments: ["city": "Rome", "unit": "celsius"]),
                ], outcome: .toolUse, usage: Usage(inputTokens: 85, outputTokens: 40, reasoningTokens: 20))
        case .textThenTool:
            Expectation(
                text: "Let me check the weather.", calls: [.init(id: "call_Tt7vaMq2Hc6Oz7IPw5yB8Aw_0", name: "get_weather", arguments: ["city": "Paris"])],
                outcome: .toolUse, usage: Usage(inputTokens: 60, outputTokens: 22))
        case .stopSequence:
            // Gemini cannot say a stop sequence matched: a plain end of turn.
            Expectation(text: "1, 2, 3", outcome: .endTurn, usage: Usage(inputTokens: 20, outputTokens: 5))
        case .maxTokens:
            Expectation(text: "Once upon a time, in a", outcome: .maxTokens, usage: Usage(inputTokens: 8, outputTokens: 16))
        case .errorMidStream:
            Expectation(text: "Here is", outcome: .failed(message: "The model is overloaded. Please try again later."))
        case .cachedUsage:
            Expectation(
                text: "Section 4.2 says the fee is waived.", outcome: .endTurn,
                usage: Usage(inputTokens: 2100, outputTokens: 40, cachedInputTokens: 2048))
        case .cutOff:
            Expectation(text: "Half an", outcome: .failed(message: "The provider's stream ended before the answer was finished."))
        case .thinking:
            Expectation(
                text: "Autumn moonlight—\na worm digs silently\ninto the chestnut.", thinking: "The user wants a haiku.", outcome: .endTurn,
                usage: Usage(inputTokens: 11, outputTokens: 60, reasoningTokens: 43))
        }
    }

    /// What every client must be told for each non-streamed answer.
    static func responseExpectation(_ fixture: ResponseFixture) -> Expectation {
        switch fixture {
        case .text:
            Expectation(text: "It is 18°C and clear in Paris.", outcome: .endTurn, usage: Usage(inputTokens: 2100, outputTokens: 11, cachedInputTokens: 2048))
        case .toolCalls:
            // As in the stream, the signed call carries its signature in the id, base64url without padding.
            Expectation(
                text: "Checking both cities.",
                calls: [
                    .init(id: "call_Nt2vaRe9Af6Oz7IPt5wK7Ie_0__thought__CiQBcsjafE1-Zk_8Q_vv", name: "get_weather", arguments: ["city": "Paris"]),
                    .init(id: "call_Nt2vaRe9Af6Oz7IPt5wK7Ie_1", name: "get_weather", arguments: ["city": "Rome", "unit": "celsius"]),
                ], outcome: .toolUse, usage: Usage(inputTokens: 85, outputTokens: 40, reasoningTokens: 20))
        case .maxTokens:
            Expectation(text: "Once upon a time, in a", outcome: .maxTokens, usage: Usage(inputTokens: 8, outputTokens: 16))
        case .thinking:
            Expectation(
                text: "Autumn moonlight—\na worm digs silently\ninto the chestnut.", thinking: "The user wants a haiku.", outcome: .endTurn,
                usage: Usage(inputTokens: 11, outputTokens: 60, reasoningTokens: 43))
        }
    }

    static func response(_ fixture: ResponseFixture) -> String {
        switch fixture {
        case .text:
            #"""
            {"candidates": [{"content": {"parts": [{"text": "It is 18°C and clear in Paris."}],"role": "model"},"finishReason": "STOP","index": 0}],
             "usageMetadata": {"promptTokenCount": 2100,"candidatesTokenCount": 11,"cachedContentTokenCount": 2048,"totalTokenCount": 2111,
                               "promptTokensDetails": [{"modality": "TEXT","tokenCount": 2100}],"cacheTokensDetails": [{"modality": "TEXT","tokenCount": 2048}]},
             "modelVersion": "gemini-2.5-flash","responseId": "Nt1vaQw8Ze5Oz7IPs4vJ6Hd"}
            """#
        case .toolCalls:
            #"""
            {"candidates": [{"content": {"parts": [{"text": "Checking both cities."},
                                                    {"functionCall": {"name": "get_weather","args": {"city": "Paris"}},"thoughtSignature": "CiQBcsjafE1+Zk/8Q/vv"},
                                                    {"functionCall": {"name": "get_weather","args": {"city": "Rome","unit": "celsius"}}}],"role": "model"},
                             "finishReason": "STOP","index": 0}],
             "usageMetadata": {"promptTokenCount": 85,"candidatesTokenCount": 20,"thoughtsTokenCount": 20,"totalTokenCount": 125},
             "modelVersion": "gemini-2.5-flash","responseId": "Nt2vaRe9Af6Oz7IPt5wK7Ie"}
            """#
        case .maxTokens:
            #"""
            {"candidates": [{"content": {"parts": [{"text": "Once upon a time, in a"}],"role": "model"},"finishReason": "MAX_TOKENS","index": 0}],
             "usageMetadata": {"promptTokenCount": 8,"candidatesTokenCount": 16,"totalTokenCount": 24},
             "modelVersion": "gemini-2.5-flash","responseId": "Nt3vaSf1Bg7Oz7IPu6xL8Jf"}
            """#
        case .thinking:
            // A thought summary (`includeThoughts: true`), then the answer.
            #"""
            {"candidates": [{"content": {"parts": [{"text": "The user wants a haiku.","thought": true},
                                                    {"text": "Autumn moonlight—\na worm digs silently\ninto the chestnut."}],"role": "model"},
                             "finishReason": "STOP","index": 0}],
             "usageMetadata": {"promptTokenCount": 11,"candidatesTokenCount": 17,"thoughtsTokenCount": 43,"totalTokenCount": 71},
             "modelVersion": "gemini-2.5-pro","responseId": "Nt4vaTg2Ch8Oz7IPv7yM9Kg"}
            """#
        }
    }

    /// An error body, as Gemini writes it (here for HTTP 503).
    static let errorBody = #"""
        {"error": {"code": 503,"message": "The model is overloaded. Please try again later.","status": "UNAVAILABLE"}}
        """#
}

extension Provider {
    func stream(_ transcript: Transcript) -> String {
        switch self {
        case .openAI: OpenAIProviderFixtures.stream(transcript)
        case .anthropic: AnthropicProviderFixtures.stream(transcript)
        case .gemini: GeminiProviderFixtures.stream(transcript)
        }
    }

    func expectation(_ transcript: Transcript) -> Expectation {
        switch self {
        case .openAI: OpenAIProviderFixtures.expectation(transcript)
        case .anthropic: AnthropicProviderFixtures.expectation(transcript)
        case .gemini: GeminiProviderFixtures.expectation(transcript)
        }
    }

    func responseExpectation(_ fixture: ResponseFixture) -> Expectation {
        switch self {
        case .openAI: OpenAIProviderFixtures.responseExpectation(fixture)
        case .anthropic: AnthropicProviderFixtures.responseExpectation(fixture)
        case .gemini: GeminiProviderFixtures.responseExpectation(fixture)
        }
    }

    /// An error body of the provider's dialect.
    var errorBody: String {
        switch self {
        case .openAI: OpenAIProviderFixtures.errorBody
        case .anthropic: AnthropicProviderFixtures.errorBody
        case .gemini: GeminiProviderFixtures.errorBody
        }
    }

    func response(_ fixture: ResponseFixture) -> String {
        switch self {
        case .openAI: OpenAIProviderFixtures.response(fixture)
        case .anthropic: AnthropicProviderFixtures.response(fixture)
        case .gemini: GeminiProviderFixtures.response(fixture)
        }
    }
}
