import AnthropicCodec
import Conversation
import Dialects
import Testing
import TokModelCore

private func user(_ blocks: ContentBlock...) -> Turn { Turn(role: .user, blocks: blocks) }
private func assistant(_ blocks: ContentBlock...) -> Turn { Turn(role: .assistant, blocks: blocks) }
private let hello = [user(.text("Hello"))]

@Suite("encodeRequest: parameters")
struct EncodeRequestTests {
    @Test("the minimal body: upstream model, max_tokens, messages as text blocks")
    func minimal() throws {
        let body = try encoded(ChatRequest(model: "catalog-id", turns: hello, maxOutputTokens: 100))
        #expect(
            JSONWriter.string(body)
                == #"{"model":"claude-sonnet-4-5-20250929","max_tokens":100,"messages":[{"role":"user","content":[{"type":"text","text":"Hello"}]}]}"#)
    }

    @Test("max_tokens defaults to 4096 when the request has no limit; a limit below 1 is refused")
    func maxTokens() throws {
        #expect(try encoded(ChatRequest(model: "m", turns: hello))["max_tokens"] == 4096)
        #expect(AnthropicMessages.defaultMaxTokens == 4096)
        let error = gatewayError { () throws(GatewayError) in try AnthropicMessages.encodeRequest(ChatRequest(model: "m", turns: hello, maxOutputTokens: 0), upstreamModel: "u") }
        #expect(error?.param == "max_tokens")
    }

