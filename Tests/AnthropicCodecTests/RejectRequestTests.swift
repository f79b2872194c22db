import AnthropicCodec
import Conversation
import Dialects
import Testing
import TokModelCore

/// Bad or untranslatable client input is a 400 naming the field, never a crash and never a silent drop.
@Suite("decodeRequest: refusals")
struct RejectRequestTests {
    @Test("max_tokens is required, as Anthropic requires it")
    func missingMaxTokens() throws {
        let error = try decodeError(#"{"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"Hi"}]}"#)
        #expect(error.kind == .invalidRequest)
        #expect(error.status == 400)
        #expect(error.param == "max_tokens")
        #expect(error.message.contains("max_tokens"))
        #expect(try decodeError(#"{"model":"m","max_tokens":null,"messages":[{"role":"user","content":"Hi"}]}"#).param == "max_tokens")
    }

    @Test("invalid values name their field", arguments: [
        (#"[]"#, nil as String?),
        (#"{"max_tokens":1,"messages":[{"role":"user","content":"x"}]}"#, "model"),
        (#"{"model":"","max_tokens":1,"messages":[{"role":"user","content":"x"}]}"#, "model"),
        (#"{"model":"m","max_tokens":"1024","messages":[{"role":"user","content":"x"}]}"#, "max_tokens"),
        (#"{"model":"m","max_tokens":10.5,"messages":[{"role":"user","content":"x"}]}"#, "max_tokens"),
        (#"{"model":"m","max_tokens":0,"messages":[{"role":"user","content":"x"}]}"#, "max_tokens"),
        (#"{"model":"m","max_tokens":-5,"messages":[{"role":"user","content":"x"}]}"#, "max_tokens"),
        (#"{"model":"m","max_tokens":1}"#, "messages"),
        (#"{"model":"m","max_tokens":1,"messages":[]}"#, "messages"),
        (#"{"model":"m","max_tokens":1,"messages":{}}"#, "messages"),
        (#"{"model":"m","max_tokens":1,"messages":["hi"]}"#, "messages[0]"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"system","content":"x"}]}"#, "messages[0].role"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user"}]}"#, "messages[0].content"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":7}]}"#, "messages[0].content"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":[{"text":"x"}]}]}"#, "messages[0].content[0].type"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":[{"type":"text"}]}]}"#, "messages[0].content[0].text"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/bmp","data":"Qk0="}}]}]}"#,
         "messages[0].content[0].source.media_type"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":[{"type":"image","source":{"type":"file","file_id":"file_1"}}]}]}"#,
         "messages[0].content[0].source.type"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":[{"type":"tool_use","id":"a","name":"f","input":{}}]}]}"#,
         "messages[0].content[0].type"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"assistant","content":[{"type":"tool_result","tool_use_id":"a"}]}]}"#,
         "messages[0].content[0].type"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"assistant","content":[{"type":"tool_use","id":"a","name":"f","input":"{}"}]}]}"#,
         "messages[0].content[0].input"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"assistant","content":[{"type":"tool_use","id":"a","name":"f"}]}]}"#,
         "messages[0].content[0].input"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"a","content":[{"type":"document","source":{}}]}]}]}"#,
         "messages[0].content[0].content[0].type"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"a","is_error":"yes"}]}]}"#,
         "messages[0].content[0].is_error"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"system":[{"type":"image"}]}"#, "system[0].type"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"system":5}"#, "system"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"temperature":1.5}"#, "temperature"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"temperature":"hot"}"#, "temperature"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"top_p":-0.1}"#, "top_p"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"top_k":-1}"#, "top_k"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"top_k":2.5}"#, "top_k"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"stop_sequences":"END"}"#, "stop_sequences"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"stop_sequences":["a",1]}"#, "stop_sequences[1]"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"stream":"true"}"#, "stream"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"metadata":{"user_id":42}}"#, "metadata.user_id"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"tools":[{"description":"no name","input_schema":{}}]}"#, "tools[0].name"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"tools":[{"name":"f"}]}"#, "tools[0].input_schema"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"tools":[{"name":"f","input_schema":"object"}]}"#, "tools[0].input_schema"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"tool_choice":"auto"}"#, "tool_choice"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"tool_choice":{"type":"required"}}"#, "tool_choice.type"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"tool_choice":{"type":"tool"}}"#, "tool_choice.name"),
        (#"{"model":"m","max_tokens":2000,"messages":[{"role":"user","content":"x"}],"thinking":{"type":"enabled"}}"#, "thinking.budget_tokens"),
        (#"{"model":"m","max_tokens":2000,"messages":[{"role":"user","content":"x"}],"thinking":{"type":"enabled","budget_tokens":512}}"#,
         "thinking.budget_tokens"),
        (#"{"model":"m","max_tokens":2000,"messages":[{"role":"user","content":"x"}],"thinking":{"type":"enabled","budget_tokens":2000}}"#,
         "thinking.budget_tokens"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"thinking":{"type":"sometimes"}}"#, "thinking.type"),
        (#"{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}],"output_config":{"format":{"type":"xml"}}}"#, "output_config.format.type"),
    ])
    func invalid(_ body: String, _ param: String?) throws {
        let error = try decodeError(body)
        #expect(error.kind == .invalidRequest)
        #expect(error.param == param)
        if let param { #expect(error.message.contains(param)) }
    }

    @Test("document blocks are refused clearly")
    func documents() throws {
        let error = try decodeError(
            requestBody(
                messages: #"[{"role":"user","content":[{"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0="}}]}]"#))
        #expect(error.kind == .invalidRequest)
        #expect(error.param == "messages[0].content[0].type")
        #expect(error.message.contains("Document blocks are not supported"))
    }

    @Test("server tools are refused, naming the tool type")
    func serverTools() throws {
        let error = try decodeError(requestBody(#""tools":[{"type":"web_search_20250305","name":"web_search","max_uses":5}]"#))
        #expect(error.kind == .invalidRequest)
        #expect(error.param == "tools[0].type")
        #expect(error.message.contains("web_search_20250305"))
        // `type: "custom"` is an ordinary client tool.
        let custom = try decodeRequest(requestBody(#""tools":[{"type":"custom","name":"f","input_schema":{"type":"object"}}]"#))
        #expect(custom.tools.map(\.name) == ["f"])
    }

    @Test("unknown and server-side content blocks are refused, naming the type")
    func unknownBlocks() throws {
        for type in ["server_tool_use", "web_search_tool_result", "search_result", "brand_new_block"] {
            let error = try decodeError(requestBody(messages: #"[{"role":"assistant","content":[{"type":"\#(type)","id":"x"}]}]"#))
            #expect(error.param == "messages[0].content[0].type")
            #expect(error.message.contains(type))
        }
    }
}
