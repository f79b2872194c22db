import Conversation
import Dialects
import GeminiCodec
import Testing
import TokModelCore

/// Golden transcripts: recorded-style Gemini streams through the reader, compared event by event with the
/// canonical events they must produce, fed whole and one byte at a time.
@Suite("Gemini stream reader: golden transcripts")
struct StreamGoldenTests {
    @Test("text over several chunks becomes one text block", arguments: Split.allCases)
    func textOverSeveralChunks(split: Split) throws {
        #expect(
            try readStream(StreamFixtures.textOverSeveralChunks, split: split) == [
                .start(id: "mAitaLmkHPPlz7IPvtfUqQ4", model: "gemini-2.5-flash"),
                .blockStart(index: 0, kind: .text),
                .textDelta(index: 0, text: "The capital"),
                .usage(Usage(inputTokens: 9)),
                .textDelta(index: 0, text: " of France is"),
                .textDelta(index: 0, text: " Paris — «Ville Lumière» 🗼."),
                .blockStop(index: 0),
                .finish(.endTurn, stopSequence: nil),
                .usage(Usage(inputTokens: 9, outputTokens: 12)),
                .end,
            ])
    }

    @Test("two parallel function calls in one chunk become two whole tool-call blocks", arguments: Split.allCases)
    func parallelFunctionCalls(split: Split) throws {
        #expect(
            try readStream(StreamFixtures.parallelFunctionCalls, split: split) == [
                .start(id: "x3OvaK2aBr2Oz7IP9sK5oQk", model: "gemini-2.5-flash"),
                // Minted ids; the first call's signature rides in its id (the stream has no other place for it),
                // in base64url without padding: "CiQBcsjafE1+Zk/8Q/vv" → "CiQBcsjafE1-Zk_8Q_vv".
                .blockStart(index: 0, kind: .toolCall(id: "call_x3OvaK2aBr2Oz7IP9sK5oQk_0__thought__CiQBcsjafE1-Zk_8Q_vv", name: "get_weather")),
                .toolArgumentsDelta(index: 0, json: #"{"city":"Paris"}"#),
                .blockStop(index: 0),
                .blockStart(index: 1, kind: .toolCall(id: "call_x3OvaK2aBr2Oz7IP9sK5oQk_1", name: "get_weather")),
                .toolArgumentsDelta(index: 1, json: #"{"city":"Rome","unit":"celsius"}"#),
                .blockStop(index: 1),
                .finish(.toolUse, stopSequence: nil),
                .usage(Usage(inputTokens: 61, outputTokens: 89, reasoningTokens: 69)),
                .end,
            ])
    }

    @Test("text followed by a function call: the text block closes first, STOP means tool use", arguments: Split.allCases)
    func textThenFunctionCall(split: Split) throws {
        #expect(
            try readStream(StreamFixtures.textThenFunctionCall, split: split) == [
                .start(id: "r-text-call", model: "gemini-3-pro-preview"),
                .blockStart(index: 0, kind: .text),
                .textDelta(index: 0, text: "Let me check "),
                .usage(Usage(inputTokens: 40)),
                .textDelta(index: 0, text: "the weather."),
                .blockStop(index: 0),
                .blockStart(index: 1, kind: .toolCall(id: "f4u2k9", name: "get_weather")),
                .toolArgumentsDelta(index: 1, json: "{}"),
                .blockStop(index: 1),
                .finish(.toolUse, stopSequence: nil),
                .usage(Usage(inputTokens: 40, outputTokens: 15)),
                .end,
            ])
    }

    @Test("thought parts become a thinking block before the text block", arguments: Split.allCases)
    func thoughtsThenText(split: Split) throws {
        #expect(
            try readStream(StreamFixtures.thoughtsThenText, split: split) == [
                .start(id: "r-thoughts", model: "gemini-2.5-pro"),
                .blockStart(index: 0, kind: .thinking),
                .thinkingDelta(index: 0, text: "**Drafting a haiku**\nThe user wants"),
                .usage(Usage(inputTokens: 11, outputTokens: 40, reasoningTokens: 40)),
                .thinkingDelta(index: 0, text: " seventeen syllables."),
                .thinkingSignature(index: 0, signature: "gemini:c2lnbmF0dXJlLTE="),  // marked as Gemini's (ThinkingSignatures)
                .usage(Usage(inputTokens: 11, outputTokens: 84, reasoningTokens: 84)),
                .blockStop(index: 0),
                .blockStart(index: 1, kind: .text),
                .textDelta(index: 1, text: "Autumn moonlight—\n"),
                .textDelta(index: 1, text: "a worm digs silently\ninto the chestnut."),
                .blockStop(index: 1),
                .finish(.endTurn, stopSequence: nil),
                .usage(Usage(inputTokens: 11, outputTokens: 101, reasoningTokens: 84)),
                .end,
            ])
    }

    @Test("MAX_TOKENS on a chunk without parts closes the text and finishes with maxTokens", arguments: Split.allCases)
    func maxTokens(split: Split) throws {
        #expect(
            try readStream(StreamFixtures.maxTokens, split: split) == [
                .start(id: "r-max", model: "gemini-2.5-flash"),
                .blockStart(index: 0, kind: .text),
                .textDelta(index: 0, text: "Once upon a time, in a"),
                .usage(Usage(inputTokens: 8)),
                .blockStop(index: 0),
                .finish(.maxTokens, stopSequence: nil),
                .usage(Usage(inputTokens: 8, outputTokens: 16)),
                .end,
            ])
    }

    @Test("a SAFETY finish part-way is a content filter stop", arguments: Split.allCases)
    func safetyBlock(split: Split) throws {
        #expect(
            try readStream(StreamFixtures.safetyBlock, split: split) == [
                .start(id: "r-safety", model: "gemini-2.5-flash"),
                .blockStart(index: 0, kind: .text),
                .textDelta(index: 0, text: "Step one: gather"),
                .usage(Usage(inputTokens: 14)),
                .blockStop(index: 0),
                .finish(.contentFilter, stopSequence: nil),
                .usage(Usage(inputTokens: 14, outputTokens: 4)),
                .end,
            ])
    }

    @Test("a blocked prompt (promptFeedback, no candidates) is an empty answer stopped by the content filter", arguments: Split.allCases)
    func promptBlocked(split: Split) throws {
        #expect(
            try readStream(StreamFixtures.promptBlocked, split: split) == [
                .start(id: "r-blocked", model: "gemini-2.5-flash"),
                .finish(.contentFilter, stopSequence: nil),
                .usage(Usage(inputTokens: 12)),
                .end,
            ])
    }

    @Test("usage with cached, thought and tool-use prompt tokens; an empty final text part adds nothing", arguments: Split.allCases)
    func cachedAndThoughtsUsage(split: Split) throws {
        #expect(
            try readStream(StreamFixtures.cachedAndThoughtsUsage, split: split) == [
                .start(id: "r-cache", model: "gemini-2.5-flash"),
                .blockStart(index: 0, kind: .text),
                .textDelta(index: 0, text: "Section 4.2 says the fee is waived."),
                .usage(Usage(inputTokens: 2100, cachedInputTokens: 2048)),
                .blockStop(index: 0),
                .finish(.endTurn, stopSequence: nil),
                .usage(Usage(inputTokens: 2130, outputTokens: 160, cachedInputTokens: 2048, reasoningTokens: 120)),
                .end,
            ])
    }

    @Test("a stop sequence shows as STOP: endTurn, no stop sequence named", arguments: Split.allCases)
    func stopSequence(split: Split) throws {
        #expect(
            try readStream(StreamFixtures.stopSequence, split: split) == [
                .start(id: "r-stop", model: "gemini-2.5-flash-lite"),
                .blockStart(index: 0, kind: .text),
                .textDelta(index: 0, text: "1, 2, 3"),
                .blockStop(index: 0),
                .finish(.endTurn, stopSequence: nil),
                .usage(Usage(inputTokens: 20, outputTokens: 5)),
                .end,
            ])
    }

    @Test("an error object mid-stream closes the open block, then error and end", arguments: Split.allCases)
    func errorMidStream(split: Split) throws {
        #expect(
            try readStream(StreamFixtures.errorMidStream, split: split) == [
                .start(id: "r-err", model: "gemini-2.5-pro"),
                .blockStart(index: 0, kind: .text),
                .textDelta(index: 0, text: "Here is"),
                .blockStop(index: 0),
                .error(
                    GatewayError(
                        .unavailable, "The provider is overloaded or unavailable: The model is overloaded. Please try again later.",
                        code: "upstream_unavailable")),
                .end,
            ])
    }

    @Test("a body that ends before any finish reason reports a truncated stream", arguments: Split.allCases)
    func truncated(split: Split) throws {
        #expect(
            try readStream(StreamFixtures.truncated, split: split) == [
                .start(id: "r-cut", model: "gemini-2.5-flash"),
                .blockStart(index: 0, kind: .text),
                .textDelta(index: 0, text: "Half an"),
                .blockStop(index: 0),
                .error(GatewayError(.upstreamFailed, "The provider's stream ended before the answer was finished.", code: "upstream_truncated_stream")),
                .end,
            ])
    }

    @Test(
        "every two-piece split of every transcript gives the same events as the whole body",
        arguments: [
            StreamFixtures.textOverSeveralChunks, StreamFixtures.parallelFunctionCalls, StreamFixtures.textThenFunctionCall,
            StreamFixtures.thoughtsThenText, StreamFixtures.maxTokens, StreamFixtures.safetyBlock, StreamFixtures.promptBlocked,
            StreamFixtures.cachedAndThoughtsUsage, StreamFixtures.stopSequence, StreamFixtures.errorMidStream, StreamFixtures.truncated,
        ])
    func everySplit(body: String) throws {
        let bytes = Array(body.utf8)
        let whole = try readStream(bytes, chunks: [bytes.count])
        #expect(whole.first != nil && whole.last == .end)
        for cut in 1..<bytes.count {
            let events = try readStream(bytes, chunks: [cut])
            #expect(events == whole, "split at byte \(cut)")
            if events != whole { break }
        }
    }
}
