import Dialects
import MockProvider
import Testing

@Suite struct MockPromptTokensTests {
    @Test func stringContents() {
        // 3 + (4 + ceil(16/4)) + (4 + ceil(2/4)) = 3 + 8 + 5
        let messages: [JSONValue] = [["role": "system", "content": "You are helpful."], ["role": "user", "content": "Hi"]]
        #expect(MockPromptTokens.count(messages: messages) == 16)
    }

    @Test func textPartsAreConcatenatedAndImagesAdd85Each() {
        let parts: JSONValue = [
            ["type": "text", "text": "abc"],
            ["type": "image_url", "image_url": ["url": "data:image/png;base64,AAAA"]],
            ["type": "text", "text": "defgh"],
            ["type": "image_url", "image_url": ["url": "https://example.com/cat.png"]],
        ]
        let content = MockPromptTokens.MessageContent(parts)
        #expect(content.text == "abcdefgh" && content.imageParts == 2)
        // 3 + 4 + ceil(8/4) + 2 × 85
        #expect(MockPromptTokens.count(messages: [["role": "user", "content": parts]]) == 179)
    }

    @Test func bytesNotCharactersAndNullContent() {
        // "héllo" is 6 UTF-8 bytes → 2; an assistant message with null content (tool calls) counts 4.
        let messages: [JSONValue] = [["role": "user", "content": "héllo"], ["role": "assistant", "content": nil]]
        #expect(MockPromptTokens.count(messages: messages) == 3 + (4 + 2) + 4)
    }

    @Test func directivesCountAsSentAndTheParsedRequestUsesTheFormula() throws {
        let text = "Hi [[mock:words=3]]"
        let request = try MockChatRequest(body: chatBody(text))
        // system "Be brief." is 9 bytes → 3; the user text is 19 bytes → 5.
        #expect(text.utf8.count == 19)
        #expect(request.promptTokens == 3 + (4 + 3) + (4 + 5))
    }
}
