/// The deterministic answer to one request: pure, so that tests can predict every byte the mock sends.
///
/// The text is `"This is a mock reply to: "` followed by the first 40 characters of the last user message
/// (directives removed, surrounding whitespace trimmed), then the filler words `lorem ipsum dolor sit amet
/// ...` repeated, cut to exactly ``wordLimit`` whitespace-separated words. Each emitted word is one token:
/// the word and the single space after it (the last word has none). With a max-tokens limit below the word
/// count, only that many words are emitted and the finish reason is `length`.
public struct MockAnswer: Sendable, Equatable {
    public static let defaultWords = 12
    public static let prefix = "This is a mock reply to: "
    /// Characters of the user's message quoted in the answer.
    public static let quotedCharacters = 40
    public static let fillerWords: [String] = [
        "lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do", "eiusmod",
        "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua",
    ]

    /// The emitted tokens in order; joined they are the answer's text.
    public var tokens: [String]
    /// `stop`, or `length` when the max-tokens limit cut the answer.
    public var finishReason: String
    /// Identical choices returned (`n`).
    public var choices: Int
    /// What the usage object reports, or nil when usage must not be sent (`no_usage`).
    public var usage: MockUsage?

    /// - Parameters:
    ///   - request: the parsed request.
    ///   - directives: overrides from the message (``MockDirectives``).
    ///   - quotedText: the last user message with its directives removed.
    public init(request: MockChatRequest, directives: MockDirectives, quotedText: String) {
        let wordLimit = directives.words ?? Self.defaultWords
        let emitted = min(wordLimit, request.maxTokens ?? Int.max)
        self.tokens = Self.tokens(quoting: quotedText, count: emitted)
        self.finishReason = emitted < wordLimit ? "length" : "stop"
        self.choices = request.choices
        if directives.noUsage {
            self.usage = nil
        } else if directives.zeroUsage {
            self.usage = MockUsage(promptTokens: 0, completionTokens: 0)
        } else {
            self.usage = MockUsage(promptTokens: request.promptTokens, completionTokens: tokens.count * request.choices)
        }
    }

    public var text: String { tokens.joined() }
    /// Tokens of one choice.
    public var completionTokens: Int { tokens.count }

    /// The first `count` tokens of the answer quoting `quotedText`.
    public static func tokens(quoting quotedText: String, count: Int) -> [String] {
        guard count > 0 else { return [] }
        var words: [Substring] = []
        words.reserveCapacity(count)
        let quote = quotedText.trimmingWhitespace().prefix(quotedCharacters)
        for source in [Self.prefix[...], quote] {
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
