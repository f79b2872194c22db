import Conversation
import Dialects
import Testing
import TokModelCore

/// The recorded-style provider streams every provider fixture file supplies.
enum Transcript: String, CaseIterable, Sendable, CustomStringConvertible {
    case text
    case parallelTools
    case textThenTool
    case stopSequence
    case maxTokens
    case errorMidStream
    case cachedUsage
    case cutOff
    case thinking

    var description: String { rawValue }
}

/// What a client must end up with after a transcript, whatever its dialect: the answer's text, thinking
/// and tool calls, how it ended, the usage. Each client checker maps this to its dialect's words.
struct Expectation {
    struct Call {
        /// The id the provider gave (or the canonical reader minted); clients see it unchanged, except that
        /// Anthropic clients see ids outside `[A-Za-z0-9_-]` sanitised.
        var id: String
        var name: String
        /// The arguments as the JSON value they must parse to.
        var arguments: JSONValue
    }

    enum Outcome: Equatable {
        case endTurn
        case toolUse
        case maxTokens
        /// The provider said which stop sequence matched.
        case stopSequence(String)
        /// The stream broke off or the provider reported an error; the client's error must carry this text.
        case failed(message: String)
    }

    var text: String = ""
    var thinking: String = ""
    /// Anthropic's thinking signature, which only an Anthropic client can be given back.
    var signature: String = ""
    var calls: [Call] = []
    var outcome: Outcome
    /// The canonical usage (§11.13: all prompt tokens, cached ones a subset); nil when the provider sent none.
    var usage: Usage?
}

// MARK: - Checks, one per client dialect

/// The Chat client's stream against the expectation, as the OpenAI SDK sees it.
func checkChat(_ output: String, _ expected: Expectation, sourceLocation: SourceLocation = #_sourceLocation) {
    let stream = parseChatStream(output)
    #expect(stream.violations == [], sourceLocation: sourceLocation)
    #expect(stream.models == [clientModel], sourceLocation: sourceLocation)
    #expect(stream.createds == [String(goldenCreated)], sourceLocation: sourceLocation)
    #expect(stream.ids.allSatisfy { $0.hasPrefix("chatcmpl-") }, sourceLocation: sourceLocation)
    #expect(stream.roles == ["assistant"], sourceLocation: sourceLocation)
    #expect(stream.content == expected.text, sourceLocation: sourceLocation)
    #expect(stream.reasoning == expected.thinking, sourceLocation: sourceLocation)
    #expect(stream.calls.map(\.index) == Array(0..<Int64(expected.calls.count)), "tool call indices are 0..n-1", sourceLocation: sourceLocation)
    #expect(stream.calls.map(\.id) == expected.calls.map(\.id), sourceLocation: sourceLocation)
    #expect(stream.calls.map(\.name) == expected.calls.map(\.name), sourceLocation: sourceLocation)
    for (call, wanted) in zip(stream.calls, expected.calls) {
        #expect((try? json(call.arguments)) == wanted.arguments, "arguments of \(call.id): \(call.arguments)", sourceLocation: sourceLocation)
    }
    switch expected.outcome {
    case .failed(let message):
        #expect(stream.finishReason == nil, "no finish after an error", sourceLocation: sourceLocation)
        let error = stream.error
        #expect(error?["message"]?.stringValue?.contains(message) == true, "error \(error.map(JSONWriter.string) ?? "none")", sourceLocation: sourceLocation)
        #expect(error?["type"]?.stringValue != nil, sourceLocation: sourceLocation)
    case let outcome:
        #expect(stream.error == nil, sourceLocation: sourceLocation)
        let word =
            switch outcome {
            case .toolUse: "tool_calls"
            case .maxTokens: "length"
            default: "stop"
            }
        #expect(stream.finishReason == word, sourceLocation: sourceLocation)
        if let usage = expected.usage {
            expectJSON(stream.usage ?? .null, equals: chatUsage(usage), "usage chunk", sourceLocation: sourceLocation)
        }
    }
}

/// §11.13 in OpenAI's words: prompt includes cached, total = prompt + completion.
func chatUsage(_ usage: Usage) -> JSONValue {
    var promptDetails: JSONValue = ["cached_tokens": .int(usage.cachedInputTokens)]
    if usage.cacheWriteInputTokens > 0 { promptDetails.set("cache_write_tokens", .int(usage.cacheWriteInputTokens)) }
    return [
        "prompt_tokens": .int(usage.inputTokens), "completion_tokens": .int(usage.outputTokens),
        "total_tokens": .int(usage.inputTokens + usage.outputTokens), "prompt_tokens_details": promptDetails,
        "completion_tokens_details": ["reasoning_tokens": .int(usage.reasoningTokens)],
    ]
}

