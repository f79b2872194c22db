/// The deterministic answer to one request, in any dialect: pure, so that tests can predict every byte the
/// mock sends.
///
/// **Text.** The text is `"This is a mock reply to: "` followed by the first 40 characters of the last user
/// message (directives removed, surrounding whitespace trimmed), then the filler words `lorem ipsum dolor sit
/// amet ...` repeated, cut to exactly ``wordLimit`` whitespace-separated words. Each emitted word is one token:
/// the word and the single space after it (the last word has none), so runs of whitespace in the quote become
/// single spaces. With a max-tokens limit below the word count, only that many words are emitted and the finish
/// reason is `length` (Anthropic `max_tokens`, Gemini `MAX_TOKENS`).
///
/// **Tool results.** When the request's last turn is a tool result (``MockChatRequest/toolResultText``), the
/// text is instead `"Tool result received: "` followed by the first 40 characters of that result (trimmed),
/// with no filler unless a `words=N` directive asks for N words; no tool is called, so a tool round trip ends
/// with text.
///
/// **Tool calls.** Otherwise, when ``MockToolCall/plan(for:directives:)`` yields calls, the answer makes them
/// instead of writing text, or after the text with `text_then_tool`; the finish reason is then `tool_calls`
/// (Anthropic `tool_use`, Gemini `STOP`). Each call costs `ceil(argument JSON bytes / 4) + 1` completion
/// tokens. Under a max-tokens limit the text comes first, then each call whole while it fits; a call that
/// does not fit is dropped (with any after it) and the finish reason becomes `length`.
///
/// **Stop sequences.** The first stop sequence (earliest in the text) that appears in full within the tokens
/// the max-tokens limit allows ends the text just before it: the token holding its start is cut there (kept
/// when the cut leaves something), later tokens and all tool calls are dropped, and the finish reason is
/// `stop` (Anthropic `stop_sequence` with the sequence, Gemini `STOP`).
///
/// **Usage.** `completion_tokens = (text tokens + Σ tool-call tokens) × choices`; prompt tokens per
/// ``MockPromptTokens``.
public struct MockAnswer: Sendable, Equatable {
    public static let defaultWords = 12
    public static let prefix = "This is a mock reply to: "
    /// The start of the answer to a tool result.
    public static let toolResultPrefix = "Tool result received: "
    /// Characters of the user's message (or the tool result) quoted in the answer.
    public static let quotedCharacters = 40
    public static let fillerWords: [String] = [
        "lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do", "eiusmod",
        "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua",
    ]

    /// The emitted text tokens in order; joined they are the answer's text.
    public var tokens: [String]
    /// The tool calls made after the text (the same in every choice).
    public var toolCalls: [MockToolCall]
    /// Why the answer ended.
    public var stop: MockStopReason
    /// Identical choices returned (`n`, Gemini `candidateCount`).
    public var choices: Int
    /// What the usage object reports, or nil when usage must not be sent (`no_usage`).
    public var usage: MockUsage?

    /// The answer with the tool calls ``MockToolCall/plan(for:directives:)`` yields, or none when the plan
    /// fails (the server plans first and answers a failing plan with a 400).
    ///
    /// - Parameters:
    ///   - request: the parsed request.
    ///   - directives: overrides from the message (``MockDirectives``).
    ///   - quotedText: the last user message with its directives removed.
    public init(request: MockChatRequest, directives: MockDirectives, quotedText: String) {
        let calls = (try? MockToolCall.plan(for: request, directives: directives)) ?? []
        self.init(request: request, directives: directives, quotedText: quotedText, toolCalls: calls)
    }

