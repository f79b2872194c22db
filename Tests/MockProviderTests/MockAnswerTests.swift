import MockProvider
import Testing

@Suite struct MockAnswerTests {
    @Test func defaultAnswerHasTwelveWordsQuotingTheUser() throws {
        let (_, _, answer) = try answer("Hello there")
        #expect(answer.text == "This is a mock reply to: Hello there lorem ipsum dolor sit")
        #expect(answer.completionTokens == 12)
        #expect(words(answer.text).count == 12)
        #expect(answer.finishReason == "stop")
    }

    @Test func eachTokenIsOneWordWithItsTrailingSpace() throws {
        let (_, _, answer) = try answer("a b c")
        #expect(answer.tokens.count == 12)
        for token in answer.tokens.dropLast() {
            #expect(token.hasSuffix(" ") && !token.dropLast().contains(" "))
        }
        // 6 prefix words, "a b c", then filler.
        #expect(answer.tokens.last == "dolor")
        #expect(answer.tokens.joined() == answer.text)
    }

    @Test func quotesOnlyTheFirstFortyCharactersWithoutDirectives() throws {
        let message = "  [[mock:words=40]] The quick brown fox jumps over the lazy dog and keeps running far away"
        let (_, _, answer) = try answer(message)
        let quote = String("The quick brown fox jumps over the lazy dog and keeps running far away".prefix(40))
        #expect(quote == "The quick brown fox jumps over the lazy ")
        #expect(answer.text.hasPrefix("This is a mock reply to: The quick brown fox jumps over the lazy lorem ipsum"))
        #expect(!answer.text.contains("mock:"))
        #expect(words(answer.text).count == 40)
    }

    @Test func wordsDirectiveSetsTheLengthAndFillerRepeats() throws {
        let (_, _, answer) = try answer("[[mock:words=60]]")
        #expect(answer.completionTokens == 60)
        #expect(words(answer.text).count == 60)
        // 6 prefix words, nothing quoted, then filler cycling through its 19 words.
        #expect(words(answer.text)[6] == "lorem")
        #expect(words(answer.text)[6 + MockAnswer.fillerWords.count] == "lorem")
    }

    @Test func shortAnswersCutThePrefix() throws {
        #expect(try answer("x [[mock:words=3]]").answer.text == "This is a")
        let empty = try answer("x [[mock:words=0]]").answer
        #expect(empty.tokens.isEmpty && empty.text.isEmpty && empty.finishReason == "stop")
    }

    @Test func maxTokensBelowTheWordCountTruncatesWithLength() throws {
        let cut = try answer("Hi", maxTokens: 5).answer
        #expect(cut.completionTokens == 5)
        #expect(cut.text == "This is a mock reply")
        #expect(cut.finishReason == "length")
        #expect(cut.usage?.completionTokens == 5)

        let fits = try answer("Hi", maxTokens: 12).answer
        #expect(fits.completionTokens == 12 && fits.finishReason == "stop")
    }

    @Test func maxCompletionTokensWinsOverMaxTokens() throws {
        let request = try MockChatRequest(body: chatBody("Hi", maxTokens: 3, maxCompletionTokens: 7))
        #expect(request.maxTokens == 7)
        let answer = MockAnswer(request: request, directives: MockDirectives(), quotedText: "Hi")
        #expect(answer.completionTokens == 7 && answer.finishReason == "length")
    }

    @Test func usageCountsEveryChoice() throws {
        let (request, _, answer) = try answer("Hi", n: 3)
        #expect(answer.choices == 3)
        #expect(answer.usage == MockUsage(promptTokens: request.promptTokens, completionTokens: 36))
        #expect(answer.usage?.totalTokens == request.promptTokens + 36)
    }

    @Test func usageDirectives() throws {
        #expect(try answer("Hi [[mock:no_usage]]").answer.usage == nil)
        let zero = try answer("Hi [[mock:zero_usage]]").answer
        #expect(zero.usage == MockUsage(promptTokens: 0, completionTokens: 0))
        #expect(zero.completionTokens == 12)
    }

    @Test func answersAreDeterministic() throws {
        #expect(try answer("Same question").answer == answer("Same question").answer)
    }
}