/// The Messages client's stream against the expectation, as the Anthropic SDK accumulates it.
func checkMessages(_ output: String, _ expected: Expectation, sourceLocation: SourceLocation = #_sourceLocation) {
    let stream = parseMessagesStream(output)
    #expect(stream.violations == [], sourceLocation: sourceLocation)
    #expect(stream.message?["model"] == .string(clientModel), sourceLocation: sourceLocation)
    #expect(stream.message?["id"]?.stringValue?.hasPrefix("msg_") == true, sourceLocation: sourceLocation)
    let texts = stream.blocks.filter { $0.type == "text" }.map(\.text).joined()
    #expect(texts == expected.text, sourceLocation: sourceLocation)
    let thinking = stream.blocks.filter { $0.type == "thinking" }
    #expect(thinking.map(\.thinking).joined() == expected.thinking, sourceLocation: sourceLocation)
    #expect(thinking.map(\.signature).joined() == expected.signature, sourceLocation: sourceLocation)
    let calls = stream.blocks.filter { $0.type == "tool_use" }
    #expect(calls.count == expected.calls.count, sourceLocation: sourceLocation)
    for (block, wanted) in zip(calls, expected.calls) {
        if isValidAnthropicID(wanted.id) {
            #expect(block.id == wanted.id, sourceLocation: sourceLocation)
        } else {
            #expect(isValidAnthropicID(block.id) && block.id.hasPrefix(String(wanted.id.prefix(4))), "\(block.id)", sourceLocation: sourceLocation)
        }
        #expect(block.name == wanted.name, sourceLocation: sourceLocation)
        #expect(block.input == wanted.arguments, "input of \(block.id): \(block.partialJSON)", sourceLocation: sourceLocation)
    }
    #expect(Set(calls.map(\.id)).count == calls.count, "tool_use ids are distinct", sourceLocation: sourceLocation)
    switch expected.outcome {
    case .failed(let message):
        #expect(!stream.messageStopped, "no message_stop after an error", sourceLocation: sourceLocation)
        let error = stream.error
        #expect(error?["message"]?.stringValue?.contains(message) == true, "error \(error.map(JSONWriter.string) ?? "none")", sourceLocation: sourceLocation)
    case let outcome:
        #expect(stream.error == nil, sourceLocation: sourceLocation)
        let (reason, sequence): (String, JSONValue) =
            switch outcome {
            case .toolUse: ("tool_use", .null)
            case .maxTokens: ("max_tokens", .null)
            case .stopSequence(let matched): ("stop_sequence", .string(matched))
            default: ("end_turn", .null)
            }
        #expect(stream.stopReason == reason, sourceLocation: sourceLocation)
        #expect(stream.stopSequence == sequence, sourceLocation: sourceLocation)
        if let usage = expected.usage {
            expectJSON(stream.usage, equals: messagesUsage(usage), "merged usage", sourceLocation: sourceLocation)
        }
    }
}

/// §11.13 in Anthropic's words: `input_tokens` excludes cache reads and writes.
func messagesUsage(_ usage: Usage) -> JSONValue {
    [
        "input_tokens": .int(usage.inputTokens - usage.cachedInputTokens - usage.cacheWriteInputTokens),
        "cache_creation_input_tokens": .int(usage.cacheWriteInputTokens), "cache_read_input_tokens": .int(usage.cachedInputTokens),
        "output_tokens": .int(usage.outputTokens),
    ]
}