    @Test("the Anthropic request of wire-formats §4.3 survives decode and encode unchanged (cache_control aside)")
    func roundTrip() throws {
        let original = #"""
            {"model":"claude-sonnet-4-5","max_tokens":1024,
             "system":[{"type":"text","text":"You are terse.","cache_control":{"type":"ephemeral"}}],
             "messages":[
               {"role":"user","content":"Weather in Paris?"},
               {"role":"assistant","content":[
                 {"type":"thinking","thinking":"Call the tool.","signature":"c2ln"},
                 {"type":"text","text":"Let me check."},
                 {"type":"tool_use","id":"toolu_01A","name":"get_weather","input":{"city":"Paris"}}]},
               {"role":"user","content":[
                 {"type":"tool_result","tool_use_id":"toolu_01A","content":"18°C, clear"},
                 {"type":"text","text":"And tomorrow?"}]}],
             "tools":[{"name":"get_weather","description":"Current weather for a city","input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}],
             "tool_choice":{"type":"tool","name":"get_weather","disable_parallel_tool_use":true},
             "temperature":0.2,"top_k":5,"stop_sequences":["END"],"metadata":{"user_id":"u-1"},"stream":true}
            """#
        let body = try encoded(decodeRequest(original), model: "claude-sonnet-4-5")
        let expected = #"""
            {"model":"claude-sonnet-4-5","max_tokens":1024,
             "system":[{"type":"text","text":"You are terse."}],
             "messages":[
               {"role":"user","content":[{"type":"text","text":"Weather in Paris?"}]},
               {"role":"assistant","content":[
                 {"type":"thinking","thinking":"Call the tool.","signature":"c2ln"},
                 {"type":"text","text":"Let me check."},
                 {"type":"tool_use","id":"toolu_01A","name":"get_weather","input":{"city":"Paris"}}]},
               {"role":"user","content":[
                 {"type":"tool_result","tool_use_id":"toolu_01A","content":[{"type":"text","text":"18°C, clear"}]},
                 {"type":"text","text":"And tomorrow?"}]}],
             "tools":[{"name":"get_weather","description":"Current weather for a city","input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}],
             "tool_choice":{"type":"tool","name":"get_weather","disable_parallel_tool_use":true},
             "temperature":0.2,"top_k":5,"stop_sequences":["END"],"metadata":{"user_id":"u-1"},"stream":true}
            """#
        #expect(JSONWriter.string(body) == (try compact(expected)))
    }

    @Test("temperature is clamped into 0…1, keeping the client's text when it fits")
    func temperature() throws {
        for (given, sent) in [("1.7", "1"), ("2", "1"), ("1", "1"), ("0.70", "0.70"), ("0", "0"), ("-0.5", "0")] {
            let request = ChatRequest(model: "m", turns: hello, sampling: Sampling(temperature: .number(given)))
            #expect(try encoded(request)["temperature"] == .number(sent), "\(given)")
        }
    }

    @Test("top_p is dropped next to temperature (recent models reject the pair) and kept alone; top_k passes")
    func topP() throws {
        let both = try encoded(ChatRequest(model: "m", turns: hello, sampling: Sampling(temperature: .number("0.5"), topP: .number("0.9"), topK: 20)))
        #expect(both["top_p"] == nil)
        #expect(both["temperature"] == .number("0.5"))
        #expect(both["top_k"] == 20)
        #expect(try encoded(ChatRequest(model: "m", turns: hello, sampling: Sampling(topP: .number("0.9"))))["top_p"] == .number("0.9"))
        // Another dialect's top_k written as 40.0 goes out as the integer Anthropic expects; a fraction is dropped.
        #expect(try encoded(ChatRequest(model: "m", turns: hello, sampling: Sampling(topK: .number("40.0"))))["top_k"] == .number("40"))
        #expect(try encoded(ChatRequest(model: "m", turns: hello, sampling: Sampling(topK: .number("2.5"))))["top_k"] == nil)
    }

    @Test("stop becomes stop_sequences; user becomes metadata.user_id; stream only when true")
    func passThrough() throws {
        let body = try encoded(ChatRequest(model: "m", turns: hello, sampling: Sampling(stop: ["###", "\n\n"]), stream: true, user: "end-user-7"))
        #expect(body["stop_sequences"] == ["###", "\n\n"])
        #expect(body["metadata"] == ["user_id": "end-user-7"])
        #expect(body["stream"] == true)
        let plain = try encoded(ChatRequest(model: "m", turns: hello, user: ""))
        #expect(plain["stream"] == nil && plain["metadata"] == nil && plain["stop_sequences"] == nil)
    }

    @Test("seed, penalties, logprobs and n = 1 are dropped; n > 1 is refused")
    func unsupportedSampling() throws {
        let sampling = Sampling(
            seed: 42, presencePenalty: .number("0.5"), frequencyPenalty: .number("0.1"), choices: 1, logprobs: true, topLogprobs: 3)
        let body = try encoded(ChatRequest(model: "m", turns: hello, sampling: sampling))
        #expect(body.objectValue?.map(\.0) == ["model", "max_tokens", "messages"])
        let error = gatewayError { () throws(GatewayError) in
            try AnthropicMessages.encodeRequest(ChatRequest(model: "m", turns: hello, sampling: Sampling(choices: 2)), upstreamModel: "u")
        }
        #expect(error?.kind == .invalidRequest)
        #expect(error?.param == "n")
    }

    @Test("system blocks are collected in order; blank ones dropped; non-text refused")
    func system() throws {
        let body = try encoded(ChatRequest(model: "m", system: [.text("One."), .text("  "), .text("Two.")], turns: hello))
        #expect(body["system"] == [["type": "text", "text": "One."], ["type": "text", "text": "Two."]])
        let error = gatewayError { () throws(GatewayError) in
            try AnthropicMessages.encodeRequest(
                ChatRequest(model: "m", system: [.image(.url("https://x/y.png", detail: nil))], turns: hello), upstreamModel: "u")
        }
        #expect(error?.param == "system")
    }

    @Test("JSON response formats become a system instruction appended after the client's system text")
    func responseFormat() throws {
        let schema: JSONValue = ["type": "object", "properties": ["answer": ["type": "string"]]]
        let body = try encoded(
            ChatRequest(model: "m", system: [.text("Be helpful.")], turns: hello, responseFormat: .jsonSchema(name: "reply", schema: schema, strict: true)))
        let system = try #require(body["system"]?.arrayValue)
        #expect(system.count == 2)
        let instruction = try #require(system[1]["text"]?.stringValue)
        #expect(instruction.hasPrefix("Respond only with a single valid JSON value"))
        #expect(instruction.contains("\"reply\""))
        #expect(instruction.hasSuffix(#"{"type":"object","properties":{"answer":{"type":"string"}}}"#))

        let object = try encoded(ChatRequest(model: "m", turns: hello, responseFormat: .jsonObject))
        #expect(object["system"]?.arrayValue?.first?["text"]?.stringValue?.hasPrefix("Respond only with a single valid JSON object") == true)
        #expect(try encoded(ChatRequest(model: "m", turns: hello, responseFormat: .text))["system"] == nil)
    }
}

@Suite("encodeRequest: tools")
struct EncodeToolsTests {
    @Test("tools: parameters become input_schema; a schema without type gets one; strict and empty descriptions dropped")
    func tools() throws {
        let tools = [
            FunctionTool(name: "a", description: "Does A", parameters: ["type": "object", "properties": ["x": ["type": "integer"]]], strict: true),
            FunctionTool(name: "b", description: "", parameters: [:]),
            FunctionTool(name: "c", parameters: .null),
        ]
        let body = try encoded(ChatRequest(model: "m", turns: hello, tools: tools))
        #expect(
            body["tools"]
                == [
                    ["name": "a", "description": "Does A", "input_schema": ["type": "object", "properties": ["x": ["type": "integer"]]]],
                    ["name": "b", "input_schema": ["type": "object"]],
                    ["name": "c", "input_schema": ["type": "object", "properties": [:]]],
                ])
        #expect(body["tool_choice"] == nil)
    }

    @Test("tool_choice mapping, and parallel_tool_calls false as disable_parallel_tool_use", arguments: [
        (ToolChoice.auto as ToolChoice?, nil as Bool?, #"{"type":"auto"}"#),
        (.required, nil, #"{"type":"any"}"#),
        (ToolChoice.none, nil, #"{"type":"none"}"#),
        (.function("f"), nil, #"{"type":"tool","name":"f"}"#),
        (.required, false, #"{"type":"any","disable_parallel_tool_use":true}"#),
        (.function("f"), false, #"{"type":"tool","name":"f","disable_parallel_tool_use":true}"#),
        (nil, false, #"{"type":"auto","disable_parallel_tool_use":true}"#),
        (ToolChoice.none, false, #"{"type":"none"}"#),
        (nil, true, nil),
        (nil, nil, nil),
    ])
    func toolChoice(_ choice: ToolChoice?, _ parallel: Bool?, _ expected: String?) throws {
        let request = ChatRequest(model: "m", turns: hello, tools: [FunctionTool(name: "f")], toolChoice: choice, parallelToolCalls: parallel)
        let sent = try encoded(request)["tool_choice"]
        #expect(sent == (try expected.map(json)))
    }

    @Test("no tools, no tool_choice (Anthropic would refuse it)")
    func choiceWithoutTools() throws {
        #expect(try encoded(ChatRequest(model: "m", turns: hello, toolChoice: .required, parallelToolCalls: false))["tool_choice"] == nil)
    }
}

@Suite("encodeRequest: reasoning")
struct EncodeReasoningTests {
    @Test("reasoning becomes thinking budgets that fit under max_tokens", arguments: [
        (Reasoning.budget(2048), 8000 as Int64, 2048 as Int64?),
        (.budget(500), 8000, 1024),
        (.budget(10_000), 8000, 7999),
        (.budget(5000), 1024, nil),
        (.budget(0), 8000, nil),
        (.budget(-1), 8000, 4096),
        (.effort("minimal"), 8000, 1024),
        (.effort("low"), 8000, 1024),
        (.effort("medium"), 8000, 4096),
        (.effort("high"), 32_000, 16_384),
        (.effort("max"), 64_000, 32_768),
        (.effort("none"), 8000, nil),
        (.disabled, 8000, nil),
    ])
    func budgets(_ reasoning: Reasoning, _ maxTokens: Int64, _ budget: Int64?) throws {
        let body = try encoded(ChatRequest(model: "m", turns: hello, maxOutputTokens: maxTokens, reasoning: reasoning))
        #expect(body["max_tokens"] == .int(maxTokens))
        #expect(body["thinking"] == budget.map { ["type": "enabled", "budget_tokens": .int($0)] })
    }

    @Test("with thinking on, temperature, top_p and top_k are dropped and a forced tool choice becomes auto")
    func thinkingConstraints() throws {
        let request = ChatRequest(
            model: "m", turns: hello, tools: [FunctionTool(name: "f")], toolChoice: .function("f"), parallelToolCalls: false,
            sampling: Sampling(temperature: .number("0.3"), topP: .number("0.5"), topK: 3), maxOutputTokens: 4000, reasoning: .budget(2000))
        let body = try encoded(request)
        #expect(body["temperature"] == nil && body["top_p"] == nil && body["top_k"] == nil)
        #expect(body["tool_choice"] == ["type": "auto", "disable_parallel_tool_use": true])
        #expect(body["thinking"] == ["type": "enabled", "budget_tokens": 2000])
        // Without thinking the same request keeps them.
        var plain = request
        plain.reasoning = nil
        let plainBody = try encoded(plain)
        #expect(plainBody["temperature"] == .number("0.3") && plainBody["top_k"] == 3)
        #expect(plainBody["tool_choice"] == ["type": "tool", "name": "f", "disable_parallel_tool_use": true])
    }
}

/// Anthropic refuses thinking for a request answering a tool-use turn that does not start with its signed
/// thinking ("a final `assistant` message must start with a thinking block"), and history from another
/// provider, or from a client that drops thinking, has none to replay; so for such a request thinking is left
/// off rather than sent and refused (§11.11, §11.18 #13). Everywhere else reasoning still turns it on.
@Suite("encodeRequest: thinking in a tool loop")
struct EncodeThinkingInToolLoopTests {
    static let signed = ContentBlock.thinking(Thinking(text: "Call the tool.", signature: "EqQBCkgIBxABGAIiQHc3vR8="))
    static let call = ContentBlock.toolCall(ToolCall(id: "toolu_01A", name: "get_weather", arguments: #"{"city":"Paris"}"#))
    static let result = ContentBlock.toolResult(ToolResult(callID: "toolu_01A", content: [.text("18°C")]))
    static let question = user(.text("Weather in Paris?"))

    func encodeTurns(_ turns: [Turn], reasoning: Reasoning = .effort("medium")) throws -> JSONValue {
        try encoded(
            ChatRequest(
                model: "m", turns: turns, tools: [FunctionTool(name: "get_weather")], toolChoice: .required,
                sampling: Sampling(temperature: .number("0.3")), maxOutputTokens: 8000, reasoning: reasoning))
    }

    /// The first block of the encoded assistant message that holds the tool_use.
    func firstBlockOfToolUseTurn(_ body: JSONValue) -> String? {
        let messages = body["messages"]?.arrayValue ?? []
        let turn = messages.last { ($0["content"]?.arrayValue ?? []).contains { $0["type"] == "tool_use" } }
        return turn?["content"]?.arrayValue?.first?["type"]?.stringValue
    }

    @Test(
        "a tool loop whose tool-use turn has no thinking: no thinking, and what thinking would change stays as asked",
        arguments: [Reasoning.effort("high"), .effort("low"), .budget(2048), .budget(-1)])
    func toolLoopWithoutThinking(reasoning: Reasoning) throws {
        let body = try encodeTurns([Self.question, assistant(.text("Let me check."), Self.call), user(Self.result)], reasoning: reasoning)
        #expect(body["thinking"] == nil)
        // Thinking off, so the sampling and the forced tool choice are not adapted to it.
        #expect(body["temperature"] == .number("0.3"))
        #expect(body["tool_choice"] == ["type": "any"])
        #expect(firstBlockOfToolUseTurn(body) == "text")
    }

    @Test("a tool loop whose tool-use turn has only the calls: no thinking")
    func toolLoopCallsOnly() throws {
        let body = try encodeTurns([Self.question, assistant(Self.call), user(Self.result)])
        #expect(body["thinking"] == nil)
        #expect(firstBlockOfToolUseTurn(body) == "tool_use")
    }

    @Test("thinking without a signature (another provider's reasoning text) does not count: no thinking")
    func unsignedThinking() throws {
        let unsigned = ContentBlock.thinking(Thinking(text: "Call the tool."))
        let body = try encodeTurns([Self.question, assistant(unsigned, Self.call), user(Self.result)])
        #expect(body["thinking"] == nil)
        // The unsigned thinking itself cannot be sent back either.
        #expect(firstBlockOfToolUseTurn(body) == "tool_use")
    }

    @Test("signed thinking that does not open the tool-use turn does not count: no thinking")
    func signedThinkingNotFirst() throws {
        let body = try encodeTurns([Self.question, assistant(.text("Let me check."), Self.signed, Self.call), user(Self.result)])
        #expect(body["thinking"] == nil)
        #expect(firstBlockOfToolUseTurn(body) == "text")
    }

    @Test("a tool loop whose tool-use turn starts with its signed thinking: thinking stays on, the thinking goes first")
    func toolLoopWithSignedThinking() throws {
        let body = try encodeTurns([Self.question, assistant(Self.signed, .text("Let me check."), Self.call), user(Self.result)])
        #expect(body["thinking"] == ["type": "enabled", "budget_tokens": 4096])
        #expect(firstBlockOfToolUseTurn(body) == "thinking")
        #expect(
            body["messages"]?.arrayValue?[1]["content"]?.arrayValue?.first
                == ["type": "thinking", "thinking": "Call the tool.", "signature": "EqQBCkgIBxABGAIiQHc3vR8="])
        // With thinking on, temperature goes and a forced tool choice becomes auto, as always.
        #expect(body["temperature"] == nil)
        #expect(body["tool_choice"] == ["type": "auto"])
    }

    @Test("a tool loop whose tool-use turn starts with redacted thinking: thinking stays on")
    func toolLoopWithRedactedThinking() throws {
        let redacted = ContentBlock.thinking(Thinking(text: "", redactedData: "EmwKAhgBEgy3va3pzix"))
        let body = try encodeTurns([Self.question, assistant(redacted, Self.call), user(Self.result)])
        #expect(body["thinking"] == ["type": "enabled", "budget_tokens": 4096])
        #expect(firstBlockOfToolUseTurn(body) == "redacted_thinking")
    }

    @Test("no tool loop: reasoning turns thinking on")
    func noToolLoop() throws {
        let body = try encodeTurns([Self.question])
        #expect(body["thinking"] == ["type": "enabled", "budget_tokens": 4096])
        let chat = try encodeTurns([Self.question, assistant(.text("18°C and clear.")), user(.text("And tomorrow?"))])
        #expect(chat["thinking"] == ["type": "enabled", "budget_tokens": 4096])
    }

    @Test("a finished tool loop (the last assistant turn has no calls): reasoning turns thinking on")
    func finishedToolLoop() throws {
        let body = try encodeTurns([
            Self.question, assistant(Self.call), user(Self.result), assistant(.text("18°C and clear.")), user(.text("And tomorrow?")),
        ])
        #expect(body["thinking"] == ["type": "enabled", "budget_tokens": 4096])
    }
}

/// Thinking signed by Gemini (its thought signature, marked as such in the canonical model) is not Anthropic's
/// to verify: it is never replayed to Anthropic and does not count as the tool-use turn's thinking.
@Suite("encodeRequest: Gemini-signed thinking")
struct EncodeGeminiSignedThinkingTests {
    @Test("left out, and thinking stays off in the tool loop it opens")
    func geminiSignedThinking() throws {
        let gemini = ContentBlock.thinking(Thinking(text: "Call the tool.", signature: ThinkingSignatures.fromGemini("CiQBcsjafE1+Zk/8Q/vv")))
        let call = ContentBlock.toolCall(ToolCall(id: "toolu_01A", name: "get_weather", arguments: #"{"city":"Paris"}"#))
        let result = ContentBlock.toolResult(ToolResult(callID: "toolu_01A", content: [.text("18°C")]))
        let body = try encoded(
            ChatRequest(
                model: "m", turns: [user(.text("Weather in Paris?")), assistant(gemini, call), user(result)], tools: [FunctionTool(name: "get_weather")],
                maxOutputTokens: 8000, reasoning: .effort("medium")))
        #expect(body["thinking"] == nil)
        #expect(body["messages"]?.arrayValue?[1]["content"]?.arrayValue?.map { $0["type"]?.stringValue } == ["tool_use"])
    }

    @Test("ThinkingSignatures tells Gemini's from Anthropic's")
    func provenance() {
        #expect(ThinkingSignatures.isAnthropic("EqQBCkgIBxABGAIiQHc3vR8="))
        #expect(!ThinkingSignatures.isAnthropic(ThinkingSignatures.fromGemini("EqQBCkgIBxABGAIiQHc3vR8=")))
        #expect(!ThinkingSignatures.isAnthropic(""))
    }
}
