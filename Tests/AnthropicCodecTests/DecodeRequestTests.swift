import AnthropicCodec
import Conversation
import Dialects
import Testing
import TokModelCore

@Suite("decodeRequest: fields")
struct DecodeRequestTests {
    @Test("the minimal request: model, max_tokens, one string message")
    func minimal() throws {
        let request = try decodeRequest(requestBody())
        #expect(request == ChatRequest(model: "claude-sonnet-4-5", turns: [Turn(role: .user, blocks: [.text("Hi")])], maxOutputTokens: 1024))
    }

    @Test("a full request as the Anthropic SDK sends it")
    func full() throws {
        let request = try decodeRequest(
            #"""
            {"model":"claude-sonnet-4-5","max_tokens":2048,
             "system":[{"type":"text","text":"You are terse.","cache_control":{"type":"ephemeral"}},{"type":"text","text":"Use metric units."}],
             "messages":[
               {"role":"user","content":"Weather in Paris?"},
               {"role":"assistant","content":[
                 {"type":"thinking","thinking":"Need the tool.","signature":"sig=="},
                 {"type":"redacted_thinking","data":"opaque"},
                 {"type":"text","text":"Let me check."},
                 {"type":"tool_use","id":"toolu_01A","name":"get_weather","input":{"city":"Paris","days":1.50}}]},
               {"role":"user","content":[
                 {"type":"tool_result","tool_use_id":"toolu_01A","content":"18°C, clear","cache_control":{"type":"ephemeral"}},
                 {"type":"text","text":"And tomorrow?"}]}],
             "tools":[{"name":"get_weather","description":"Current weather","input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},"cache_control":{"type":"ephemeral"}}],
             "tool_choice":{"type":"auto","disable_parallel_tool_use":true},
             "stop_sequences":["\n\nHuman:","END"],
             "temperature":0.7,"top_p":0.9,"top_k":40,
             "metadata":{"user_id":"user-42"},
             "stream":true,"service_tier":"auto"}
            """#)
        #expect(request.model == "claude-sonnet-4-5")
        #expect(request.maxOutputTokens == 2048)
        #expect(request.system == [.text("You are terse."), .text("Use metric units.")])
        #expect(
            request.turns == [
                Turn(role: .user, blocks: [.text("Weather in Paris?")]),
                Turn(
                    role: .assistant,
                    blocks: [
                        .thinking(Thinking(text: "Need the tool.", signature: "sig==")),
                        .thinking(Thinking(text: "", redactedData: "opaque")),
                        .text("Let me check."),
                        .toolCall(ToolCall(id: "toolu_01A", name: "get_weather", arguments: #"{"city":"Paris","days":1.50}"#)),
                    ]),
                Turn(
                    role: .user,
                    blocks: [.toolResult(ToolResult(callID: "toolu_01A", content: [.text("18°C, clear")])), .text("And tomorrow?")]),
            ])
        #expect(
            request.tools == [
                FunctionTool(
                    name: "get_weather", description: "Current weather",
                    parameters: try json(#"{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"#))
            ])
        #expect(request.toolChoice == .auto)
        #expect(request.parallelToolCalls == false)
        #expect(request.sampling.stop == ["\n\nHuman:", "END"])
        #expect(request.sampling.temperature == .number("0.7"))
        #expect(request.sampling.topP == .number("0.9"))
        #expect(request.sampling.topK == .number("40"))
        #expect(request.user == "user-42")
        #expect(request.stream)
        #expect(request.reasoning == nil)
        #expect(request.responseFormat == nil)
    }

    @Test("system as a plain string; an empty one is no system")
    func systemString() throws {
        #expect(try decodeRequest(requestBody(#""system":"Be brief.""#)).system == [.text("Be brief.")])
        #expect(try decodeRequest(requestBody(#""system":"""#)).system == [])
        #expect(try decodeRequest(requestBody(#""system":null"#)).system == [])
    }

    @Test("images: base64 and url sources, in messages and in tool results")
    func images() throws {
        let request = try decodeRequest(
            requestBody(
                messages: #"""
                    [{"role":"user","content":[
                      {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},
                      {"type":"image","source":{"type":"url","url":"https://example.com/cat.jpg"}},
                      {"type":"tool_result","tool_use_id":"t1","is_error":true,"content":[
                        {"type":"text","text":"see image"},
                        {"type":"image","source":{"type":"base64","media_type":"image/webp","data":"UklGRg=="}}]},
                      {"type":"tool_result","tool_use_id":"t2"}]}]
                    """#))
        #expect(
            request.turns[0].blocks == [
                .image(.base64(mediaType: "image/png", data: "iVBORw0KGgo=")),
                .image(.url("https://example.com/cat.jpg", detail: nil)),
                .toolResult(
                    ToolResult(callID: "t1", content: [.text("see image"), .image(.base64(mediaType: "image/webp", data: "UklGRg=="))], isError: true)),
                .toolResult(ToolResult(callID: "t2", content: [])),
            ])
    }

    @Test("tool_choice types map; disable_parallel_tool_use false leaves the provider's default", arguments: [
        (#"{"type":"auto"}"#, ToolChoice.auto, nil as Bool?),
        (#"{"type":"any"}"#, .required, nil),
        (#"{"type":"none"}"#, ToolChoice.none, nil),
        (#"{"type":"tool","name":"get_weather","disable_parallel_tool_use":true}"#, .function("get_weather"), false),
        (#"{"type":"any","disable_parallel_tool_use":false}"#, .required, nil),
    ])
    func toolChoice(_ choice: String, _ expected: ToolChoice, _ parallel: Bool?) throws {
        let request = try decodeRequest(requestBody(#""tool_choice":\#(choice)"#))
        #expect(request.toolChoice == expected)
        #expect(request.parallelToolCalls == parallel)
    }

    @Test("thinking: enabled with a budget, disabled, adaptive with and without effort")
    func thinking() throws {
        let enabled = #"{"model":"m","max_tokens":4096,"messages":[{"role":"user","content":"x"}],"thinking":{"type":"enabled","budget_tokens":1024}}"#
        #expect(try decodeRequest(enabled).reasoning == .budget(1024))
        #expect(try decodeRequest(requestBody(#""thinking":{"type":"disabled"}"#)).reasoning == .disabled)
        #expect(try decodeRequest(requestBody(#""thinking":{"type":"adaptive"}"#)).reasoning == .effort("medium"))
        #expect(try decodeRequest(requestBody(#""thinking":{"type":"adaptive"},"output_config":{"effort":"high"}"#)).reasoning == .effort("high"))
        #expect(try decodeRequest(requestBody(#""output_config":{"effort":"low"}"#)).reasoning == .effort("low"))
    }

    @Test("output_config.format json_schema becomes the canonical JSON-schema format")
    func outputFormat() throws {
        let request = try decodeRequest(requestBody(#""output_config":{"format":{"type":"json_schema","schema":{"type":"object"}}}"#))
        #expect(request.responseFormat == .jsonSchema(name: "output", schema: ["type": "object"], strict: true))
    }

    @Test("tool_use input keeps member order and number text; an empty input is {}")
    func toolInput() throws {
        let request = try decodeRequest(
            requestBody(
                messages: #"""
                    [{"role":"user","content":"go"},
                     {"role":"assistant","content":[
                       {"type":"tool_use","id":"a","name":"f","input":{"z":1e2,"a":[true,null],"m":{"n":"\u00e9"}}},
                       {"type":"tool_use","id":"b","name":"g","input":{}}]}]
                    """#))
        #expect(
            request.turns[1].blocks == [
                .toolCall(ToolCall(id: "a", name: "f", arguments: #"{"z":1e2,"a":[true,null],"m":{"n":"é"}}"#)),
                .toolCall(ToolCall(id: "b", name: "g", arguments: "{}")),
            ])
    }

    @Test("an empty thinking signature is no signature; consecutive same-role messages stay separate turns")
    func details() throws {
        let request = try decodeRequest(
            requestBody(
                messages: #"""
                    [{"role":"user","content":"a"},{"role":"user","content":[{"type":"text","text":"b"}]},
                     {"role":"assistant","content":[{"type":"thinking","thinking":"t","signature":""}]}]
                    """#))
        #expect(request.turns.count == 3)
        #expect(request.turns[2].blocks == [.thinking(Thinking(text: "t"))])
    }

    @Test("numbers written as 1024.0 or 1.024e3 are integers; null optional fields are absent")
    func lenientNumbers() throws {
        let request = try decodeRequest(
            #"{"model":"m","max_tokens":1.024e3,"messages":[{"role":"user","content":"x"}],"temperature":null,"top_k":null,"stream":null,"metadata":{"user_id":null},"tools":null}"#
        )
        #expect(request.maxOutputTokens == 1024)
        #expect(request.sampling == Sampling())
        #expect(!request.stream)
        #expect(request.user == nil)
        #expect(request.tools.isEmpty)
    }

    @Test("top_k written as 40.0 is the integer 40")
    func topK() throws {
        #expect(try decodeRequest(requestBody(#""top_k":40.0"#)).sampling.topK == .number("40"))
    }

    @Test("includeUsage stays false: it is OpenAI's stream option, and Anthropic streams always carry usage")
    func includeUsage() throws {
        #expect(try !decodeRequest(requestBody(#""stream":true"#)).includeUsage)
    }
}
