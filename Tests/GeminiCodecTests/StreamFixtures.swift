/// Recorded-style `streamGenerateContent?alt=sse` bodies, as Gemini sends them: one whole
/// `GenerateContentResponse` per `data:` line, events separated by `\r\n\r\n`, no terminator. Ids and counts
/// are made up; shapes follow the API (wire-formats §5.4).
enum StreamFixtures {
    /// Joins JSON chunks into an SSE body with Gemini's CRLF framing (or LF framing when `crlf` is false).
    static func sse(_ chunks: [String], crlf: Bool = true) -> String {
        let end = crlf ? "\r\n\r\n" : "\n\n"
        return chunks.map { "data: " + $0 + end }.joined()
    }

    static let textOverSeveralChunks = sse([
        #"{"candidates": [{"content": {"parts": [{"text": "The capital"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 9,"totalTokenCount": 9,"promptTokensDetails": [{"modality": "TEXT","tokenCount": 9}]},"modelVersion": "gemini-2.5-flash","responseId": "mAitaLmkHPPlz7IPvtfUqQ4"}"#,
        #"{"candidates": [{"content": {"parts": [{"text": " of France is"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 9,"totalTokenCount": 9,"promptTokensDetails": [{"modality": "TEXT","tokenCount": 9}]},"modelVersion": "gemini-2.5-flash","responseId": "mAitaLmkHPPlz7IPvtfUqQ4"}"#,
        #"{"candidates": [{"content": {"parts": [{"text": " Paris — «Ville Lumière» 🗼."}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 9,"candidatesTokenCount": 12,"totalTokenCount": 21,"promptTokensDetails": [{"modality": "TEXT","tokenCount": 9}]},"modelVersion": "gemini-2.5-flash","responseId": "mAitaLmkHPPlz7IPvtfUqQ4"}"#,
    ])

    /// Two parallel calls in one chunk; a thinking model signs the first one. Gemini gives no ids.
    static let parallelFunctionCalls = sse([
        #"{"candidates": [{"content": {"parts": [{"functionCall": {"name": "get_weather","args": {"city": "Paris"}},"thoughtSignature": "CiQBcsjafE1+Zk/8Q/vv"},{"functionCall": {"name": "get_weather","args": {"city": "Rome","unit": "celsius"}}}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 61,"candidatesTokenCount": 20,"totalTokenCount": 150,"thoughtsTokenCount": 69},"modelVersion": "gemini-2.5-flash","responseId": "x3OvaK2aBr2Oz7IP9sK5oQk"}"#,
    ])

    /// Text, then a call with a model-given id in a later chunk.
    static let textThenFunctionCall = sse([
        #"{"candidates": [{"content": {"parts": [{"text": "Let me check "}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 40,"totalTokenCount": 40},"modelVersion": "gemini-3-pro-preview","responseId": "r-text-call"}"#,
        #"{"candidates": [{"content": {"parts": [{"text": "the weather."}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 40,"totalTokenCount": 40},"modelVersion": "gemini-3-pro-preview","responseId": "r-text-call"}"#,
        #"{"candidates": [{"content": {"parts": [{"functionCall": {"id": "f4u2k9","name": "get_weather","args": {}}}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 40,"candidatesTokenCount": 15,"totalTokenCount": 55},"modelVersion": "gemini-3-pro-preview","responseId": "r-text-call"}"#,
    ], crlf: false)

    /// Thought summaries (`includeThoughts: true`), then the answer. The second thought part carries a
    /// signature; the last text part carries one too, which has nowhere to go and is dropped.
    static let thoughtsThenText = sse([
        #"{"candidates": [{"content": {"parts": [{"text": "**Drafting a haiku**\nThe user wants","thought": true}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 11,"totalTokenCount": 51,"thoughtsTokenCount": 40},"modelVersion": "gemini-2.5-pro","responseId": "r-thoughts"}"#,
        #"{"candidates": [{"content": {"parts": [{"text": " seventeen syllables.","thought": true,"thoughtSignature": "c2lnbmF0dXJlLTE="}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 11,"totalTokenCount": 95,"thoughtsTokenCount": 84},"modelVersion": "gemini-2.5-pro","responseId": "r-thoughts"}"#,
        #"{"candidates": [{"content": {"parts": [{"text": "Autumn moonlight—\n"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 11,"totalTokenCount": 95,"thoughtsTokenCount": 84},"modelVersion": "gemini-2.5-pro","responseId": "r-thoughts"}"#,
        #"{"candidates": [{"content": {"parts": [{"text": "a worm digs silently\ninto the chestnut.","thoughtSignature": "dGV4dC1zaWc="}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 11,"candidatesTokenCount": 17,"totalTokenCount": 112,"thoughtsTokenCount": 84},"modelVersion": "gemini-2.5-pro","responseId": "r-thoughts"}"#,
    ])

