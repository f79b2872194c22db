import Conversation
import Dialects
import ResponsesCodec
import Testing
import TokModelCore

@Suite("OpenAIResponses.decodeRequest: fields")
struct DecodeRequestFieldTests {
    @Test("a string input is one user turn; defaults stay unset")
    func stringInput() throws {
        let request = try decode(#"{"model":"openai/gpt-4.1","input":"Hello there"}"#)
        #expect(request == ChatRequest(model: "openai/gpt-4.1", turns: [Turn(role: .user, blocks: [.text("Hello there")])]))
    }

    @Test("every mapped request field")
    func allFields() throws {
        let request = try decode(
            #"""
            {"model":"m","input":"Hi","instructions":"Be brief.","stream":true,"max_output_tokens":256,
             "temperature":0.70,"top_p":0.9,"parallel_tool_calls":false,"user":"user-42",
             "tools":[{"type":"function","name":"get_weather","description":"Weather now",
                       "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},"strict":true},
                      {"type":"function","name":"ping"}],
             "tool_choice":{"type":"function","name":"get_weather"},
             "text":{"format":{"type":"json_schema","name":"report","schema":{"type":"object"},"strict":true},"verbosity":"low"},
             "reasoning":{"effort":"high","summary":"auto"},
             "store":true,"truncation":"auto","metadata":{"trace":"abc"},"include":["reasoning.encrypted_content"],
             "stream_options":{"include_obfuscation":false},"service_tier":"auto","prompt_cache_key":"k","top_logprobs":3}
            """#)
        #expect(request.model == "m")
        #expect(request.system == [.text("Be brief.")])
        #expect(request.turns == [Turn(role: .user, blocks: [.text("Hi")])])
        #expect(request.stream)
        #expect(request.includeUsage)
        #expect(request.maxOutputTokens == 256)
        #expect(request.sampling == Sampling(temperature: .number("0.70"), topP: .number("0.9")))
        #expect(request.parallelToolCalls == false)
        #expect(request.user == "user-42")
        #expect(
            request.tools == [
                FunctionTool(
                    name: "get_weather", description: "Weather now",
                    parameters: try json(#"{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"#), strict: true),
                FunctionTool(name: "ping"),
            ])
        #expect(request.toolChoice == .function("get_weather"))
        #expect(request.responseFormat == .jsonSchema(name: "report", schema: ["type": "object"], strict: true))
        #expect(request.reasoning == .effort("high"))
    }

    @Test("tool_choice strings", arguments: [("auto", ToolChoice.auto), ("none", ToolChoice.none), ("required", ToolChoice.required)])
    func toolChoiceStrings(choice: String, expected: ToolChoice) throws {
        let request = try decode(#"{"model":"m","input":"x","tool_choice":"\#(choice)"}"#)
        #expect(request.toolChoice == expected)
    }

    @Test("text.format types")
    func textFormats() throws {
        #expect(try decode(#"{"model":"m","input":"x","text":{"format":{"type":"text"}}}"#).responseFormat == .text)
        #expect(try decode(#"{"model":"m","input":"x","text":{"format":{"type":"json_object"}}}"#).responseFormat == .jsonObject)
        #expect(
            try decode(#"{"model":"m","input":"x","text":{"format":{"type":"json_schema","name":"n","schema":{"type":"object"}}}}"#)
                .responseFormat == .jsonSchema(name: "n", schema: ["type": "object"], strict: nil))
        #expect(try decode(#"{"model":"m","input":"x","text":{"verbosity":"high"}}"#).responseFormat == nil)
    }

    @Test("reasoning effort 'none' turns reasoning off; a null effort leaves it unset")
    func reasoningNone() throws {
        #expect(try decode(#"{"model":"m","input":"x","reasoning":{"effort":"none"}}"#).reasoning == .disabled)
        #expect(try decode(#"{"model":"m","input":"x","reasoning":{"effort":null,"summary":"auto"}}"#).reasoning == nil)
        #expect(try decode(#"{"model":"m","input":"x","reasoning":{"effort":"minimal"}}"#).reasoning == .effort("minimal"))
    }

    @Test("safety_identifier stands in for user; nulls read as unset")
    func userAndNulls() throws {
        let request = try decode(
            #"{"model":"m","input":"x","safety_identifier":"sid","temperature":null,"tools":null,"tool_choice":null,"text":null,"previous_response_id":null,"background":false,"store":false}"#
        )
        #expect(request.user == "sid")
        #expect(request.sampling.temperature == nil)
        #expect(request.tools.isEmpty)
        #expect(request.toolChoice == nil)
        #expect(!request.stream && !request.includeUsage)
    }

    @Test("a tool without parameters gets the empty-object schema; strict stays as sent")
    func toolDefaults() throws {
        let request = try decode(#"{"model":"m","input":"x","tools":[{"type":"function","name":"now","strict":false}]}"#)
        #expect(request.tools == [FunctionTool(name: "now", parameters: ["type": "object", "properties": [:]], strict: false)])
    }
}

@Suite("OpenAIResponses.decodeRequest: input items")
struct DecodeInputItemTests {
    @Test("message items: easy form, typed form, string and part contents, every role")
    func messages() throws {
        let request = try decode(
            #"""
            {"model":"m","instructions":"Top rule.","input":[
              {"role":"developer","content":"Answer briefly."},
              {"role":"user","content":"What is in this image?"},
              {"type":"message","role":"user","content":[
                 {"type":"input_text","text":"Look:"},
                 {"type":"input_image","image_url":"https://example.com/cat.png","detail":"high"},
                 {"type":"input_image","image_url":"data:image/png;base64,iVBORw0KGgo="}]},
              {"type":"message","role":"assistant","status":"completed","id":"msg_1","content":[
                 {"type":"output_text","text":"A cat.","annotations":[]},
                 {"type":"refusal","refusal":"I cannot say more."}]},
              {"role":"system","content":[{"type":"input_text","text":"Late rule."}]},
              {"role":"user","content":[{"type":"input_text","text":""}]},
              {"role":"user","content":"Thanks"}
            ]}
            """#)
        #expect(request.system == [.text("Top rule."), .text("Answer briefly."), .text("Late rule.")])
        #expect(
            request.turns == [
                Turn(role: .user, blocks: [.text("What is in this image?")]),
                Turn(
                    role: .user,
                    blocks: [
                        .text("Look:"), .image(.url("https://example.com/cat.png", detail: "high")),
                        .image(.base64(mediaType: "image/png", data: "iVBORw0KGgo=")),
                    ]),
                Turn(role: .assistant, blocks: [.text("A cat."), .text("I cannot say more.")]),
                Turn(role: .user, blocks: [.text("Thanks")]),
            ])
    }

    @Test("function calls join the assistant turn before them; outputs share one user turn and learn the name")
    func functionCalls() throws {
        let request = try decode(
            #"""
            {"model":"m","input":[
              {"role":"user","content":"Weather in Paris and Rome?"},
              {"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"two calls"}],"encrypted_content":"gAAA"},
              {"type":"message","role":"assistant","content":"Checking both."},
              {"type":"function_call","id":"fc_1","call_id":"call_A","name":"get_weather","arguments":"{\"city\":\"Paris\"}","status":"completed"},
              {"type":"function_call","call_id":"call_B","name":"get_weather","arguments":"{\"city\":\"Rome\"}"},
              {"type":"function_call_output","call_id":"call_A","output":"18C, clear"},
              {"type":"function_call_output","call_id":"call_B","output":[{"type":"input_text","text":"21C"},{"type":"input_image","image_url":"https://example.com/rome.png"}]},
              {"role":"user","content":"And tomorrow?"}
            ]}
            """#)
        #expect(
            request.turns == [
                Turn(role: .user, blocks: [.text("Weather in Paris and Rome?")]),
                Turn(
                    role: .assistant,
                    blocks: [
                        .text("Checking both."),
                        .toolCall(ToolCall(id: "call_A", name: "get_weather", arguments: #"{"city":"Paris"}"#)),
                        .toolCall(ToolCall(id: "call_B", name: "get_weather", arguments: #"{"city":"Rome"}"#)),
                    ]),
                Turn(
                    role: .user,
                    blocks: [
                        .toolResult(ToolResult(callID: "call_A", name: "get_weather", content: [.text("18C, clear")])),
                        .toolResult(
                            ToolResult(
                                callID: "call_B", name: "get_weather",
                                content: [.text("21C"), .image(.url("https://example.com/rome.png", detail: nil))])),
                    ]),
                Turn(role: .user, blocks: [.text("And tomorrow?")]),
            ])
    }

    @Test("a function call with no assistant turn before it starts one; empty arguments become {}")
    func functionCallAfterUser() throws {
        let request = try decode(
            #"""
            {"model":"m","input":[
              {"role":"user","content":"What time is it?"},
              {"type":"function_call","call_id":"c1","name":"now","arguments":""},
              {"type":"function_call_output","call_id":"c1","output":""},
              {"type":"function_call_output","call_id":"unknown","output":"late"}
            ]}
            """#)
        #expect(
            request.turns == [
                Turn(role: .user, blocks: [.text("What time is it?")]),
                Turn(role: .assistant, blocks: [.toolCall(ToolCall(id: "c1", name: "now", arguments: "{}"))]),
                Turn(
                    role: .user,
                    blocks: [
                        .toolResult(ToolResult(callID: "c1", name: "now", content: [])),
                        .toolResult(ToolResult(callID: "unknown", content: [.text("late")])),
                    ]),
            ])
    }

    @Test("a user message after function outputs is a turn of its own; an output after user text starts a new turn")
    func resultGrouping() throws {
        let request = try decode(
            #"""
            {"model":"m","input":[
              {"type":"function_call","call_id":"c1","name":"f","arguments":"{}"},
              {"role":"user","content":"first"},
              {"type":"function_call_output","call_id":"c1","output":"r"}
            ]}
            """#)
        #expect(request.turns.map(\.role) == [.assistant, .user, .user])
        #expect(request.turns[2].blocks == [.toolResult(ToolResult(callID: "c1", name: "f", content: [.text("r")]))])
    }

    @Test("data URLs keep extra parameters out of the media type")
    func dataURLParameters() throws {
        let request = try decode(
            #"{"model":"m","input":[{"role":"user","content":[{"type":"input_image","image_url":"data:image/JPEG;name=a.jpg;base64,/9j/4AAQ"}]}]}"#)
        #expect(request.turns == [Turn(role: .user, blocks: [.image(.base64(mediaType: "image/jpeg", data: "/9j/4AAQ"))])])
    }

    @Test("Chat's 'text' part type is accepted")
    func chatTextPart() throws {
        let request = try decode(#"{"model":"m","input":[{"role":"user","content":[{"type":"text","text":"hi"}]}]}"#)
        #expect(request.turns == [Turn(role: .user, blocks: [.text("hi")])])
    }
}
