import AnthropicCodec
import Conversation
import Dialects
import Testing
import TokModelCore

private func user(_ blocks: ContentBlock...) -> Turn { Turn(role: .user, blocks: blocks) }
private func assistant(_ blocks: ContentBlock...) -> Turn { Turn(role: .assistant, blocks: blocks) }

/// The `messages` array sent upstream for `turns`, as compact JSON text.
private func messages(_ turns: [Turn]) throws -> String {
    let body = try AnthropicMessages.encodeRequest(ChatRequest(model: "m", turns: turns, maxOutputTokens: 10), upstreamModel: "u")
    return JSONWriter.string(try #require(body["messages"]))
}

private func call(_ id: String, _ name: String, _ arguments: String) -> ContentBlock {
    .toolCall(ToolCall(id: id, name: name, arguments: arguments))
}

private func call(_ id: String, _ arguments: String) -> ContentBlock { call(id, "f", arguments) }

@Suite("encodeRequest: messages")
struct EncodeMessagesTests {
    @Test("an OpenAI-shaped history: tool results folded with the next user text, results first, roles alternating")
    func openAIHistory() throws {
        let turns = [
            user(.text("Weather in Paris and Tokyo?")),
            assistant(.text(""), call("call_1", "get_weather", #"{"city":"Paris"}"#), call("call_2", "get_weather", #"{"city":"Tokyo"}"#)),
            user(.toolResult(ToolResult(callID: "call_1", content: [.text("18°C")]))),
            user(.toolResult(ToolResult(callID: "call_2", content: [.text("25°C")]))),
            user(.text("Which is warmer?")),
        ]
        let expected = #"""
            [{"role":"user","content":[{"type":"text","text":"Weather in Paris and Tokyo?"}]},
             {"role":"assistant","content":[
               {"type":"tool_use","id":"call_1","name":"get_weather","input":{"city":"Paris"}},
               {"type":"tool_use","id":"call_2","name":"get_weather","input":{"city":"Tokyo"}}]},
             {"role":"user","content":[
               {"type":"tool_result","tool_use_id":"call_1","content":[{"type":"text","text":"18°C"}]},
               {"type":"tool_result","tool_use_id":"call_2","content":[{"type":"text","text":"25°C"}]},
               {"type":"text","text":"Which is warmer?"}]}]
            """#
        let sent = try messages(turns)
        #expect(sent == (try compact(expected)))
    }

    @Test("tool results move before text in a merged user turn")
    func resultsFirst() throws {
        let turns = [
            user(.text("Go")), assistant(call("a", "{}")),
            user(.text("Also note this."), .image(.url("https://x/i.png", detail: "high"))),
            user(.toolResult(ToolResult(callID: "a", content: [], isError: true))),
        ]
        let expected = #"""
            [{"role":"user","content":[{"type":"text","text":"Go"}]},
             {"role":"assistant","content":[{"type":"tool_use","id":"a","name":"f","input":{}}]},
             {"role":"user","content":[
               {"type":"tool_result","tool_use_id":"a","is_error":true},
               {"type":"text","text":"Also note this."},
               {"type":"image","source":{"type":"url","url":"https://x/i.png"}}]}]
            """#
        let sent = try messages(turns)
        #expect(sent == (try compact(expected)))
    }

    @Test("a conversation starting with the assistant gets a user turn first; empty turns vanish and their neighbours merge")
    func leadingAssistant() throws {
        let turns = [assistant(.text("I am ready.")), user(.text("  ")), assistant(.text("Still here.")), user(.text("Hi"))]
        let expected = #"""
            [{"role":"user","content":[{"type":"text","text":"."}]},
             {"role":"assistant","content":[{"type":"text","text":"I am ready."},{"type":"text","text":"Still here."}]},
             {"role":"user","content":[{"type":"text","text":"Hi"}]}]
            """#
        let sent = try messages(turns)
        #expect(sent == (try compact(expected)))
    }

    @Test("a final assistant prefill loses its trailing whitespace, and a blank final text block goes")
    func prefill() throws {
        #expect(
            try messages([user(.text("Hi")), assistant(.text("The answer is: \n"))])
                == compact(#"[{"role":"user","content":[{"type":"text","text":"Hi"}]},{"role":"assistant","content":[{"type":"text","text":"The answer is:"}]}]"#))
        // Whitespace inside earlier turns is the client's business and stays.
        #expect(
            try messages([user(.text("Hi ")), assistant(.text("Yes ")), user(.text("More"))])
                == compact(
                    #"[{"role":"user","content":[{"type":"text","text":"Hi "}]},{"role":"assistant","content":[{"type":"text","text":"Yes "}]},{"role":"user","content":[{"type":"text","text":"More"}]}]"#
                ))
    }

    @Test("tool-call arguments become input objects, whatever the text", arguments: [
        (#"{"b":1,"a":[1.0,2]}"#, #"{"b":1,"a":[1.0,2]}"#),
        ("", "{}"),
        ("  \n", "{}"),
        ("[1,2]", #"{"value":[1,2]}"#),
        ("42", #"{"value":42}"#),
        (#""text""#, #"{"value":"text"}"#),
        (#"{"city": "Par"#, #"{"_raw":"{\"city\": \"Par"}"#),
        ("not json", #"{"_raw":"not json"}"#),
    ])
    func arguments(_ arguments: String, _ input: String) throws {
        let sent = try messages([user(.text("x")), assistant(call("c", arguments))])
        #expect(sent.contains(#""input":"# + input + "}"))
    }

    @Test("ids Anthropic rejects are sanitised the same way in tool_use and tool_result")
    func toolIDs() throws {
        let turns = [
            user(.text("x")), assistant(call("functions.Bash:0", "{}"), call("functions.Bash_0", "{}"), call("", "{}")),
            user(
                .toolResult(ToolResult(callID: "functions.Bash:0", content: [.text("ok")])),
                .toolResult(ToolResult(callID: "functions.Bash_0", content: [.text("ok")])),
                .toolResult(ToolResult(callID: "", content: [.text("ok")]))),
        ]
        let body = try AnthropicMessages.encodeRequest(ChatRequest(model: "m", turns: turns), upstreamModel: "u")
        let sent = try #require(body["messages"]?.arrayValue)
        let useIDs = try #require(sent[1]["content"]?.arrayValue).compactMap { $0["id"]?.stringValue }
        let resultIDs = try #require(sent[2]["content"]?.arrayValue).compactMap { $0["tool_use_id"]?.stringValue }
        #expect(useIDs == resultIDs)
        #expect(useIDs.allSatisfy(isAnthropicID))
        #expect(useIDs[0] != "functions_Bash_0" && useIDs[0].hasPrefix("functions_Bash_0_"))
        #expect(useIDs[1].hasPrefix("functions_Bash_0_"))
        #expect(useIDs[2] == "toolu_empty")
        #expect(Set(useIDs).count == 3)
    }

    @Test("thinking: signed and redacted blocks go back as they came; unsigned thinking and thinking in user turns do not")
    func thinking() throws {
        let turns = [
            user(.text("x"), .thinking(Thinking(text: "user-side", signature: "s"))),
            assistant(
                .thinking(Thinking(text: "signed", signature: "sig")), .thinking(Thinking(text: "", redactedData: "opaque")),
                .thinking(Thinking(text: "from another provider")), .text("Answer")),
            user(.text("y")),
        ]
        let expected = #"""
            [{"role":"user","content":[{"type":"text","text":"x"}]},
             {"role":"assistant","content":[
               {"type":"thinking","thinking":"signed","signature":"sig"},
               {"type":"redacted_thinking","data":"opaque"},
               {"type":"text","text":"Answer"}]},
             {"role":"user","content":[{"type":"text","text":"y"}]}]
            """#
        let sent = try messages(turns)
        #expect(sent == (try compact(expected)))
    }

    @Test("images: URLs, data URLs split into base64, base64; image/jpg normalised")
    func images() throws {
        let turns = [
            user(
                .image(.url("https://example.com/a.png", detail: "low")), .image(.url("data:image/png;base64,iVBORw0KGgo=", detail: nil)),
                .image(.url("data:image/jpeg;name=x.jpg;base64,/9j/4AAQ", detail: nil)), .image(.base64(mediaType: "image/jpg", data: "/9j/")))
        ]
        let expected = #"""
            [{"role":"user","content":[
              {"type":"image","source":{"type":"url","url":"https://example.com/a.png"}},
              {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},
              {"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"/9j/4AAQ"}},
              {"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"/9j/"}}]}]
            """#
        let sent = try messages(turns)
        #expect(sent == (try compact(expected)))
    }

    @Test("images Anthropic cannot take are refused with a clear error", arguments: [
        ImageSource.base64(mediaType: "image/heic", data: "AAAA"), .url("data:image/bmp;base64,Qk0=", detail: nil), .url("data:text/plain,hello", detail: nil),
    ])
    func badImages(_ source: ImageSource) throws {
        let error = gatewayError { () throws(GatewayError) in
            try AnthropicMessages.encodeRequest(ChatRequest(model: "m", turns: [user(.image(source))]), upstreamModel: "u")
        }
        #expect(error?.kind == .invalidRequest)
        #expect(error?.param == "messages")
    }

    @Test("tool results keep text and images only; blank text and empty content are left out")
    func toolResultContent() throws {
        let turns = [
            user(.text("x")), assistant(call("a", "{}")),
            user(.toolResult(ToolResult(callID: "a", content: [.text(""), .image(.base64(mediaType: "image/gif", data: "R0lG")), call("z", "{}")]))),
        ]
        #expect(
            try messages(turns).hasSuffix(
                #"{"role":"user","content":[{"type":"tool_result","tool_use_id":"a","content":[{"type":"image","source":{"type":"base64","media_type":"image/gif","data":"R0lG"}}]}]}]"#))
    }

    @Test("a conversation with nothing to send is refused")
    func empty() throws {
        for turns in [[], [user(.text(""))], [assistant(.text(" "))]] {
            let error = gatewayError { () throws(GatewayError) in try AnthropicMessages.encodeRequest(ChatRequest(model: "m", turns: turns), upstreamModel: "u") }
            #expect(error?.param == "messages")
        }
    }
}