    /// Truncated by `maxOutputTokens`: the last chunk has a finish reason and no parts.
    static let maxTokens = sse([
        #"{"candidates": [{"content": {"parts": [{"text": "Once upon a time, in a"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 8,"totalTokenCount": 8},"modelVersion": "gemini-2.5-flash","responseId": "r-max"}"#,
        #"{"candidates": [{"content": {"role": "model"},"finishReason": "MAX_TOKENS","index": 0}],"usageMetadata": {"promptTokenCount": 8,"candidatesTokenCount": 16,"totalTokenCount": 24},"modelVersion": "gemini-2.5-flash","responseId": "r-max"}"#,
    ])

    /// The answer is stopped by the safety filter part-way.
    static let safetyBlock = sse([
        #"{"candidates": [{"content": {"parts": [{"text": "Step one: gather"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 14,"totalTokenCount": 14},"modelVersion": "gemini-2.5-flash","responseId": "r-safety"}"#,
        #"{"candidates": [{"finishReason": "SAFETY","index": 0,"safetyRatings": [{"category": "HARM_CATEGORY_DANGEROUS_CONTENT","probability": "HIGH","blocked": true},{"category": "HARM_CATEGORY_HARASSMENT","probability": "NEGLIGIBLE"}]}],"usageMetadata": {"promptTokenCount": 14,"candidatesTokenCount": 4,"totalTokenCount": 18},"modelVersion": "gemini-2.5-flash","responseId": "r-safety"}"#,
    ])

    /// The prompt itself is refused: no candidates at all.
    static let promptBlocked = sse([
        #"{"promptFeedback": {"blockReason": "PROHIBITED_CONTENT","blockReasonMessage": "The prompt was blocked."},"usageMetadata": {"promptTokenCount": 12,"totalTokenCount": 12},"modelVersion": "gemini-2.5-flash","responseId": "r-blocked"}"#,
    ])

    /// Cached context and thinking: the last chunk's usage is the complete one.
    static let cachedAndThoughtsUsage = sse([
        #"{"candidates": [{"content": {"parts": [{"text": "Section 4.2 says the fee is waived."}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 2100,"cachedContentTokenCount": 2048,"totalTokenCount": 2100,"cacheTokensDetails": [{"modality": "TEXT","tokenCount": 2048}]},"modelVersion": "gemini-2.5-flash","responseId": "r-cache"}"#,
        #"{"candidates": [{"content": {"parts": [{"text": ""}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 2100,"cachedContentTokenCount": 2048,"candidatesTokenCount": 40,"thoughtsTokenCount": 120,"toolUsePromptTokenCount": 30,"totalTokenCount": 2290},"modelVersion": "gemini-2.5-flash","responseId": "r-cache"}"#,
    ])

    /// Plain LF framing and a stop sequence: Gemini stops before "END" and reports `STOP` (it does not say
    /// whether a stop sequence matched).
    static let stopSequence = sse([
        #"{"candidates": [{"content": {"parts": [{"text": "1, 2, 3"}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 20,"candidatesTokenCount": 5,"totalTokenCount": 25},"modelVersion": "gemini-2.5-flash-lite","responseId": "r-stop"}"#,
    ], crlf: false)

    /// The provider fails part-way with an error object in the stream.
    static let errorMidStream = sse([
        #"{"candidates": [{"content": {"parts": [{"text": "Here is"}],"role": "model"},"index": 0}],"modelVersion": "gemini-2.5-pro","responseId": "r-err"}"#,
        #"{"error": {"code": 503,"message": "The model is overloaded. Please try again later.","status": "UNAVAILABLE"}}"#,
    ])

    /// The body ends before any finish reason (a dropped connection).
    static let truncated = sse([
        #"{"candidates": [{"content": {"parts": [{"text": "Half an"}],"role": "model"},"index": 0}],"modelVersion": "gemini-2.5-flash","responseId": "r-cut"}"#,
    ])
}