/// The Responses client's stream against the expectation, as the OpenAI SDK's stream helpers see it.
func checkResponses(_ output: String, _ expected: Expectation, sourceLocation: SourceLocation = #_sourceLocation) {
    let stream = parseResponsesStream(output)
    #expect(stream.violations == [], sourceLocation: sourceLocation)
    #expect(stream.response?["model"] == .string(clientModel), sourceLocation: sourceLocation)
    #expect(stream.response?["created_at"] == .int(goldenCreated), sourceLocation: sourceLocation)
    #expect(stream.response?["id"]?.stringValue?.hasPrefix("resp_") == true, sourceLocation: sourceLocation)
    // Items in order: reasoning (if any), then a message for the text, then one function_call per call.
    var kinds: [String] = []
    if !expected.thinking.isEmpty { kinds.append("reasoning") }
    if !expected.text.isEmpty { kinds.append("message") }
    kinds += expected.calls.map { _ in "function_call" }
    #expect(stream.items.map(\.type) == kinds, sourceLocation: sourceLocation)
    #expect(stream.items.filter { $0.type == "message" }.map(\.text).joined() == expected.text, sourceLocation: sourceLocation)
    #expect(stream.items.filter { $0.type == "reasoning" }.map(\.summary).joined() == expected.thinking, sourceLocation: sourceLocation)
    let calls = stream.items.filter { $0.type == "function_call" }
    #expect(calls.map { $0.added["call_id"]?.stringValue ?? "" } == expected.calls.map(\.id), sourceLocation: sourceLocation)
    #expect(calls.map { $0.added["name"]?.stringValue ?? "" } == expected.calls.map(\.name), sourceLocation: sourceLocation)
    for (item, wanted) in zip(calls, expected.calls) {
        #expect((try? json(item.arguments)) == wanted.arguments, "arguments \(item.arguments)", sourceLocation: sourceLocation)
    }
    let response = stream.response ?? [:]
    switch expected.outcome {
    case .failed(let message):
        #expect(stream.terminal == "response.failed", sourceLocation: sourceLocation)
        #expect(response["error"]?["message"]?.stringValue?.contains(message) == true, "\(JSONWriter.string(response["error"] ?? .null))", sourceLocation: sourceLocation)
    case .maxTokens:
        #expect(stream.terminal == "response.incomplete", sourceLocation: sourceLocation)
        #expect(response["incomplete_details"] == ["reason": "max_output_tokens"], sourceLocation: sourceLocation)
        #expect(stream.items.last?.final?["status"] == "incomplete", "the cut-off item is incomplete", sourceLocation: sourceLocation)
    default:
        #expect(stream.terminal == "response.completed", sourceLocation: sourceLocation)
        #expect(response["incomplete_details"] == .null, sourceLocation: sourceLocation)
        #expect(stream.items.allSatisfy { $0.final?["status"] == nil || $0.final?["status"] == "completed" }, sourceLocation: sourceLocation)
    }
    if case .failed = expected.outcome {
    } else if let usage = expected.usage {
        expectJSON(response["usage"] ?? .null, equals: responsesUsage(usage), "response.usage", sourceLocation: sourceLocation)
    }
}

/// §11.13 in the Responses API's words.
func responsesUsage(_ usage: Usage) -> JSONValue {
    [
        "input_tokens": .int(usage.inputTokens),
        "input_tokens_details": ["cached_tokens": .int(usage.cachedInputTokens), "cache_write_tokens": .int(usage.cacheWriteInputTokens)],
        "output_tokens": .int(usage.outputTokens), "output_tokens_details": ["reasoning_tokens": .int(usage.reasoningTokens)],
        "total_tokens": .int(usage.inputTokens + usage.outputTokens),
    ]
}

func check(_ client: Client, _ output: String, _ expected: Expectation, sourceLocation: SourceLocation = #_sourceLocation) {
    switch client {
    case .chat: checkChat(output, expected, sourceLocation: sourceLocation)
    case .messages: checkMessages(output, expected, sourceLocation: sourceLocation)
    case .responses: checkResponses(output, expected, sourceLocation: sourceLocation)
    }
}

// MARK: - Non-streamed answers, one check per client dialect

/// A `chat.completion` as the OpenAI SDK reads it.
func checkChatResponse(_ body: JSONValue, _ expected: Expectation, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(body["object"] == "chat.completion", sourceLocation: sourceLocation)
    #expect(body["model"] == .string(clientModel), sourceLocation: sourceLocation)
    #expect(body["id"]?.stringValue?.hasPrefix("chatcmpl-") == true, sourceLocation: sourceLocation)
    let choices = body["choices"]?.arrayValue ?? []
    #expect(choices.count == 1, sourceLocation: sourceLocation)
    let message = choices.first?["message"] ?? [:]
    #expect(message["role"] == "assistant", sourceLocation: sourceLocation)
    #expect(message["content"] == (expected.text.isEmpty && !expected.calls.isEmpty ? .null : .string(expected.text)), sourceLocation: sourceLocation)
    #expect(message["reasoning_content"] == (expected.thinking.isEmpty ? nil : .string(expected.thinking)), sourceLocation: sourceLocation)
    let calls = message["tool_calls"]?.arrayValue ?? []
    #expect(calls.compactMap { $0["id"]?.stringValue } == expected.calls.map(\.id), sourceLocation: sourceLocation)
    #expect(calls.compactMap { $0["function"]?["name"]?.stringValue } == expected.calls.map(\.name), sourceLocation: sourceLocation)
    #expect(calls.map { $0["type"] } == expected.calls.map { _ in "function" }, sourceLocation: sourceLocation)
    #expect(calls.map { try? json($0["function"]?["arguments"]?.stringValue ?? "") } == expected.calls.map(\.arguments), sourceLocation: sourceLocation)
    let word =
        switch expected.outcome {
        case .toolUse: "tool_calls"
        case .maxTokens: "length"
        default: "stop"
        }
    #expect(choices.first?["finish_reason"] == .string(word), sourceLocation: sourceLocation)
    if let usage = expected.usage { expectJSON(body["usage"] ?? .null, equals: chatUsage(usage), "usage", sourceLocation: sourceLocation) }
}

