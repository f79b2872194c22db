import Conversation
import Dialects
import OpenAIChatCodec
import Testing
import TokModelCore

@Suite("OpenAIChat.encodeRequest")
struct EncodeRequestTests {
    @Test("model is the upstream name; a lone text is a string")
    func minimal() throws {
        let request = ChatRequest(model: "acme/chat", turns: [Turn(role: .user, blocks: [.text("Hi")])])
        #expect(try encode(request, upstreamModel: "gpt-4o-mini") == #"{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}]}"#)
    }

    @Test("every parameter, in OpenAI's names; max_tokens carries the limit; stream always asks for usage")
    func parameters() throws {
        var request = ChatRequest(model: "acme/chat", turns: [Turn(role: .user, blocks: [.text("Hi")])])
        request.stream = true
        request.includeUsage = false
        request.maxOutputTokens = 256
        request.sampling = Sampling(
            temperature: .number("0.70"), topP: .number("0.9"), topK: 40, stop: ["a", "b", "c", "d", "e"], seed: .number("7"),
            presencePenalty: .number("0.1"), frequencyPenalty: .number("-0.2"), choices: 2, logprobs: true, topLogprobs: 2)
        request.tools = [FunctionTool(name: "f", description: "Does f", parameters: ["type": "object"], strict: true), FunctionTool(name: "g")]
        request.toolChoice = .function("f")
        request.parallelToolCalls = false
        request.responseFormat = .jsonSchema(name: "out", schema: ["type": "object"], strict: true)
        request.reasoning = .effort("low")
        request.user = "u-1"
        let expected = #"""
            {"model":"up","messages":[{"role":"user","content":"Hi"}],"stream":true,"stream_options":{"include_usage":true},"max_tokens":256,\#
            "temperature":0.70,"top_p":0.9,"n":2,"stop":["a","b","c","d"],"seed":7,"presence_penalty":0.1,"frequency_penalty":-0.2,\#
            "logprobs":true,"top_logprobs":2,"tools":[{"type":"function","function":{"name":"f","description":"Does f","parameters":{"type":"object"},"strict":true}},\#
            {"type":"function","function":{"name":"g","parameters":{"type":"object","properties":{}}}}],"tool_choice":{"type":"function","function":{"name":"f"}},\#
            "parallel_tool_calls":false,"response_format":{"type":"json_schema","json_schema":{"name":"out","schema":{"type":"object"},"strict":true}},\#
            "reasoning_effort":"low","user":"u-1"}
            """#
        #expect(try encode(request, upstreamModel: "up") == expected)
    }

    @Test("tool_choice and parallel_tool_calls are sent only with tools")
    func toolChoiceWithoutTools() throws {
        var request = ChatRequest(model: "m", turns: [Turn(role: .user, blocks: [.text("Hi")])])
        request.toolChoice = .required
        request.parallelToolCalls = true
        #expect(try encode(request) == #"{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}]}"#)
    }

    @Test("tool_choice strings", arguments: [(ToolChoice.auto, #""auto""#), (.none, #""none""#), (.required, #""required""#)])
    func toolChoice(choice: ToolChoice, json: String) throws {
        var request = ChatRequest(model: "m", turns: [Turn(role: .user, blocks: [.text("Hi")])], tools: [FunctionTool(name: "f")])
        request.toolChoice = choice
        #expect(try encode(request).contains(#""tool_choice":\#(json)"#))
    }

    @Test(
        "response formats and reasoning",
        arguments: [
            (ResponseFormat.text, #""response_format":{"type":"text"}"#),
            (ResponseFormat.jsonObject, #""response_format":{"type":"json_object"}"#),
            (ResponseFormat.jsonSchema(name: "x", schema: [:], strict: nil), #""response_format":{"type":"json_schema","json_schema":{"name":"x","schema":{}}}"#),
        ])
    func responseFormat(format: ResponseFormat, json: String) throws {
        var request = ChatRequest(model: "m", turns: [Turn(role: .user, blocks: [.text("Hi")])])
        request.responseFormat = format
        #expect(try encode(request).contains(json))
    }

    @Test(
        "reasoning: efforts pass, disabled sends nothing, budgets become efforts",
        arguments: [
            (Reasoning.effort("xhigh"), "xhigh" as String?), (.disabled, nil), (.budget(0), nil), (.budget(-1), "medium"),
            (.budget(1024), "low"), (.budget(2048), "medium"), (.budget(8191), "medium"), (.budget(8192), "high"),
        ])
    func reasoning(reasoning: Reasoning, effort: String?) throws {
        var request = ChatRequest(model: "m", turns: [Turn(role: .user, blocks: [.text("Hi")])])
        request.reasoning = reasoning
        let body = try OpenAIChat.encodeRequest(request, upstreamModel: "m")
        #expect(body["reasoning_effort"]?.stringValue == effort)
    }

    @Test("system blocks become one system message: a string for one block, text parts for several")
    func system() throws {
        let one = ChatRequest(model: "m", system: [.text("Be terse.")], turns: [Turn(role: .user, blocks: [.text("Hi")])])
        #expect(try encode(one).contains(#""messages":[{"role":"system","content":"Be terse."},{"role":"user","content":"Hi"}]"#))
        let two = ChatRequest(model: "m", system: [.text("A"), .text("B")], turns: [])
        #expect(
            try encode(two)
                == #"{"model":"gpt-4o-mini","messages":[{"role":"system","content":[{"type":"text","text":"A"},{"type":"text","text":"B"}]}]}"#)
        let image = ChatRequest(model: "m", system: [.image(.url("https://a.test/x.png", detail: nil))], turns: [])
        #expect(throws: GatewayError.self) { try OpenAIChat.encodeRequest(image, upstreamModel: "m") }
    }

    @Test("user turns: tool results first as tool messages, tool images next, then the user's own content")
    func userTurnWithToolResults() throws {
        let request = ChatRequest(
            model: "m",
            turns: [
                Turn(
                    role: .assistant,
                    blocks: [
                        .thinking(Thinking(text: "hmm", signature: "sig")),
                        .text("Checking."),
                        .toolCall(ToolCall(id: "toolu_A", name: "get_weather", arguments: #"{"city":"Paris"}"#, thoughtSignature: "ts")),
                        .toolCall(ToolCall(id: "toolu_B", name: "screenshot", arguments: "")),
                    ]),
                Turn(
                    role: .user,
                    blocks: [
                        .text("And tomorrow?"),
                        .toolResult(ToolResult(callID: "toolu_A", content: [.text("18°C"), .text("clear")])),
                        .toolResult(
                            ToolResult(callID: "toolu_B", content: [.text("page"), .image(.base64(mediaType: "image/png", data: "iVBO"))], isError: false)),
                        .image(.url("https://a.test/map.png", detail: "low")),
                    ]),
                Turn(role: .user, blocks: [.toolResult(ToolResult(callID: "toolu_C", content: [.text("boom")], isError: true))]),
                Turn(role: .user, blocks: [.toolResult(ToolResult(callID: "toolu_D", content: [], isError: true))]),
                Turn(role: .user, blocks: [.toolResult(ToolResult(callID: "toolu_E", content: []))]),
            ])
        let messages = try #require(try OpenAIChat.encodeRequest(request, upstreamModel: "m")["messages"]?.arrayValue)
        let expected: [String] = [
            #"{"role":"assistant","content":"Checking.","tool_calls":[{"id":"toolu_A","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},{"id":"toolu_B","type":"function","function":{"name":"screenshot","arguments":"{}"}}]}"#,
            #"{"role":"tool","tool_call_id":"toolu_A","content":"18°C\nclear"}"#,
            #"{"role":"tool","tool_call_id":"toolu_B","content":"page"}"#,
            #"{"role":"user","content":[{"type":"text","text":"Images returned by tool call toolu_B:"},{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBO"}}]}"#,
            #"{"role":"user","content":[{"type":"text","text":"And tomorrow?"},{"type":"image_url","image_url":{"url":"https://a.test/map.png","detail":"low"}}]}"#,
            #"{"role":"tool","tool_call_id":"toolu_C","content":"Error: boom"}"#,
            #"{"role":"tool","tool_call_id":"toolu_D","content":"Error"}"#,
            #"{"role":"tool","tool_call_id":"toolu_E","content":""}"#,
        ]
        #expect(messages.map(JSONWriter.string) == expected)
    }

    @Test("assistant turns: content null when only tool calls, empty string when empty, text concatenated")
    func assistantContent() throws {
        let call = ToolCall(id: "c", name: "f", arguments: "{}")
        let cases: [([ContentBlock], String)] = [
            ([.toolCall(call)], #"{"role":"assistant","content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]}"#),
            ([.text(""), .toolCall(call)], #"{"role":"assistant","content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]}"#),
            ([.thinking(Thinking(text: "t"))], #"{"role":"assistant","content":""}"#),
            ([.text("a"), .thinking(Thinking(text: "t")), .text("b")], #"{"role":"assistant","content":"ab"}"#),
        ]
        for (blocks, json) in cases {
            let request = ChatRequest(model: "m", turns: [Turn(role: .assistant, blocks: blocks)])
            #expect(try OpenAIChat.encodeRequest(request, upstreamModel: "m")["messages"]?.arrayValue?.first.map(JSONWriter.string) == json)
        }
    }

    @Test("turns OpenAI cannot express are refused, not mangled")
    func untranslatable() throws {
        let bad: [Turn] = [
            Turn(role: .assistant, blocks: [.image(.url("https://a.test/x.png", detail: nil))]),
            Turn(role: .assistant, blocks: [.toolResult(ToolResult(callID: "c", content: []))]),
            Turn(role: .user, blocks: [.toolCall(ToolCall(id: "c", name: "f", arguments: "{}"))]),
        ]
        for turn in bad {
            #expect(throws: GatewayError.self) { try OpenAIChat.encodeRequest(ChatRequest(model: "m", turns: [turn]), upstreamModel: "m") }
        }
    }

    @Test("decode then encode keeps an OpenAI request's meaning")
    func roundTrip() throws {
        let body = #"""
            {"model":"acme/chat","messages":[{"role":"system","content":"Be terse."},{"role":"user","content":[{"type":"text","text":"What is this?"},\#
            {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBO"}}]},{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",\#
            "function":{"name":"look","arguments":"{\"q\":1}"}}]},{"role":"tool","tool_call_id":"call_1","content":"a cat"},{"role":"user","content":"Sure?"}],\#
            "stream":true,"max_completion_tokens":100,"temperature":0.2,"stop":"END","tools":[{"type":"function","function":{"name":"look","parameters":{"type":"object"}}}],\#
            "tool_choice":"auto","response_format":{"type":"json_object"},"reasoning_effort":"low"}
            """#
        let expected = #"""
            {"model":"gpt-4o","messages":[{"role":"system","content":"Be terse."},{"role":"user","content":[{"type":"text","text":"What is this?"},\#
            {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBO"}}]},{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",\#
            "function":{"name":"look","arguments":"{\"q\":1}"}}]},{"role":"tool","tool_call_id":"call_1","content":"a cat"},{"role":"user","content":"Sure?"}],\#
            "stream":true,"stream_options":{"include_usage":true},"max_tokens":100,"temperature":0.2,"stop":["END"],\#
            "tools":[{"type":"function","function":{"name":"look","parameters":{"type":"object"}}}],"tool_choice":"auto","response_format":{"type":"json_object"},\#
            "reasoning_effort":"low"}
            """#
        #expect(try encode(try decode(body), upstreamModel: "gpt-4o") == expected)
    }
}
