import Dialects
import MockProvider

/// A chat request body with one user message, built with ``JSONWriter`` so that the text may hold anything.
func chatBody(
    _ text: String, model: String = "mock-small", stream: Bool? = nil, includeUsage: Bool? = nil,
    maxTokens: Int? = nil, maxCompletionTokens: Int? = nil, n: Int? = nil
) -> [UInt8] {
    var members: [(String, JSONValue)] = [
        ("model", .string(model)),
        ("messages", [["role": "system", "content": "Be brief."], ["role": "user", "content": .string(text)]]),
    ]
    if let stream { members.append(("stream", .bool(stream))) }
    if let includeUsage { members.append(("stream_options", ["include_usage": .bool(includeUsage)])) }
    if let maxTokens { members.append(("max_tokens", .int(maxTokens))) }
    if let maxCompletionTokens { members.append(("max_completion_tokens", .int(maxCompletionTokens))) }
    if let n { members.append(("n", .int(n))) }
    return JSONWriter.bytes(.object(members))
}

/// Parses `chatBody(...)` and builds the answer the way the server does.
func answer(
    _ text: String, maxTokens: Int? = nil, n: Int? = nil, includeUsage: Bool? = nil
) throws -> (request: MockChatRequest, directives: MockDirectives, answer: MockAnswer) {
    let request = try MockChatRequest(body: chatBody(text, includeUsage: includeUsage, maxTokens: maxTokens, n: n))
    let (directives, quoted) = try MockDirectives.extract(from: request.lastUserText)
    return (request, directives, MockAnswer(request: request, directives: directives, quotedText: quoted))
}

/// Whitespace-separated words of a text.
func words(_ text: String) -> [Substring] {
    text.split(whereSeparator: \.isWhitespace)
}
