import Dialects
import MockProvider
import Testing

@Suite struct MockStreamTests {
    let identity = MockCompletionIdentity(id: "chatcmpl-mock-7", created: 1_700_000_123, model: "mock-small")

    @Test(arguments: [(12, 8), (12, 1), (5, 8), (1, 3), (100, 7), (13, 4), (0, 8)])
    func chunksCoverEveryTokenExactlyOnceAndEvenly(words: Int, chunks: Int) throws {
        let answer = try answer("Hi [[mock:words=\(words)]]").answer
        let groups = MockAnswer.split(answer.tokens, into: chunks)
        #expect(groups.count == min(chunks, words))
        #expect(Array(groups.joined()) == answer.tokens)
        #expect(groups.allSatisfy { !$0.isEmpty })
        let sizes = groups.map(\.count)
        #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
        #expect(sizes == sizes.sorted(by: >))
        #expect(answer.contentChunks(count: chunks).joined() == answer.text)
    }

    /// The events decoded as JSON, with `[DONE]` as nil.
    func decode(_ events: [MockStreamEvent]) throws -> [JSONValue?] {
        var parser = SSEParser()
        var decoded: [SSEEvent] = []
        for event in events {
            let parsed = try parser.feed(event.bytes)
            #expect(parsed.count == 1, "each event is one complete data: block")
            decoded += parsed
        }
        return try decoded.map { $0.isDone ? JSONValue?.none : try JSONParser.parse($0.data) }
    }

    @Test func eventsComeInOpenAIOrderWithoutUsageByDefault() throws {
        let answer = try answer("Hi").answer
        let events = MockStream.events(for: answer, identity: identity, includeUsage: false, chunkCount: 8)
        #expect(events.map(\.kind) == [.role] + (0..<8).map { .content($0) } + [.finish, .done])
        let json = try decode(events)
        #expect(events.last?.kind == .done)
        #expect(json.last! == nil, "[DONE] is last")
        for chunk in json.dropLast() {
            #expect(chunk?["id"] == "chatcmpl-mock-7")
            #expect(chunk?["object"] == "chat.completion.chunk")
            #expect(chunk?["created"] == 1_700_000_123)
            #expect(chunk?["model"] == "mock-small")
            #expect(chunk?["usage"] == nil, "no usage key unless the client asked")
        }
        #expect(json[0]?["choices"] == [["index": 0, "delta": ["role": "assistant", "content": ""], "logprobs": nil, "finish_reason": nil]])
        let content = json[1...8].map { $0?["choices"]?.arrayValue?.first?["delta"]?["content"]?.stringValue ?? "?" }
        #expect(content.joined() == answer.text)
        #expect(json[9]?["choices"] == [["index": 0, "delta": [:], "logprobs": nil, "finish_reason": "stop"]])
    }

    @Test func usageChunkOnlyWhenAskedAndNullUsageBeforeIt() throws {
        let answer = try answer("Hi", maxTokens: 4).answer
        let events = MockStream.events(for: answer, identity: identity, includeUsage: true, chunkCount: 2)
        #expect(events.map(\.kind) == [.role, .content(0), .content(1), .finish, .usage, .done])
        let json = try decode(events)
        for chunk in json[0..<4] { #expect(chunk?["usage"] == .null) }
        #expect(json[3]?["choices"]?.arrayValue?.first?["finish_reason"] == "length")
        #expect(json[4]?["choices"] == [])
        #expect(json[4]?["usage"]?["prompt_tokens"] == .int(answer.usage!.promptTokens))
        #expect(json[4]?["usage"]?["completion_tokens"] == 4)
        #expect(json[4]?["usage"]?["total_tokens"] == .int(answer.usage!.promptTokens + 4))
        #expect(json[4]?["usage"]?["prompt_tokens_details"]?["cached_tokens"] == 0)
    }

    @Test func noUsageDirectiveWinsOverIncludeUsage() throws {
        let answer = try answer("Hi [[mock:no_usage]]", includeUsage: true).answer
        let events = MockStream.events(for: answer, identity: identity, includeUsage: true, chunkCount: 3)
        #expect(!events.contains { $0.kind == .usage })
        #expect(try decode(events).allSatisfy { $0?["usage"] == nil })
    }

    @Test func severalChoicesStreamOneEventPerChoicePerStep() throws {
        let answer = try answer("Hi [[mock:words=4]]", n: 2).answer
        let events = MockStream.events(for: answer, identity: identity, includeUsage: true, chunkCount: 2)
        #expect(events.map(\.choice) == [0, 1, 0, 1, 0, 1, 0, 1, 0, 0])
        let json = try decode(events)
        #expect(json[8]?["usage"]?["completion_tokens"] == 8)
        for choice in 0..<2 {
            let text = json.compactMap { $0 }
                .compactMap { $0["choices"]?.arrayValue?.first }
                .filter { $0["index"] == .int(choice) }
                .compactMap { $0["delta"]?["content"]?.stringValue }
                .joined()
            #expect(text == "This is a mock")
        }
    }
}
