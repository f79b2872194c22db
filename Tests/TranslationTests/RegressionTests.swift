import AnthropicCodec
import Conversation
import Dialects
import GeminiCodec
import OpenAIChatCodec
import ResponsesCodec
import Testing
import TokModelCore

/// Translation bugs the golden transcripts found, pinned now that the codecs are fixed: each test states the
/// behaviour wire-formats.md asks for and names the bug it guards against (they were `withKnownIssue` cases
/// before the fixes). Next to them, guard tests for the cases that always worked, so that a fix cannot be a
/// blanket change (e.g. thinking turned off everywhere).
@Suite("Regression tests: translation bugs fixed")
struct RegressionTests {
    // MARK: Gemini thought signatures (§11.6 rule 5, §11.18 #12)

    /// The signature Gemini put on the first of the two calls (`GeminiProviderFixtures`, parallelTools and
    /// toolCalls); Gemini 3 answers 400 when the next request does not carry it on the same functionCall part.
    static let signature = "CiQBcsjafE1+Zk/8Q/vv"
    /// The same signature as it rides in a tool-call id: base64url without padding (`+` → `-`, `/` → `_`).
    static let signatureInID = "CiQBcsjafE1-Zk_8Q_vv"

    /// Bug: the signature rode in the streamed call's id as standard base64, and the Anthropic stream writer
    /// sanitised the `+` and `/` away (`…__thought__CiQBcsjafE1_Zk_8Q_vv_c6c6b398`), so an Anthropic client's next
    /// request gave Gemini "CiQBcsjafE1_Zk_8Q_vv_c6c6b398" as the thoughtSignature. Fixed by writing the
    /// signature in base64url without padding (`GeminiSignedCallID`), which every client keeps as it is.
    @Test("streamed Gemini calls: every client gets the signed id intact and Gemini gets its signature back", arguments: Client.allCases)
    func signatureAfterStream(client: Client) throws {
        let output = translate(Provider.gemini.stream(.parallelTools), from: .gemini, to: client).bytes
        let calls = try clientCalls(client, stream: output)
        #expect(calls.map(\.id) == ["call_x3OvaK2aBr2Oz7IP9sK5oQk_0__thought__" + Self.signatureInID, "call_x3OvaK2aBr2Oz7IP9sK5oQk_1"])
        #expect(calls.allSatisfy { isValidAnthropicID($0.id) }, "\(calls.map(\.id))")
        try expectSignedCalls(followUp(client, calls), ids: ["call_x3OvaK2aBr2Oz7IP9sK5oQk_0", "call_x3OvaK2aBr2Oz7IP9sK5oQk_1"])
    }

    /// Bug: GeminiResponseDecoder kept a whole answer's signature only in `ToolCall.thoughtSignature`, which no
    /// client encoder can show, so the client's next request had no signature: Gemini got
    /// `functionCall {id: call_Nt2…_0}` without thoughtSignature. Fixed by putting it in the id, as streams do.
    @Test("non-streamed Gemini calls: every client gets the signed id and Gemini gets its signature back", arguments: Client.allCases)
    func signatureAfterResponse(client: Client) throws {
        let answer = try Provider.gemini.decodeResponse(try json(Provider.gemini.response(.toolCalls)))
        let calls = try clientCalls(client, response: client.encodeResponse(answer))
        #expect(calls.map(\.id) == ["call_Nt2vaRe9Af6Oz7IPt5wK7Ie_0__thought__" + Self.signatureInID, "call_Nt2vaRe9Af6Oz7IPt5wK7Ie_1"])
        try expectSignedCalls(followUp(client, calls), ids: ["call_Nt2vaRe9Af6Oz7IPt5wK7Ie_0", "call_Nt2vaRe9Af6Oz7IPt5wK7Ie_1"])
    }

    // MARK: Tool calls without arguments (§11.18 #6, #7)