    /// The answer making `toolCalls` (normally from ``MockToolCall/plan(for:directives:)``).
    public init(request: MockChatRequest, directives: MockDirectives, quotedText: String, toolCalls plannedCalls: [MockToolCall]) {
        let limit = request.maxTokens ?? Int.max
        let prefix: String
        let quote: String
        let wordCount: Int
        if let result = request.toolResultText {
            (prefix, quote) = (Self.toolResultPrefix, result)
            wordCount = directives.words ?? Self.words(prefix: prefix, quoting: result).count
        } else if plannedCalls.isEmpty || directives.textThenTool {
            (prefix, quote) = (Self.prefix, quotedText)
            wordCount = directives.words ?? Self.defaultWords
        } else {
            (prefix, quote, wordCount) = ("", "", 0)
        }
        var full = Self.tokens(prefix: prefix, quoting: quote, count: wordCount)

        var stop = MockStopReason.endTurn
        if let (kept, sequence) = Self.cut(full, atFirstOf: request.stopSequences, within: limit) {
            full = kept
            stop = .stopSequence(sequence)
        } else if wordCount > limit {
            // Regenerated rather than trimmed, so that the last emitted word has no trailing space.
            full = Self.tokens(prefix: prefix, quoting: quote, count: limit)
            stop = .maxTokens
        }
        var calls: [MockToolCall] = []
        if stop == .endTurn, !plannedCalls.isEmpty {
            var budget = limit - full.count
            for call in plannedCalls {
                guard call.completionTokens <= budget else { break }
                budget -= call.completionTokens
                calls.append(call)
            }
            stop = calls.count == plannedCalls.count ? .toolUse : .maxTokens
        }
        self.tokens = full
        self.toolCalls = calls
        self.stop = stop
        self.choices = request.choices
        let perChoice = full.count + calls.reduce(0) { $0 + $1.completionTokens }
        if directives.noUsage {
            self.usage = nil
        } else if directives.zeroUsage {
            self.usage = MockUsage(promptTokens: 0, completionTokens: 0)
        } else {
            self.usage = MockUsage(promptTokens: request.promptTokens, completionTokens: perChoice * request.choices)
        }
    }

    public var text: String { tokens.joined() }
    /// Completion tokens of one choice: text tokens plus tool-call tokens.
    public var completionTokens: Int { tokens.count + toolCalls.reduce(0) { $0 + $1.completionTokens } }
    /// OpenAI's `finish_reason`: `stop`, `length` or `tool_calls`.
    public var finishReason: String { stop.openAI }

    /// The first `count` tokens of the answer quoting `quotedText`.
    public static func tokens(quoting quotedText: String, count: Int) -> [String] {
        tokens(prefix: prefix, quoting: quotedText, count: count)
    }

    /// The words of `prefix` and of the first 40 characters of `quotedText` (trimmed), without filler.
    static func words(prefix: String, quoting quotedText: String) -> [Substring] {
        let quote = quotedText.trimmingWhitespace().prefix(quotedCharacters)
        return prefix.split(whereSeparator: \.isWhitespace) + quote.split(whereSeparator: \.isWhitespace)
    }

    /// The first `count` tokens of `prefix`, the quote and the filler.
    public static func tokens(prefix: String, quoting quotedText: String, count: Int) -> [String] {
        guard count > 0 else { return [] }
        var words: [Substring] = []
        words.reserveCapacity(count)
        let quote = quotedText.trimmingWhitespace().prefix(quotedCharacters)
        for source in [prefix[...], quote] {
            for word in source.split(whereSeparator: \.isWhitespace) {
                guard words.count < count else { break }
                words.append(word)
            }
        }
        var filler = 0
        while words.count < count {
            words.append(fillerWords[filler % fillerWords.count][...])
            filler += 1
        }
        var tokens = [String]()
        tokens.reserveCapacity(count)
        for (index, word) in words.enumerated() {
            tokens.append(index == count - 1 ? String(word) : String(word) + " ")
        }
        return tokens
    }

