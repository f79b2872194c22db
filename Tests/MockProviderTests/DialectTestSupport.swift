import Dialects
import MockProvider

/// The JSON Schema of the tools used across the tests.
let weatherSchema: JSONValue = [
    "type": "object",
    "properties": ["location": ["type": "string"], "days": ["type": "integer"], "metric": ["type": "boolean"]],
    "required": ["location"],
]
let timeSchema: JSONValue = ["type": "object", "properties": ["zone": ["type": "string"], "precision": ["type": "number"]]]
let noArgumentsSchema: JSONValue = ["type": "object", "properties": [:]]

/// `{"location":"value-location","days":42,"metric":true}`.
let weatherArguments = #"{"location":"value-location","days":42,"metric":true}"#
/// `{"zone":"value-zone","precision":42}`.
let timeArguments = #"{"zone":"value-zone","precision":42}"#

/// OpenAI tools: get_weather, get_time, ping.
let openAITools: JSONValue = [
    ["type": "function", "function": ["name": "get_weather", "description": "Weather", "parameters": weatherSchema]],
    ["type": "function", "function": ["name": "get_time", "parameters": timeSchema]],
    ["type": "function", "function": ["name": "ping", "parameters": noArgumentsSchema]],
]

/// Anthropic tools: get_weather, get_time, ping.
let anthropicTools: JSONValue = [
    ["name": "get_weather", "description": "Weather", "input_schema": weatherSchema],
    ["name": "get_time", "input_schema": timeSchema],
    ["name": "ping", "input_schema": noArgumentsSchema],
]

/// Gemini tools: get_weather (with Gemini's upper-case types), get_time, ping.
let geminiTools: JSONValue = [
    [
        "functionDeclarations": [
            [
                "name": "get_weather", "description": "Weather",
                "parameters": [
                    "type": "OBJECT",
                    "properties": ["location": ["type": "STRING"], "days": ["type": "INTEGER"], "metric": ["type": "BOOLEAN"]],
                ],
            ],
            ["name": "get_time", "parametersJsonSchema": timeSchema],
            ["name": "ping"],
        ]
    ]
]

/// An OpenAI body with the given messages (and optional extra members).
func openAIBody(messages: JSONValue, stream: Bool? = nil, extra: [(String, JSONValue)] = []) -> [UInt8] {
    var members: [(String, JSONValue)] = [("model", "mock-small"), ("messages", messages)]
    if let stream { members.append(("stream", .bool(stream))) }
    return JSONWriter.bytes(.object(members + extra))
}

/// An Anthropic body: system "Be brief.", one user message with `text` unless `messages` is given.
func anthropicBody(
    _ text: String = "Hi", model: String = "claude-mock", maxTokens: Int? = 1024, system: JSONValue? = "Be brief.",
    messages: JSONValue? = nil, stream: Bool? = nil, tools: JSONValue? = nil, extra: [(String, JSONValue)] = []
) -> [UInt8] {
    var members: [(String, JSONValue)] = [("model", .string(model))]
    if let maxTokens { members.append(("max_tokens", .int(maxTokens))) }
    if let system { members.append(("system", system)) }
    members.append(("messages", messages ?? [["role": "user", "content": .string(text)]]))
    if let stream { members.append(("stream", .bool(stream))) }
    if let tools { members.append(("tools", tools)) }
    return JSONWriter.bytes(.object(members + extra))
}

/// A Gemini body: systemInstruction "Be brief.", one user content with `text` unless `contents` is given.
func geminiBody(
    _ text: String = "Hi", system: JSONValue? = ["parts": [["text": "Be brief."]]], contents: JSONValue? = nil,
    tools: JSONValue? = nil, generationConfig: JSONValue? = nil, extra: [(String, JSONValue)] = []
) -> [UInt8] {
    var members: [(String, JSONValue)] = [("contents", contents ?? [["role": "user", "parts": [["text": .string(text)]]]])]
    if let system { members.append(("systemInstruction", system)) }
    if let tools { members.append(("tools", tools)) }
    if let generationConfig { members.append(("generationConfig", generationConfig)) }
    return JSONWriter.bytes(.object(members + extra))
}

/// Parses a request, plans its tool calls and builds its answer, the way the server does.
func plannedAnswer(_ request: MockChatRequest) throws -> (directives: MockDirectives, answer: MockAnswer) {
    let (directives, quoted) = try MockDirectives.extract(from: request.lastUserText)
    let calls = try MockToolCall.plan(for: request, directives: directives)
    return (directives, MockAnswer(request: request, directives: directives, quotedText: quoted, toolCalls: calls))
}

/// The events' bytes parsed as SSE (each event must be exactly one SSE event).
func sse(_ events: [MockStreamEvent]) throws -> [SSEEvent] {
    var parser = SSEParser()
    var all: [SSEEvent] = []
    for event in events {
        let parsed = try parser.feed(event.bytes)
        precondition(parsed.count == 1, "each event is one complete SSE event")
        all += parsed
    }
    return all
}

func json(_ event: SSEEvent) throws -> JSONValue { try JSONParser.parse(event.data) }