    /// Anthropic streams a call to a function without parameters as `input: {}` and one empty `input_json_delta`.
    static let noArgumentCall = namedSSE([
        (
            "message_start",
            #"{"type":"message_start","message":{"id":"msg_01NoArgs","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":30,"output_tokens":1}}}"#
        ),
        ("content_block_start", #"{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_01Now","name":"get_time","input":{}}}"#),
        ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":""}}"#),
        ("content_block_stop", #"{"type":"content_block_stop","index":0}"#),
        ("message_delta", #"{"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":12}}"#),
        ("message_stop", #"{"type":"message_stop"}"#),
    ])

    /// Bug: OpenAIChat.StreamWriter wrote the call's first fragment with arguments "" and, the provider having
    /// sent no argument text, nothing after it: the OpenAI client accumulated arguments "" (json.loads fails)
    /// where OpenAI itself sends "{}". Fixed by an `arguments: "{}"` delta when such a call's block closes.
    @Test("a streamed call without arguments reaches every client as the object {}", arguments: Client.allCases)
    func callWithoutArguments(client: Client) throws {
        let output = translate(Self.noArgumentCall, from: .anthropic, to: client).bytes
        let calls = try clientCalls(client, stream: output)
        #expect(calls.map(\.id) == ["toolu_01Now"])
        #expect(calls.map(\.arguments) == ["{}"])
        if client == .chat { #expect(parseChatStream(output).violations == []) }
    }

    /// Guard: the non-streamed encoders always wrote "{}" for a call without arguments.
    @Test("a non-streamed call without arguments reaches every client as the object {}", arguments: Client.allCases)
    func responseCallWithoutArguments(client: Client) throws {
        let answer = try Provider.anthropic.decodeResponse(
            try json(
                #"""
                {"id":"msg_01NoArgs","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[{"type":"tool_use","id":"toolu_01Now","name":"get_time","input":{}}],
                 "stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":30,"output_tokens":12}}
                """#))
        let calls = try clientCalls(client, response: client.encodeResponse(answer))
        #expect(calls.map(\.id) == ["toolu_01Now"])
        #expect(calls.map(\.arguments) == ["{}"])
    }

    // MARK: Anthropic thinking in a tool loop (§11.11, §11.18 #13)

    /// Bug: AnthropicMessages.encodeRequest sent `thinking {type: enabled, budget_tokens: 16384}` although the
    /// assistant tool-use turn being answered had no thinking block (a Chat client cannot replay one); Anthropic
    /// answers 400 "a final `assistant` message must start with a thinking block". Fixed in `ThinkingPlan`:
    /// thinking stays off for such a request.
    @Test("reasoning asked by a Chat client in a tool loop: Anthropic gets a request it accepts, without thinking")
    func thinkingInToolLoop() throws {
        let body = try AnthropicMessages.encodeRequest(
            try OpenAIChat.decodeRequest(
                try json(
                    #"""
                    {"model":"acme/chat","max_completion_tokens":20000,"reasoning_effort":"high","messages":[
                      {"role":"user","content":"Weather in Paris?"},
                      {"role":"assistant","content":null,"tool_calls":[{"id":"call_A","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},
                      {"role":"tool","tool_call_id":"call_A","content":"18°C"}],
                     "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}]}
                    """#)), upstreamModel: "claude-sonnet-4-5")
        #expect(body["thinking"] == nil)
        #expect(anthropicRuleViolations(body) == [])
    }

    /// Guard: the fix must not turn thinking off outside a tool loop.
    @Test("reasoning asked outside a tool loop still turns Anthropic thinking on")
    func thinkingOutsideToolLoop() throws {
        let body = try AnthropicMessages.encodeRequest(
            try OpenAIChat.decodeRequest(
                try json(#"{"model":"acme/chat","max_completion_tokens":20000,"reasoning_effort":"high","messages":[{"role":"user","content":"Why?"}]}"#)),
            upstreamModel: "claude-sonnet-4-5")
        #expect(body["thinking"] == ["type": "enabled", "budget_tokens": 16384])
        #expect(anthropicRuleViolations(body) == [])
    }

    /// Bug: Gemini's thought signature became the `signature` of the thinking block an Anthropic client saw;
    /// the client gave the block back verbatim, and when its next request went to an Anthropic model the
    /// gateway replayed Gemini's signature as Anthropic's (Anthropic answers 400 "invalid signature"), with
    /// thinking on because the tool-use turn seemed to start with signed thinking. Fixed by marking Gemini's
    /// signatures (`ThinkingSignatures.geminiMarker`): the block is left out for Anthropic, and thinking stays
    /// off in that tool loop as for any history without Anthropic's thinking.
    @Test("Gemini-signed thinking given back by a Messages client never reaches Anthropic as Anthropic's")
    func geminiThinkingSignatureNeverReachesAnthropic() throws {
        let gemini = try json(
            #"""
            {"responseId":"Gs1gn","modelVersion":"gemini-2.5-pro","candidates":[{"index":0,"finishReason":"STOP","content":{"role":"model","parts":[
              {"text":"Call the tool.","thought":true,"thoughtSignature":"CiQBcsjafE1+Zk/8Q/vv"},
              {"functionCall":{"name":"get_weather","args":{"city":"Paris"}}}]}}],
             "usageMetadata":{"promptTokenCount":20,"candidatesTokenCount":8,"thoughtsTokenCount":12,"totalTokenCount":40}}
            """#)
        let answer = try Client.messages.encodeResponse(Provider.gemini.decodeResponse(gemini))
        let blocks = answer["content"]?.arrayValue ?? []
        let thinking = try #require(blocks.first { $0["type"] == "thinking" })
        let signature = try #require(thinking["signature"]?.stringValue)
        #expect(signature == ThinkingSignatures.geminiMarker + "CiQBcsjafE1+Zk/8Q/vv")
        let use = try #require(blocks.first { $0["type"] == "tool_use" })

        // The client's next request: its history verbatim, thinking asked, to an Anthropic model.
        let request = try AnthropicMessages.decodeRequest(
            try json(
                #"""
                {"model":"acme/claude","max_tokens":20000,"thinking":{"type":"enabled","budget_tokens":16384},"messages":[
                  {"role":"user","content":"Weather in Paris?"},
                  {"role":"assistant","content":[\#(JSONWriter.string(thinking)),\#(JSONWriter.string(use))]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":\#(JSONWriter.string(use["id"] ?? "")),"content":"18°C"}]}],
                 "tools":[{"name":"get_weather","input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}]}
                """#))
        let body = try AnthropicMessages.encodeRequest(request, upstreamModel: "claude-sonnet-4-5")
        #expect(!JSONWriter.string(body).contains(ThinkingSignatures.geminiMarker))
        #expect(body["messages"]?[1]?["content"]?[0]?["type"] == "tool_use")
        #expect(body["thinking"] == nil)
        #expect(anthropicRuleViolations(body) == [])

        // The marker is TokModel's own: it never reaches Gemini either.
        let toGemini = try Provider.gemini.encodeRequest(request, upstreamModel: "gemini-2.5-pro")
        #expect(!JSONWriter.string(toGemini).contains(ThinkingSignatures.geminiMarker))
        #expect(geminiRuleViolations(toGemini) == [])
    }

    /// Bug: the thinking rule looked at the last assistant turn as the client sent it, but consecutive
    /// assistant turns are merged into one Anthropic message; a text turn followed by a turn that starts with
    /// signed thinking and calls a tool became one message starting with text, and thinking was switched on
    /// anyway (Anthropic: "a final `assistant` message must start with a thinking block"). Fixed by deciding on
    /// the messages as encoded. The other way round, a merged message that starts with signed thinking now
    /// keeps thinking on.
    @Test("the thinking rule applies to assistant turns as merged for Anthropic")
    func thinkingRuleOnMergedTurns() throws {
        func encode(_ assistantTurns: String) throws -> JSONValue {
            try AnthropicMessages.encodeRequest(
                try AnthropicMessages.decodeRequest(
                    try json(
                        #"""
                        {"model":"acme/claude","max_tokens":20000,"thinking":{"type":"enabled","budget_tokens":16384},"messages":[
                          {"role":"user","content":"Weather in Paris?"},
                          \#(assistantTurns),
                          {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01A","content":"18°C"}]}],
                         "tools":[{"name":"get_weather","input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}]}
                        """#)), upstreamModel: "claude-sonnet-4-5")
        }
        let signed = #"{"type":"thinking","thinking":"Call the tool.","signature":"EqQBCkgIBxABGAIiQHc3vR8="}"#
        let call = #"{"type":"tool_use","id":"toolu_01A","name":"get_weather","input":{"city":"Paris"}}"#

        let textFirst = try encode(
            #"{"role":"assistant","content":[{"type":"text","text":"Let me check."}]},{"role":"assistant","content":[\#(signed),\#(call)]}"#)
        #expect(textFirst["messages"]?.arrayValue?.count == 3)
        #expect(textFirst["messages"]?[1]?["content"]?[0]?["type"] == "text")
        #expect(textFirst["thinking"] == nil)
        #expect(anthropicRuleViolations(textFirst) == [])

        let thinkingFirst = try encode(
            #"{"role":"assistant","content":[\#(signed),{"type":"text","text":"Let me check."}]},{"role":"assistant","content":[\#(call)]}"#)
        #expect(thinkingFirst["messages"]?[1]?["content"]?[0]?["type"] == "thinking")
        #expect(thinkingFirst["thinking"] == ["type": "enabled", "budget_tokens": 16384])
        #expect(anthropicRuleViolations(thinkingFirst) == [])
    }

    /// Guard: nor in a tool loop whose tool-use turn starts with its signed thinking (an Anthropic client
    /// replaying what Anthropic sent).
    @Test("thinking asked in a tool loop that replays its signed thinking stays on")
    func thinkingInToolLoopWithSignedThinking() throws {
        let body = try AnthropicMessages.encodeRequest(
            try AnthropicMessages.decodeRequest(
                try json(
                    #"""
                    {"model":"acme/chat","max_tokens":20000,"thinking":{"type":"enabled","budget_tokens":16384},"messages":[
                      {"role":"user","content":"Weather in Paris?"},
                      {"role":"assistant","content":[{"type":"thinking","thinking":"Call the tool.","signature":"EqQBCkgIBxABGAIiQHc3vR8="},
                                                     {"type":"tool_use","id":"toolu_01A","name":"get_weather","input":{"city":"Paris"}}]},
                      {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01A","content":"18°C"}]}],
                     "tools":[{"name":"get_weather","input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}]}
                    """#)), upstreamModel: "claude-sonnet-4-5")
        #expect(body["thinking"] == ["type": "enabled", "budget_tokens": 16384])
        #expect(body["messages"]?[1]?["content"]?[0]?["type"] == "thinking")
        #expect(anthropicRuleViolations(body) == [])
    }
}

// MARK: - Helpers

struct ClientCall {
    var id: String
    var name: String
    var arguments: String
}

/// The tool calls a client ended up with, read from its stream as its SDK reads them.
func clientCalls(_ client: Client, stream output: String) throws -> [ClientCall] {
    switch client {
    case .chat:
        return parseChatStream(output).calls.map { ClientCall(id: $0.id, name: $0.name, arguments: $0.arguments) }
    case .messages:
        return parseMessagesStream(output).blocks.filter { $0.type == "tool_use" }.map {
            ClientCall(id: $0.id, name: $0.name, arguments: JSONWriter.string($0.input ?? [:]))
        }
    case .responses:
        return parseResponsesStream(output).items.filter { $0.type == "function_call" }.map {
            // The finished item's arguments, as `response.output` gives them to the SDK.
            ClientCall(
                id: $0.added["call_id"]?.stringValue ?? "", name: $0.added["name"]?.stringValue ?? "",
                arguments: $0.final?["arguments"]?.stringValue ?? $0.arguments)
        }
    }
}

/// The tool calls of a client's non-streamed answer.
func clientCalls(_ client: Client, response body: JSONValue) throws -> [ClientCall] {
    switch client {
    case .chat:
        return (body["choices"]?[0]?["message"]?["tool_calls"]?.arrayValue ?? []).map {
            ClientCall(
                id: $0["id"]?.stringValue ?? "", name: $0["function"]?["name"]?.stringValue ?? "",
                arguments: $0["function"]?["arguments"]?.stringValue ?? "")
        }
    case .messages:
        return (body["content"]?.arrayValue ?? []).filter { $0["type"] == "tool_use" }.map {
            ClientCall(id: $0["id"]?.stringValue ?? "", name: $0["name"]?.stringValue ?? "", arguments: JSONWriter.string($0["input"] ?? [:]))
        }
    case .responses:
        return (body["output"]?.arrayValue ?? []).filter { $0["type"] == "function_call" }.map {
            ClientCall(id: $0["call_id"]?.stringValue ?? "", name: $0["name"]?.stringValue ?? "", arguments: $0["arguments"]?.stringValue ?? "")
        }
    }
}

/// The client's next request, as its SDK would build it: the question, the calls it was given, a result for each.
func followUp(_ client: Client, _ calls: [ClientCall]) throws -> ChatRequest {
    let question: JSONValue = ["role": "user", "content": "Weather in Paris and Rome?"]
    let body: JSONValue
    switch client {
    case .chat:
        let assistant: JSONValue = [
            "role": "assistant", "content": .null,
            "tool_calls": .array(
                calls.map { ["id": .string($0.id), "type": "function", "function": ["name": .string($0.name), "arguments": .string($0.arguments)]] }),
        ]
        let results = calls.map { call -> JSONValue in ["role": "tool", "tool_call_id": .string(call.id), "content": "18°C"] }
        body = ["model": "acme/chat", "max_tokens": 1000, "messages": .array([question, assistant] + results)]
    case .messages:
        let uses = try calls.map { call -> JSONValue in
            ["type": "tool_use", "id": .string(call.id), "name": .string(call.name), "input": try json(call.arguments)]
        }
        let results = calls.map { call -> JSONValue in ["type": "tool_result", "tool_use_id": .string(call.id), "content": "18°C"] }
        body = [
            "model": "acme/chat", "max_tokens": 1000,
            "messages": [question, ["role": "assistant", "content": .array(uses)], ["role": "user", "content": .array(results)]],
        ]
    case .responses:
        let items = calls.map { call -> JSONValue in
            ["type": "function_call", "call_id": .string(call.id), "name": .string(call.name), "arguments": .string(call.arguments)]
        }
        let outputs = calls.map { call -> JSONValue in ["type": "function_call_output", "call_id": .string(call.id), "output": "18°C"] }
        body = ["model": "acme/chat", "input": .array([question] + items + outputs)]
    }
    return try client.decodeRequest(body)
}

/// The request as Gemini receives it: the two calls under Gemini's own ids, the first one signed with
/// `RegressionTests.signature` and the second not, the responses under the same ids.
func expectSignedCalls(_ request: ChatRequest, ids: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let body = try GeminiGenerateContent.encodeRequest(request, upstreamModel: "gemini-3-pro-preview")
    #expect(geminiRuleViolations(body).filter { !$0.contains("maxOutputTokens") } == [], sourceLocation: sourceLocation)
    let parts = (body["contents"]?.arrayValue ?? []).flatMap { $0["parts"]?.arrayValue ?? [] }
    let calls = parts.filter { $0["functionCall"] != nil }
    #expect(calls.compactMap { $0["functionCall"]?["id"]?.stringValue } == ids, sourceLocation: sourceLocation)
    #expect(calls.map { $0["thoughtSignature"] } == [.string(RegressionTests.signature), nil], sourceLocation: sourceLocation)
    #expect(parts.compactMap { $0["functionResponse"]?["id"]?.stringValue } == ids, sourceLocation: sourceLocation)
}
