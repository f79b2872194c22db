import Conversation
import Dialects
import ResponsesCodec
import Testing
import TokModelCore

/// A request that must be refused with a 400 naming `param`, with `words` in its message.
struct Refusal: CustomStringConvertible, Sendable {
    var body: String
    var param: String
    var words: String
    var description: String { param + ": " + words }
}

@Suite("OpenAIResponses.decodeRequest: refusals")
struct DecodeRefusalTests {
    static let statefulAndUnsupported: [Refusal] = [
        Refusal(body: #"{"model":"m","input":"x","previous_response_id":"resp_1"}"#, param: "previous_response_id", words: "does not store responses"),
        Refusal(body: #"{"model":"m","input":"x","conversation":"conv_1"}"#, param: "conversation", words: "does not store conversations"),
        Refusal(body: #"{"model":"m","input":"x","prompt":{"id":"pmpt_1"}}"#, param: "prompt", words: "not supported"),
        Refusal(body: #"{"model":"m","input":"x","background":true}"#, param: "background", words: "background mode is not supported"),
        Refusal(body: #"{"model":"m","input":"x","tools":[{"type":"web_search"}]}"#, param: "tools[0].type", words: "'web_search' is not supported by this gateway"),
        Refusal(
            body: #"{"model":"m","input":"x","tools":[{"type":"function","name":"f"},{"type":"file_search","vector_store_ids":["vs_1"]}]}"#,
            param: "tools[1].type", words: "'file_search' is not supported by this gateway"),
        Refusal(
            body: #"{"model":"m","input":"x","tools":[{"type":"code_interpreter","container":{"type":"auto"}}]}"#, param: "tools[0].type",
            words: "'code_interpreter' is not supported by this gateway"),
        Refusal(
            body: #"{"model":"m","input":"x","tools":[{"type":"computer_use_preview","display_width":1024,"display_height":768,"environment":"browser"}]}"#,
            param: "tools[0].type", words: "'computer_use_preview' is not supported by this gateway"),
        Refusal(body: #"{"model":"m","input":"x","tools":[{"type":"mcp","server_label":"s"}]}"#, param: "tools[0].type", words: "not supported by this gateway"),
        Refusal(body: #"{"model":"m","input":"x","tools":[{"type":"custom","name":"c"}]}"#, param: "tools[0].type", words: "not supported by this gateway"),
        Refusal(body: #"{"model":"m","input":"x","tool_choice":{"type":"web_search_preview"}}"#, param: "tool_choice.type", words: "built-in tool"),
        Refusal(body: #"{"model":"m","input":"x","tool_choice":{"type":"allowed_tools","mode":"auto","tools":[]}}"#, param: "tool_choice.type", words: "allowed_tools"),
        Refusal(
            body: #"{"model":"m","input":[{"role":"user","content":[{"type":"input_image","file_id":"file-abc"}]}]}"#,
            param: "input[0].content[0].file_id", words: "Files API"),
        Refusal(
            body: #"{"model":"m","input":[{"role":"user","content":[{"type":"input_file","file_data":"data:application/pdf;base64,JVBER","filename":"a.pdf"}]}]}"#,
            param: "input[0].content[0].type", words: "input_file parts are not supported"),
        Refusal(
            body: #"{"model":"m","input":[{"role":"user","content":[{"type":"input_audio","input_audio":{"data":"UklG","format":"wav"}}]}]}"#,
            param: "input[0].content[0].type", words: "input_audio"),
        Refusal(body: #"{"model":"m","input":[{"type":"item_reference","id":"msg_1"}]}"#, param: "input[0].type", words: "item_reference"),
        Refusal(body: #"{"model":"m","input":[{"type":"web_search_call","id":"ws_1","status":"completed"}]}"#, param: "input[0].type", words: "'web_search_call'"),
    ]

    static let malformed: [Refusal] = [
        Refusal(body: #"{"input":"x"}"#, param: "model", words: "Missing required parameter"),
        Refusal(body: #"{"model":"","input":"x"}"#, param: "model", words: "non-empty"),
        Refusal(body: #"{"model":"m"}"#, param: "input", words: "Missing required parameter"),
        Refusal(body: #"{"model":"m","input":[]}"#, param: "input", words: "at least one"),
        Refusal(body: #"{"model":"m","input":""}"#, param: "input", words: "at least one"),
        Refusal(body: #"{"model":"m","input":[{"type":"reasoning","summary":[]}]}"#, param: "input", words: "at least one"),
        Refusal(body: #"{"model":"m","input":42}"#, param: "input", words: "string or an array"),
        Refusal(body: #"{"model":"m","input":["hi"]}"#, param: "input[0]", words: "object"),
        Refusal(body: #"{"model":"m","input":[{"content":"hi"}]}"#, param: "input[0].type", words: "Missing"),
        Refusal(body: #"{"model":"m","input":[{"role":"tool","content":"hi"}]}"#, param: "input[0].role", words: "'user'"),
        Refusal(body: #"{"model":"m","input":[{"role":"user"}]}"#, param: "input[0].content", words: "Missing"),
        Refusal(
            body: #"{"model":"m","input":[{"role":"assistant","content":[{"type":"input_image","image_url":"https://e.com/a.png"}]}]}"#,
            param: "input[0].content[0].type", words: "images are only accepted"),
        Refusal(
            body: #"{"model":"m","input":[{"role":"user","content":[{"type":"input_image","image_url":"data:image/png,iVBOR"}]}]}"#,
            param: "input[0].content[0].image_url", words: "data:<media type>;base64,<data>"),
        Refusal(
            body: #"{"model":"m","input":[{"role":"user","content":[{"type":"input_image","image_url":"ftp://e.com/a.png"}]}]}"#,
            param: "input[0].content[0].image_url", words: "http(s) URL"),
        Refusal(body: #"{"model":"m","input":[{"role":"user","content":[{"type":"video"}]}]}"#, param: "input[0].content[0].type", words: "unknown"),
        Refusal(body: #"{"model":"m","input":[{"type":"function_call","name":"f","arguments":"{}"}]}"#, param: "input[0].call_id", words: "Missing"),
        Refusal(body: #"{"model":"m","input":[{"type":"function_call","call_id":"c","arguments":"{}"}]}"#, param: "input[0].name", words: "Missing"),
        Refusal(body: #"{"model":"m","input":[{"type":"function_call","call_id":"c","name":"f","arguments":{}}]}"#, param: "input[0].arguments", words: "string"),
        Refusal(body: #"{"model":"m","input":[{"type":"function_call_output","call_id":"c"}]}"#, param: "input[0].output", words: "Missing"),
        Refusal(body: #"{"model":"m","input":[{"type":"function_call_output","call_id":"c","output":7}]}"#, param: "input[0].output", words: "string or an array"),
        Refusal(body: #"{"model":"m","input":"x","instructions":["a"]}"#, param: "instructions", words: "string"),
        Refusal(body: #"{"model":"m","input":"x","temperature":2.5}"#, param: "temperature", words: "from 0 to 2"),
        Refusal(body: #"{"model":"m","input":"x","temperature":"hot"}"#, param: "temperature", words: "number"),
        Refusal(body: #"{"model":"m","input":"x","top_p":1.5}"#, param: "top_p", words: "from 0 to 1"),
        Refusal(body: #"{"model":"m","input":"x","max_output_tokens":0}"#, param: "max_output_tokens", words: "positive integer"),
        Refusal(body: #"{"model":"m","input":"x","max_output_tokens":12.5}"#, param: "max_output_tokens", words: "positive integer"),
        Refusal(body: #"{"model":"m","input":"x","stream":"yes"}"#, param: "stream", words: "boolean"),
        Refusal(body: #"{"model":"m","input":"x","parallel_tool_calls":1}"#, param: "parallel_tool_calls", words: "boolean"),
        Refusal(body: #"{"model":"m","input":"x","store":"no"}"#, param: "store", words: "boolean"),
        Refusal(body: #"{"model":"m","input":"x","metadata":[1]}"#, param: "metadata", words: "object"),
        Refusal(body: #"{"model":"m","input":"x","truncation":"middle"}"#, param: "truncation", words: "'auto' or 'disabled'"),
        Refusal(body: #"{"model":"m","input":"x","tools":{"type":"function"}}"#, param: "tools", words: "array"),
        Refusal(body: #"{"model":"m","input":"x","tools":[{"type":"function"}]}"#, param: "tools[0].name", words: "Missing"),
        Refusal(body: #"{"model":"m","input":"x","tools":[{"type":"function","name":"f","parameters":"{}"}]}"#, param: "tools[0].parameters", words: "object"),
        Refusal(body: #"{"model":"m","input":"x","tool_choice":"any"}"#, param: "tool_choice", words: "'any'"),
        Refusal(body: #"{"model":"m","input":"x","tool_choice":{"type":"function"}}"#, param: "tool_choice.name", words: "Missing"),
        Refusal(body: #"{"model":"m","input":"x","text":{"format":{"type":"xml"}}}"#, param: "text.format.type", words: "'xml'"),
        Refusal(body: #"{"model":"m","input":"x","text":{"format":{"type":"json_schema","schema":{}}}}"#, param: "text.format.name", words: "Missing"),
        Refusal(body: #"{"model":"m","input":"x","text":{"format":{"type":"json_schema","name":"n"}}}"#, param: "text.format.schema", words: "Missing"),
        Refusal(body: #"{"model":"m","input":"x","reasoning":{"effort":5}}"#, param: "reasoning.effort", words: "string"),
        Refusal(body: #"["not an object"]"#, param: "body", words: "object"),
    ]

    @Test("stateful features, built-in tools and unsupported parts are refused clearly", arguments: statefulAndUnsupported)
    func unsupported(_ refusal: Refusal) throws {
        let error = try #require(try decodeError(refusal.body))
        #expect(error.kind == .invalidRequest)
        #expect(error.status == 400)
        #expect(error.param == refusal.param)
        #expect(error.code == "unsupported_parameter")
        #expect(error.message.contains(refusal.words), "\(error.message)")
    }

    @Test("malformed input is a 400 naming the field", arguments: malformed)
    func invalid(_ refusal: Refusal) throws {
        let error = try #require(try decodeError(refusal.body))
        #expect(error.kind == .invalidRequest)
        #expect(error.param == refusal.param)
        #expect(error.message.contains(refusal.words), "\(error.message)")
    }

    @Test("store: true, truncation and metadata are accepted")
    func acceptedAndIgnored() throws {
        #expect(try decodeError(#"{"model":"m","input":"x","store":true,"truncation":"disabled","metadata":{"a":"b"},"background":null}"#) == nil)
    }
}