    /// The tokens before the earliest stop sequence that ends within the first `limit` tokens, and that
    /// sequence; nil when none does. A token holding the sequence's start is cut just before it and dropped
    /// when nothing is left of it.
    static func cut(_ tokens: [String], atFirstOf sequences: [String], within limit: Int) -> (tokens: [String], sequence: String)? {
        guard !sequences.isEmpty, !tokens.isEmpty else { return nil }
        let text = Array(tokens.joined().utf8)
        var best: (start: Int, end: Int, sequence: String)?
        for sequence in sequences {
            let needle = Array(sequence.utf8)
            guard !needle.isEmpty, needle.count <= text.count else { continue }
            let searchEnd = min(best?.start ?? text.count, text.count - needle.count + 1)
            var start = 0
            while start < searchEnd {
                if text[start] == needle[0], text[start..<start + needle.count].elementsEqual(needle) {
                    best = (start, start + needle.count, sequence)
                    break
                }
                start += 1
            }
        }
        guard let best else { return nil }
        // Byte offset where the allowed tokens end.
        var allowedEnd = 0
        for token in tokens.prefix(limit) { allowedEnd += token.utf8.count }
        guard best.end <= allowedEnd else { return nil }
        var kept: [String] = []
        var offset = 0
        for token in tokens {
            let bytes = token.utf8.count
            if offset + bytes <= best.start {
                kept.append(token)
            } else {
                if best.start > offset { kept.append(String(decoding: Array(token.utf8)[..<(best.start - offset)], as: UTF8.self)) }
                break
            }
            offset += bytes
        }
        return (kept, best.sequence)
    }

    /// Splits the tokens into at most `chunkCount` consecutive, non-empty groups whose sizes differ by at
    /// most one (the larger ones first), so a stream of any length has the requested rhythm. No tokens, no
    /// chunks.
    public func contentChunks(count chunkCount: Int) -> [String] {
        Self.split(tokens, into: chunkCount).map { $0.joined() }
    }

    public static func split<Element>(_ items: [Element], into chunkCount: Int) -> [ArraySlice<Element>] {
        let groups = min(max(1, chunkCount), items.count)
        guard groups > 0 else { return [] }
        let base = items.count / groups
        let extra = items.count % groups
        var result: [ArraySlice<Element>] = []
        result.reserveCapacity(groups)
        var start = 0
        for group in 0..<groups {
            let size = base + (group < extra ? 1 : 0)
            result.append(items[start..<start + size])
            start += size
        }
        return result
    }
}

/// Why an answer ended, named in each dialect.
public enum MockStopReason: Sendable, Equatable {
    /// The text (or the tool-result acknowledgement) ended naturally.
    case endTurn
    /// The max-tokens limit cut the answer.
    case maxTokens
    /// A stop sequence cut the text.
    case stopSequence(String)
    /// The answer ends with tool calls.
    case toolUse

    /// `stop`, `length`, `stop`, `tool_calls`.
    public var openAI: String {
        switch self {
        case .endTurn, .stopSequence: "stop"
        case .maxTokens: "length"
        case .toolUse: "tool_calls"
        }
    }

    /// `end_turn`, `max_tokens`, `stop_sequence`, `tool_use`.
    public var anthropic: String {
        switch self {
        case .endTurn: "end_turn"
        case .maxTokens: "max_tokens"
        case .stopSequence: "stop_sequence"
        case .toolUse: "tool_use"
        }
    }

    /// `STOP`, `MAX_TOKENS`, `STOP`, `STOP` (Gemini has no tool-call finish reason).
    public var gemini: String {
        self == .maxTokens ? "MAX_TOKENS" : "STOP"
    }

    /// The matched stop sequence, for Anthropic's `stop_sequence`.
    public var sequence: String? {
        if case .stopSequence(let sequence) = self { return sequence }
        return nil
    }
}

/// The token counts of an answer, as its `usage` object reports them.
public struct MockUsage: Sendable, Equatable {
    public var promptTokens: Int
    /// All choices together.
    public var completionTokens: Int
    public var totalTokens: Int { promptTokens + completionTokens }

    public init(promptTokens: Int, completionTokens: Int) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (the standard library has no `trimmingCharacters`
    /// without Foundation).
    func trimmingWhitespace() -> SubSequence {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return self[endIndex...] }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return self[first...last]
    }
}