/// A Messages `message` as the Anthropic SDK reads it.
func checkMessagesResponse(_ body: JSONValue, _ expected: Expectation, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(body["type"] == "message" && body["role"] == "assistant", sourceLocation: sourceLocation)
    #expect(body["model"] == .string(clientModel), sourceLocation: sourceLocation)
    #expect(body["id"]?.stringValue?.hasPrefix("msg_") == true, sourceLocation: sourceLocation)
    let blocks = body["content"]?.arrayValue ?? []
    #expect(blocks.filter { $0["type"] == "text" }.compactMap { $0["text"]?.stringValue }.joined() == expected.text, sourceLocation: sourceLocation)
    let thinking = blocks.filter { $0["type"] == "thinking" }
    #expect(thinking.compactMap { $0["thinking"]?.stringValue }.joined() == expected.thinking, sourceLocation: sourceLocation)
    #expect(thinking.compactMap { $0["signature"]?.stringValue }.joined() == expected.signature, sourceLocation: sourceLocation)
    let uses = blocks.filter { $0["type"] == "tool_use" }
    #expect(uses.compactMap { $0["id"]?.stringValue } == expected.calls.map(\.id), sourceLocation: sourceLocation)
    #expect(uses.compactMap { $0["name"]?.stringValue } == expected.calls.map(\.name), sourceLocation: sourceLocation)
    #expect(uses.compactMap { $0["input"] } == expected.calls.map(\.arguments), sourceLocation: sourceLocation)
    let reason =
        switch expected.outcome {
        case .toolUse: "tool_use"
        case .maxTokens: "max_tokens"
        default: "end_turn"
        }
    #expect(body["stop_reason"] == .string(reason), sourceLocation: sourceLocation)
    #expect(body["stop_sequence"] == .null, sourceLocation: sourceLocation)
    if let usage = expected.usage { expectJSON(body["usage"] ?? .null, equals: messagesUsage(usage), "usage", sourceLocation: sourceLocation) }
}

/// A Response object as the OpenAI SDK reads it (`output_text` is the SDK's concatenation of message text).
func checkResponsesResponse(_ body: JSONValue, _ expected: Expectation, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(body["object"] == "response", sourceLocation: sourceLocation)
    #expect(body["model"] == .string(clientModel), sourceLocation: sourceLocation)
    #expect(body["id"]?.stringValue?.hasPrefix("resp_") == true, sourceLocation: sourceLocation)
    let output = body["output"]?.arrayValue ?? []
    let outputText = output.filter { $0["type"] == "message" }.flatMap { $0["content"]?.arrayValue ?? [] }.compactMap { $0["text"]?.stringValue }
    #expect(outputText.joined() == expected.text, sourceLocation: sourceLocation)
    let summaries = output.filter { $0["type"] == "reasoning" }.flatMap { $0["summary"]?.arrayValue ?? [] }.compactMap { $0["text"]?.stringValue }
    #expect(summaries.joined() == expected.thinking, sourceLocation: sourceLocation)
    #expect(output.first?["type"] == (expected.thinking.isEmpty ? output.first?["type"] : "reasoning"), "reasoning comes first", sourceLocation: sourceLocation)
    let calls = output.filter { $0["type"] == "function_call" }
    #expect(calls.compactMap { $0["call_id"]?.stringValue } == expected.calls.map(\.id), sourceLocation: sourceLocation)
    #expect(calls.compactMap { $0["name"]?.stringValue } == expected.calls.map(\.name), sourceLocation: sourceLocation)
    #expect(calls.map { try? json($0["arguments"]?.stringValue ?? "") } == expected.calls.map(\.arguments), sourceLocation: sourceLocation)
    #expect(Set(output.compactMap { $0["id"]?.stringValue }).count == output.count, "item ids are distinct", sourceLocation: sourceLocation)
    if expected.outcome == .maxTokens {
        #expect(body["status"] == "incomplete", sourceLocation: sourceLocation)
        #expect(body["incomplete_details"] == ["reason": "max_output_tokens"], sourceLocation: sourceLocation)
        #expect(output.last?["status"] == "incomplete", sourceLocation: sourceLocation)
    } else {
        #expect(body["status"] == "completed", sourceLocation: sourceLocation)
        #expect(output.allSatisfy { $0["status"] == nil || $0["status"] == "completed" }, sourceLocation: sourceLocation)
    }
    if let usage = expected.usage { expectJSON(body["usage"] ?? .null, equals: responsesUsage(usage), "usage", sourceLocation: sourceLocation) }
}

func checkResponse(_ client: Client, _ body: JSONValue, _ expected: Expectation, sourceLocation: SourceLocation = #_sourceLocation) {
    switch client {
    case .chat: checkChatResponse(body, expected, sourceLocation: sourceLocation)
    case .messages: checkMessagesResponse(body, expected, sourceLocation: sourceLocation)
    case .responses: checkResponsesResponse(body, expected, sourceLocation: sourceLocation)
    }
}
