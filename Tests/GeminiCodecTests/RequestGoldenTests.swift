import Conversation
import Dialects
import GeminiCodec
import Testing
import TokModelCore

/// Whole request bodies compared member by member (order included) with the expected Gemini JSON.
@Suite("Gemini request encoding: golden bodies")
struct RequestGoldenTests {
    /// The canonical form of wire-formats §11.17's OpenAI request: system message, text + inline image, two
    /// parallel calls, two `tool` messages and a follow-up user message (each its own turn, as an ingress codec
    /// may leave them).
    static let workedExample = ChatRequest(
        model: "my-alias",
        system: [.text("You are a weather bot.")],
        turns: [
            Turn(role: .user, blocks: [.text("Weather in Paris and Rome? Also describe this photo."), .image(.base64(mediaType: "image/png", data: "iVBORw0KGgo="))]),
            Turn(
                role: .assistant,
                blocks: [
                    .toolCall(ToolCall(id: "call_A", name: "get_weather", arguments: #"{"city":"Paris"}"#)),
                    .toolCall(ToolCall(id: "call_B", name: "get_weather", arguments: #"{"city":"Rome"}"#)),
                ]),
            Turn(role: .user, blocks: [.toolResult(ToolResult(callID: "call_A", content: [.text("18°C, clear")]))]),
            Turn(role: .user, blocks: [.toolResult(ToolResult(callID: "call_B", content: [.text("24°C, sunny")]))]),
            Turn(role: .user, blocks: [.text("Summarise in one line.")]),
        ],
        tools: [
            FunctionTool(
                name: "get_weather", description: "Weather by city",
                parameters: ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"]])
        ],
        toolChoice: .auto, parallelToolCalls: false,
        sampling: Sampling(temperature: .number("1.4"), stop: ["END"]),
        maxOutputTokens: 512, stream: true, includeUsage: true, user: "u-42")

    @Test("§11.17 worked example: OpenAI conversation with parallel tool calls and results → Gemini body")
    func workedExample() throws {
        let expected = try json(
            #"""
            {
              "systemInstruction": {"parts": [{"text": "You are a weather bot."}]},
              "contents": [
                {"role": "user", "parts": [
                  {"text": "Weather in Paris and Rome? Also describe this photo."},
                  {"inlineData": {"mimeType": "image/png", "data": "iVBORw0KGgo="}}
                ]},
                {"role": "model", "parts": [
                  {"functionCall": {"id": "call_A", "name": "get_weather", "args": {"city": "Paris"}}},
                  {"functionCall": {"id": "call_B", "name": "get_weather", "args": {"city": "Rome"}}}
                ]},
                {"role": "user", "parts": [
                  {"functionResponse": {"id": "call_A", "name": "get_weather", "response": {"output": "18°C, clear"}}},
                  {"functionResponse": {"id": "call_B", "name": "get_weather", "response": {"output": "24°C, sunny"}}},
                  {"text": "Summarise in one line."}
                ]}
              ],
              "tools": [{"functionDeclarations": [{"name": "get_weather", "description": "Weather by city",
                "parameters": {"type": "OBJECT", "properties": {"city": {"type": "STRING"}}, "required": ["city"]}}]}],
              "toolConfig": {"functionCallingConfig": {"mode": "AUTO"}},
              "generationConfig": {"maxOutputTokens": 512, "temperature": 1.4, "stopSequences": ["END"]}
            }
            """#)
        let body = try GeminiGenerateContent.encodeRequest(Self.workedExample, upstreamModel: "gemini-2.5-flash")
        #expect(body == expected, "\(JSONWriter.string(body))")
        #expect(GeminiGenerateContent.path(upstreamModel: "gemini-2.5-flash", stream: true) == "/models/gemini-2.5-flash:streamGenerateContent?alt=sse")
    }

    /// A longer agent conversation that went through Gemini before: minted ids, a signed call, results sent back
    /// out of call order (one failed, one JSON), an image URL, thinking to drop, and most generation settings.
    @Test("agent conversation with a Gemini history: signatures, out-of-order and failed results, settings")
    func agentConversation() throws {
        let request = ChatRequest(
            model: "google/gemini-2.5-pro",
            system: [.text("You are a careful agent."), .text("Prefer tools."), .text("")],
            turns: [
                Turn(role: .user, blocks: [.text("Compare these."), .image(.url("https://example.com/a/chart.PNG?size=large", detail: "high"))]),
                Turn(
                    role: .assistant,
                    blocks: [
                        .thinking(Thinking(text: "I should fetch both.", signature: "anthropic-sig")),
                        .text("Fetching."),
                        .toolCall(ToolCall(id: "call_r1_0", name: "fetch", arguments: #"{"id": 1}"#, thoughtSignature: "c2lnLTE=")),
                        .toolCall(ToolCall(id: "call_r1_1", name: "fetch", arguments: #"{"id": 2}"#)),
                        .toolCall(ToolCall(id: "call_r1_2", name: "lookup", arguments: "")),
                    ]),
                Turn(
                    role: .user,
                    blocks: [
                        .text("(results below)"),
                        .toolResult(ToolResult(callID: "call_r1_2", content: [.text(#"{"rows": [1, 2.50]}"#)])),
                        .toolResult(ToolResult(callID: "call_r1_1", content: [.text("timeout")], isError: true)),
                        .toolResult(ToolResult(callID: "call_r1_0", name: "fetch", content: [.text("ok"), .image(.base64(mediaType: "image/jpeg", data: "/9j/"))])),
                    ]),
                Turn(role: .assistant, blocks: [.thinking(Thinking(text: "", redactedData: "xyz"))]),
                Turn(role: .user, blocks: [.text("Go on.")]),
            ],
            tools: [
                FunctionTool(
                    name: "fetch", description: "Fetch a record",
                    parameters: [
                        "$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "additionalProperties": false,
                        "properties": ["id": ["type": "integer", "minimum": 1, "default": 1]], "required": ["id"],
                    ], strict: true),
                FunctionTool(name: "lookup", parameters: ["type": "object", "properties": [:]]),
            ],
            toolChoice: .function("fetch"),
            sampling: Sampling(
                temperature: .number("0.2"), topP: .number("0.95"), topK: 40, stop: ["</done>"], seed: 7, presencePenalty: .number("0.5"),
                frequencyPenalty: .number("-0.25"), choices: 1, logprobs: true, topLogprobs: 3),
            maxOutputTokens: 2048,
            responseFormat: .jsonSchema(
                name: "report", schema: ["type": "object", "properties": ["summary": ["type": ["string", "null"]]], "required": ["summary"], "additionalProperties": false],
                strict: true),
            reasoning: .budget(4096))
        let expected = try json(
            #"""
            {
              "systemInstruction": {"parts": [{"text": "You are a careful agent."}, {"text": "Prefer tools."}]},
              "contents": [
                {"role": "user", "parts": [
                  {"text": "Compare these."},
                  {"fileData": {"mimeType": "image/png", "fileUri": "https://example.com/a/chart.PNG?size=large"}}
                ]},
                {"role": "model", "parts": [
                  {"text": "Fetching."},
                  {"functionCall": {"id": "call_r1_0", "name": "fetch", "args": {"id": 1}}, "thoughtSignature": "c2lnLTE="},
                  {"functionCall": {"id": "call_r1_1", "name": "fetch", "args": {"id": 2}}},
                  {"functionCall": {"id": "call_r1_2", "name": "lookup", "args": {}}}
                ]},
                {"role": "user", "parts": [
                  {"functionResponse": {"id": "call_r1_0", "name": "fetch", "response": {"output": "ok"}}},
                  {"functionResponse": {"id": "call_r1_1", "name": "fetch", "response": {"error": "timeout"}}},
                  {"functionResponse": {"id": "call_r1_2", "name": "lookup", "response": {"output": {"rows": [1, 2.50]}}}},
                  {"text": "(results below)"},
                  {"inlineData": {"mimeType": "image/jpeg", "data": "/9j/"}},
                  {"text": "Go on."}
                ]}
              ],
              "tools": [{"functionDeclarations": [
                {"name": "fetch", "description": "Fetch a record",
                 "parameters": {"type": "OBJECT", "properties": {"id": {"type": "INTEGER", "minimum": 1}}, "required": ["id"]}},
                {"name": "lookup"}
              ]}],
              "toolConfig": {"functionCallingConfig": {"mode": "ANY", "allowedFunctionNames": ["fetch"]}},
              "generationConfig": {
                "maxOutputTokens": 2048, "temperature": 0.2, "topP": 0.95, "topK": 40, "stopSequences": ["</done>"],
                "candidateCount": 1, "seed": 7, "presencePenalty": 0.5, "frequencyPenalty": -0.25,
                "responseLogprobs": true, "logprobs": 3,
                "responseMimeType": "application/json",
                "responseSchema": {"type": "OBJECT", "properties": {"summary": {"type": "STRING", "nullable": true}}, "required": ["summary"]},
                "thinkingConfig": {"thinkingBudget": 4096, "includeThoughts": false}
              }
            }
            """#)
        let body = try GeminiGenerateContent.encodeRequest(request, upstreamModel: "gemini-2.5-pro")
        #expect(body == expected, "\(JSONWriter.string(body))")
    }
}
