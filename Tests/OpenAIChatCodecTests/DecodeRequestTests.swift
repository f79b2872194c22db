import Conversation
import Dialects
import OpenAIChatCodec
import Testing
import TokModelCore

@Suite("OpenAIChat.decodeRequest: envelope and messages")
struct DecodeMessagesTests {
    @Test("a minimal request: model and one user string")
    func minimal() throws {
        let request = try decode(#"{"model":"acme/chat","messages":[{"role":"user","content":"Hi"}]}"#)
        #expect(request == ChatRequest(model: "acme/chat", turns: [Turn(role: .user, blocks: [.text("Hi")])]))
    }

    @Test(
        "malformed envelopes are 400s naming the field",
        arguments: [
            (#"[1]"#, nil as String?, "invalid_json"),
            (#"{"messages":[{"role":"user","content":"Hi"}]}"#, "model", "missing_required_parameter"),
            (#"{"model":"","messages":[{"role":"user","content":"Hi"}]}"#, "model", "invalid_value"),
            (#"{"model":7,"messages":[{"role":"user","content":"Hi"}]}"#, "model", "invalid_value"),
            (#"{"model":"m"}"#, "messages", "missing_required_parameter"),
            (#"{"model":"m","messages":null}"#, "messages", "missing_required_parameter"),
            (#"{"model":"m","messages":{}}"#, "messages", "invalid_value"),
            (#"{"model":"m","messages":[]}"#, "messages", "invalid_value"),
            (#"{"model":"m","messages":["hi"]}"#, "messages[0]", "invalid_value"),
            (#"{"model":"m","messages":[{"content":"x"}]}"#, "messages[0].role", "missing_required_parameter"),
            (#"{"model":"m","messages":[{"role":"robot","content":"x"}]}"#, "messages[0].role", "invalid_value"),
            (#"{"model":"m","messages":[{"role":"function","name":"f","content":"x"}]}"#, "messages[0].role", "unsupported_value"),
            (#"{"model":"m","messages":[{"role":"user"}]}"#, "messages[0].content", "missing_required_parameter"),
            (#"{"model":"m","messages":[{"role":"user","content":7}]}"#, "messages[0].content", "invalid_value"),
            (#"{"model":"m","messages":[{"role":"user","content":[]}]}"#, "messages[0].content", "invalid_value"),
            (#"{"model":"m","messages":[{"role":"user","content":["x"]}]}"#, "messages[0].content[0]", "invalid_value"),
            (#"{"model":"m","messages":[{"role":"user","content":[{"text":"x"}]}]}"#, "messages[0].content[0].type", "missing_required_parameter"),
            (#"{"model":"m","messages":[{"role":"user","content":[{"type":"text"}]}]}"#, "messages[0].content[0].text", "missing_required_parameter"),
            (#"{"model":"m","messages":[{"role":"user","content":[{"type":"video","video":{}}]}]}"#, "messages[0].content[0].type", "invalid_value"),
        ])
    func malformed(body: String, param: String?, code: String) throws {
        let error = try #require(try decodeError(body))
        #expect(error.kind == .invalidRequest)
        #expect(error.status == 400)
        #expect(error.param == param)
        #expect(error.code == code)
    }

    @Test("system and developer messages are hoisted, in order, wherever they appear; empty ones are dropped")
    func systemHoisting() throws {
        let request = try decode(
            extra: "",
            messages: #"""
                [{"role":"system","content":"Be terse."},{"role":"user","content":"Hi"},
                 {"role":"developer","content":[{"type":"text","text":"Use French."},{"type":"text","text":"No emoji."}]},
                 {"role":"system","content":""},{"role":"assistant","content":"Salut"}]
                """#)
        #expect(request.system == [.text("Be terse."), .text("Use French."), .text("No emoji.")])
        #expect(request.turns == [Turn(role: .user, blocks: [.text("Hi")]), Turn(role: .assistant, blocks: [.text("Salut")])])
    }

    @Test("system, developer and tool messages take only text parts")
    func textOnlyRoles() throws {
        let image = #"{"type":"image_url","image_url":{"url":"https://x.test/a.png"}}"#
        for role in ["system", "developer"] {
            let error = try #require(try decodeError(extra: "", messages: #"[{"role":"\#(role)","content":[\#(image)]},{"role":"user","content":"x"}]"#))
            #expect(error.param == "messages[0].content[0].type")
            #expect(error.message.contains("'\(role)' messages take only text parts"))
        }
        let tool = try #require(
            try decodeError(
                extra: "",
                messages: #"[{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"tool","tool_call_id":"c","content":[\#(image)]}]"#))
        #expect(tool.param == "messages[1].content[0].type")
    }

    @Test("user content parts: text, image by URL with detail, image as a data URL")
    func userParts() throws {
        let request = try decode(
            extra: "",
            messages: #"""
                [{"role":"user","name":"ann","content":[
                  {"type":"text","text":"Compare"},
                  {"type":"image_url","image_url":{"url":"https://example.com/cat.png","detail":"high"}},
                  {"type":"text","text":""},
                  {"type":"image_url","image_url":{"url":"data:image/JPEG;base64,/9j/4AAQ"}},
                  {"type":"image_url","image_url":{"url":"data:image/png;charset=utf-8;base64,iVBORw0K","detail":"low"}},
                  {"type":"image_url","image_url":"HTTP://example.com/dog.webp"}]}]
                """#)
        #expect(
            request.turns == [
                Turn(
                    role: .user,
                    blocks: [
                        .text("Compare"), .image(.url("https://example.com/cat.png", detail: "high")),
                        .image(.base64(mediaType: "image/jpeg", data: "/9j/4AAQ")), .image(.base64(mediaType: "image/png", data: "iVBORw0K")),
                        .image(.url("HTTP://example.com/dog.webp", detail: nil)),
                    ])
            ])
    }

    @Test("an empty user string stays a single empty text block, so the turn is never empty")
    func emptyUserText() throws {
        #expect(try decode(extra: "", messages: #"[{"role":"user","content":""}]"#).turns == [Turn(role: .user, blocks: [.text("")])])
        #expect(
            try decode(extra: "", messages: #"[{"role":"user","content":[{"type":"text","text":""}]}]"#).turns == [Turn(role: .user, blocks: [.text("")])])
    }

    @Test(
        "bad image URLs are 400s naming the URL",
        arguments: [
            "data:image/png,iVBORw0K", "data:;base64,AAAA", "data:image/png;base64,", "data:image/png;base64", "data:png;base64,AAAA",
            "ftp://example.com/a.png", "iVBORw0KGgo=", "",
        ])
    func badImageURL(url: String) throws {
        let error = try #require(
            try decodeError(extra: "", messages: #"[{"role":"user","content":[{"type":"image_url","image_url":{"url":"\#(url)"}}]}]"#))
        #expect(error.param == "messages[0].content[0].image_url.url")
        #expect(error.kind == .invalidRequest)
    }

    @Test("audio and file parts are refused clearly, not dropped")
    func unsupportedParts() throws {
        let audio = try #require(
            try decodeError(
                extra: "", messages: #"[{"role":"user","content":[{"type":"text","text":"Hi"},{"type":"input_audio","input_audio":{"data":"UklG","format":"wav"}}]}]"#))
        #expect(audio.param == "messages[0].content[1].type")
        #expect(audio.code == "unsupported_value")
        #expect(audio.message.contains("not supported"))
        let file = try #require(
            try decodeError(extra: "", messages: #"[{"role":"user","content":[{"type":"file","file":{"file_id":"file-abc"}}]}]"#))
        #expect(file.param == "messages[0].content[0].type")
        #expect(file.message.contains("not supported"))
    }

    @Test("assistant messages: content, refusal, tool calls in order; empty content next to calls is dropped")
    func assistant() throws {
        let request = try decode(
            extra: "",
            messages: #"""
                [{"role":"user","content":"Weather?"},
                 {"role":"assistant","content":"","tool_calls":[
                   {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},
                   {"id":"call_2","function":{"name":"get_time","arguments":{"tz":"CET"}}},
                   {"id":"call_3","type":"function","function":{"name":"ping"}}]},
                 {"role":"assistant","content":[{"type":"text","text":"Part one. "},{"type":"refusal","refusal":"No."}]},
                 {"role":"assistant","content":null,"refusal":"I can't help with that."},
                 {"role":"assistant","content":""}]
                """#)
        #expect(
            request.turns == [
                Turn(role: .user, blocks: [.text("Weather?")]),
                Turn(
                    role: .assistant,
                    blocks: [
                        .toolCall(ToolCall(id: "call_1", name: "get_weather", arguments: #"{"city":"Paris"}"#)),
                        .toolCall(ToolCall(id: "call_2", name: "get_time", arguments: #"{"tz":"CET"}"#)),
                        .toolCall(ToolCall(id: "call_3", name: "ping", arguments: "{}")),
                    ]),
                Turn(role: .assistant, blocks: [.text("Part one. "), .text("No.")]),
                Turn(role: .assistant, blocks: [.text("I can't help with that.")]),
                Turn(role: .assistant, blocks: [.text("")]),
            ])
    }

    @Test(
        "malformed assistant messages are 400s",
        arguments: [
            (#"{"role":"assistant"}"#, "messages[0].content"),
            (#"{"role":"assistant","content":null,"tool_calls":[]}"#, "messages[0].content"),
            (#"{"role":"assistant","content":[{"type":"image_url","image_url":{"url":"https://a.test"}}]}"#, "messages[0].content[0].type"),
            (#"{"role":"assistant","tool_calls":[{"type":"function","function":{"name":"f"}}]}"#, "messages[0].tool_calls[0].id"),
            (#"{"role":"assistant","tool_calls":[{"id":"c","type":"function"}]}"#, "messages[0].tool_calls[0].function"),
            (#"{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"arguments":"{}"}}]}"#, "messages[0].tool_calls[0].function.name"),
            (#"{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":[1]}}]}"#, "messages[0].tool_calls[0].function.arguments"),
            (#"{"role":"assistant","tool_calls":[{"id":"c","type":"custom","custom":{"name":"f","input":"x"}}]}"#, "messages[0].tool_calls[0].type"),
            (#"{"role":"assistant","tool_calls":{"id":"c"}}"#, "messages[0].tool_calls"),
            (#"{"role":"assistant","tool_calls":["c"]}"#, "messages[0].tool_calls[0]"),
            (#"{"role":"assistant","content":null,"function_call":{"name":"f","arguments":"{}"}}"#, "messages[0].function_call"),
            (#"{"role":"assistant","content":"x","refusal":5}"#, "messages[0].refusal"),
        ])
    func malformedAssistant(message: String, param: String) throws {
        let error = try #require(try decodeError(extra: "", messages: "[\(message)]"))
        #expect(error.param == param)
        #expect(error.kind == .invalidRequest)
    }

    @Test("tool messages become results in one user turn with the user message that follows (§11.2)")
    func toolResultsMerge() throws {
        let request = try decode(
            extra: "",
            messages: #"""
                [{"role":"user","content":"Weather in Paris and Rome?"},
                 {"role":"assistant","content":null,"tool_calls":[
                   {"id":"call_A","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},
                   {"id":"call_B","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Rome\"}"}}]},
                 {"role":"tool","tool_call_id":"call_A","content":"18°C"},
                 {"role":"tool","tool_call_id":"call_B","content":[{"type":"text","text":"21°C"},{"type":"text","text":"sunny"}]},
                 {"role":"user","content":"And tomorrow?"},
                 {"role":"user","content":"Also Oslo."},
                 {"role":"tool","tool_call_id":"call_unknown","content":""}]
                """#)
        #expect(
            request.turns == [
                Turn(role: .user, blocks: [.text("Weather in Paris and Rome?")]),
                Turn(
                    role: .assistant,
                    blocks: [
                        .toolCall(ToolCall(id: "call_A", name: "get_weather", arguments: #"{"city":"Paris"}"#)),
                        .toolCall(ToolCall(id: "call_B", name: "get_weather", arguments: #"{"city":"Rome"}"#)),
                    ]),
                Turn(
                    role: .user,
                    blocks: [
                        .toolResult(ToolResult(callID: "call_A", name: "get_weather", content: [.text("18°C")])),
                        .toolResult(ToolResult(callID: "call_B", name: "get_weather", content: [.text("21°C"), .text("sunny")])),
                        .text("And tomorrow?"),
                    ]),
                Turn(role: .user, blocks: [.text("Also Oslo.")]),
                Turn(role: .user, blocks: [.toolResult(ToolResult(callID: "call_unknown", content: []))]),
            ])
    }

    @Test("a tool message needs its tool_call_id and content")
    func malformedTool() throws {
        let missingID = try #require(try decodeError(extra: "", messages: #"[{"role":"tool","content":"x"}]"#))
        #expect(missingID.param == "messages[0].tool_call_id")
        let missingContent = try #require(try decodeError(extra: "", messages: #"[{"role":"tool","tool_call_id":"c"}]"#))
        #expect(missingContent.param == "messages[0].content")
    }
}

@Suite("OpenAIChat.decodeRequest: parameters")
struct DecodeParametersTests {
    @Test("function tools with name, description, parameters and strict; parameters default to an empty object")
    func tools() throws {
        let request = try decode(
            extra: #"""
                "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},"strict":true}},
                         {"type":"function","function":{"name":"now"}}]
                """#)
        #expect(
            request.tools == [
                FunctionTool(
                    name: "get_weather", description: "Weather",
                    parameters: ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"]], strict: true),
                FunctionTool(name: "now"),
            ])
    }

    @Test(
        "bad tools are 400s; non-function tools are refused rather than dropped",
        arguments: [
            (#""tools":{}"#, "tools", "invalid_value"),
            (#""tools":[1]"#, "tools[0]", "invalid_value"),
            (#""tools":[{"function":{"name":"f"}}]"#, "tools[0].type", "missing_required_parameter"),
            (#""tools":[{"type":"web_search"}]"#, "tools[0].type", "unsupported_value"),
            (#""tools":[{"type":"custom","custom":{"name":"f"}}]"#, "tools[0].type", "unsupported_value"),
            (#""tools":[{"type":"function"}]"#, "tools[0].function", "missing_required_parameter"),
            (#""tools":[{"type":"function","function":{"description":"d"}}]"#, "tools[0].function.name", "missing_required_parameter"),
            (#""tools":[{"type":"function","function":{"name":""}}]"#, "tools[0].function.name", "invalid_value"),
            (#""tools":[{"type":"function","function":{"name":"f","parameters":"{}"}}]"#, "tools[0].function.parameters", "invalid_value"),
            (#""tools":[{"type":"function","function":{"name":"f","strict":"yes"}}]"#, "tools[0].function.strict", "invalid_value"),
            (#""functions":[{"name":"f"}]"#, "functions", "unsupported_value"),
            (#""function_call":"auto""#, "function_call", "unsupported_value"),
        ])
    func badTools(extra: String, param: String, code: String) throws {
        let error = try #require(try decodeError(extra: extra))
        #expect(error.param == param)
        #expect(error.code == code)
    }

    @Test(
        "tool_choice: auto, none, required, a named function",
        arguments: [
            (#""auto""#, ToolChoice.auto), (#""none""#, ToolChoice.none), (#""required""#, ToolChoice.required),
            (#"{"type":"function","function":{"name":"f"}}"#, ToolChoice.function("f")),
        ])
    func toolChoice(json: String, expected: ToolChoice) throws {
        let request = try decode(extra: #""tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":\#(json)"#)
        #expect(request.toolChoice == expected)
        #expect(try decode(extra: "").toolChoice == nil)
    }

    @Test("tool_choice allowed_tools narrows the tools and keeps its mode")
    func allowedTools() throws {
        let tools = #""tools":[{"type":"function","function":{"name":"a"}},{"type":"function","function":{"name":"b"}},{"type":"function","function":{"name":"c"}}]"#
        let request = try decode(
            extra: tools
                + #","tool_choice":{"type":"allowed_tools","allowed_tools":{"mode":"required","tools":[{"type":"function","function":{"name":"c"}},{"type":"function","function":{"name":"a"}}]}}"#
        )
        #expect(request.tools.map(\.name) == ["a", "c"])
        #expect(request.toolChoice == .required)
        let auto = try decode(extra: tools + #","tool_choice":{"type":"allowed_tools","allowed_tools":{"mode":"auto","tools":[{"type":"function","function":{"name":"b"}}]}}"#)
        #expect(auto.tools.map(\.name) == ["b"])
        #expect(auto.toolChoice == .auto)
    }

    @Test(
        "bad tool_choice values are 400s",
        arguments: [
            (#""tool_choice":"always""#, "tool_choice"),
            (#""tool_choice":3"#, "tool_choice"),
            (#""tool_choice":{"function":{"name":"f"}}"#, "tool_choice.type"),
            (#""tool_choice":{"type":"function"}"#, "tool_choice.function"),
            (#""tool_choice":{"type":"function","function":{}}"#, "tool_choice.function.name"),
            (#""tool_choice":{"type":"custom","custom":{"name":"f"}}"#, "tool_choice.type"),
            (#""tool_choice":{"type":"allowed_tools","allowed_tools":{"mode":"any","tools":[]}}"#, "tool_choice.allowed_tools.mode"),
        ])
    func badToolChoice(extra: String, param: String) throws {
        let error = try #require(try decodeError(extra: #""tools":[{"type":"function","function":{"name":"f"}}],"# + extra))
        #expect(error.param == param)
    }

    @Test(
        "response_format: text, json_object, json_schema",
        arguments: [
            (#"{"type":"text"}"#, ResponseFormat.text),
            (#"{"type":"json_object"}"#, ResponseFormat.jsonObject),
            (
                #"{"type":"json_schema","json_schema":{"name":"report","description":"dropped","schema":{"type":"object"},"strict":true}}"#,
                ResponseFormat.jsonSchema(name: "report", schema: ["type": "object"], strict: true)
            ),
            (#"{"type":"json_schema","json_schema":{"name":"r"}}"#, ResponseFormat.jsonSchema(name: "r", schema: [:], strict: nil)),
        ])
    func responseFormat(json: String, expected: ResponseFormat) throws {
        #expect(try decode(extra: #""response_format":\#(json)"#).responseFormat == expected)
    }

    @Test(
        "bad response formats are 400s",
        arguments: [
            (#""response_format":"json""#, "response_format"),
            (#""response_format":{}"#, "response_format.type"),
            (#""response_format":{"type":"yaml"}"#, "response_format.type"),
            (#""response_format":{"type":"json_schema"}"#, "response_format.json_schema"),
            (#""response_format":{"type":"json_schema","json_schema":{"schema":{}}}"#, "response_format.json_schema.name"),
            (#""response_format":{"type":"json_schema","json_schema":{"name":"r","schema":[]}}"#, "response_format.json_schema.schema"),
        ])
    func badResponseFormat(extra: String, param: String) throws {
        #expect(try decodeError(extra: extra)?.param == param)
    }

    @Test("sampling numbers keep their exact text; stop, n, logprobs, seed, penalties, user, parallel calls")
    func sampling() throws {
        let request = try decode(
            extra: #"""
                "temperature":0.70,"top_p":1e-1,"n":2,"stop":["END","\n\n"],"seed":12345678901234567890,
                "presence_penalty":-0.5,"frequency_penalty":0,"logprobs":true,"top_logprobs":3,"user":"u-42",
                "parallel_tool_calls":false,"logit_bias":{"50256":-100},"metadata":{"k":"v"},"store":true,"service_tier":"flex"
                """#)
        #expect(
            request.sampling
                == Sampling(
                    temperature: .number("0.70"), topP: .number("1e-1"), stop: ["END", "\n\n"], seed: .number("12345678901234567890"),
                    presencePenalty: .number("-0.5"), frequencyPenalty: .number("0"), choices: 2, logprobs: true, topLogprobs: 3))
        #expect(request.user == "u-42")
        #expect(request.parallelToolCalls == false)
        #expect(try decode(extra: #""stop":"||""#).sampling.stop == ["||"])
        #expect(try decode(extra: #""stop":null,"temperature":null,"n":null"#).sampling == Sampling())
    }

    @Test(
        "bad sampling values are 400s naming the field",
        arguments: [
            (#""temperature":"hot""#, "temperature"), (#""top_p":true"#, "top_p"), (#""seed":"1""#, "seed"),
            (#""presence_penalty":[]"#, "presence_penalty"), (#""frequency_penalty":{}"#, "frequency_penalty"),
            (#""n":0"#, "n"), (#""n":1.5"#, "n"), (#""n":"2""#, "n"), (#""n":129"#, "n"),
            (#""logprobs":1"#, "logprobs"), (#""top_logprobs":21"#, "top_logprobs"), (#""top_logprobs":-1"#, "top_logprobs"),
            (#""stop":5"#, "stop"), (#""stop":["a",5]"#, "stop[1]"), (#""user":7"#, "user"), (#""parallel_tool_calls":"no""#, "parallel_tool_calls"),
            (#""max_tokens":0"#, "max_tokens"), (#""max_tokens":"10""#, "max_tokens"), (#""max_tokens":10.5"#, "max_tokens"),
            (#""max_completion_tokens":-1"#, "max_completion_tokens"), (#""max_completion_tokens":2000000"#, "max_completion_tokens"),
            (#""reasoning_effort":3"#, "reasoning_effort"), (#""reasoning_effort":"""#, "reasoning_effort"),
            (#""stream":"yes""#, "stream"), (#""stream":true,"stream_options":true"#, "stream_options"),
            (#""stream":true,"stream_options":{"include_usage":"yes"}"#, "stream_options.include_usage"),
        ])
    func badSampling(extra: String, param: String) throws {
        let error = try #require(try decodeError(extra: extra))
        #expect(error.param == param)
        #expect(error.kind == .invalidRequest)
    }

    @Test("max_completion_tokens wins over max_tokens; either alone is the limit")
    func maxTokens() throws {
        #expect(try decode(extra: #""max_tokens":100,"max_completion_tokens":50"#).maxOutputTokens == 50)
        #expect(try decode(extra: #""max_tokens":100"#).maxOutputTokens == 100)
        #expect(try decode(extra: #""max_completion_tokens":1e3"#).maxOutputTokens == 1000)
        #expect(try decode(extra: #""max_tokens":null"#).maxOutputTokens == nil)
    }

    @Test("reasoning_effort: a level passes through, none disables")
    func reasoningEffort() throws {
        #expect(try decode(extra: #""reasoning_effort":"high""#).reasoning == .effort("high"))
        #expect(try decode(extra: #""reasoning_effort":"minimal""#).reasoning == .effort("minimal"))
        #expect(try decode(extra: #""reasoning_effort":"none""#).reasoning == .disabled)
        #expect(try decode(extra: "").reasoning == nil)
    }

    @Test("stream and include_usage; stream_options means nothing without a stream")
    func stream() throws {
        let streaming = try decode(extra: #""stream":true,"stream_options":{"include_usage":true,"include_obfuscation":false}"#)
        #expect(streaming.stream && streaming.includeUsage)
        let noUsage = try decode(extra: #""stream":true"#)
        #expect(noUsage.stream && !noUsage.includeUsage)
        let notStreaming = try decode(extra: #""stream":false,"stream_options":{"include_usage":true}"#)
        #expect(!notStreaming.stream && !notStreaming.includeUsage)
        #expect(try decode(extra: #""stream_options":"junk""#).stream == false)
    }

    @Test("unknown and untranslatable-but-harmless fields are ignored")
    func unknownFieldsIgnored() throws {
        let request = try decode(
            extra: #""modalities":["text"],"prediction":{"type":"content","content":"x"},"verbosity":"low","safety_identifier":"s","prompt_cache_key":"k","web_search_options":{},"future_field":[1,2,3]"#
        )
        #expect(request == ChatRequest(model: "acme/chat", turns: [Turn(role: .user, blocks: [.text("Hi")])]))
    }
}
