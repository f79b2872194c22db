import Conversation
import Dialects
import GeminiCodec
import Testing
import TokModelCore

@Suite("Gemini request encoding")
struct RequestEncodingTests {
    func encode(_ request: ChatRequest) throws -> JSONValue {
        try GeminiGenerateContent.encodeRequest(request, upstreamModel: "gemini-2.5-flash")
    }

    func encode(turns: [Turn]) throws -> JSONValue {
        try encode(ChatRequest(model: "m", turns: turns))
    }

    func user(_ blocks: ContentBlock...) -> Turn { Turn(role: .user, blocks: blocks) }
    func assistant(_ blocks: ContentBlock...) -> Turn { Turn(role: .assistant, blocks: blocks) }
    func call(_ id: String, _ name: String = "f", _ arguments: String = "{}", signature: String? = nil) -> ContentBlock {
        .toolCall(ToolCall(id: id, name: name, arguments: arguments, thoughtSignature: signature))
    }
    func result(_ id: String, _ text: String, name: String? = nil, isError: Bool = false) -> ContentBlock {
        .toolResult(ToolResult(callID: id, name: name, content: [.text(text)], isError: isError))
    }

    // MARK: Contents

    @Test("a plain request is just contents; nothing optional is invented")
    func minimal() throws {
        #expect(try encode(turns: [user(.text("Hi"))]) == ["contents": [["role": "user", "parts": [["text": "Hi"]]]]])
    }

    @Test("consecutive turns of one role merge; empty text is left out")
    func merging() throws {
        let body = try encode(turns: [user(.text("a")), user(.text(""), .text("b")), assistant(.text("c")), assistant(.text("d")), user(.text("e"))])
        #expect(
            body["contents"] == [
                ["role": "user", "parts": [["text": "a"], ["text": "b"]]],
                ["role": "model", "parts": [["text": "c"], ["text": "d"]]],
                ["role": "user", "parts": [["text": "e"]]],
            ])
    }

    @Test("an assistant turn of thinking only disappears, and the user turns around it merge")
    func thinkingDropped() throws {
        let body = try encode(turns: [
            user(.text("a")), assistant(.thinking(Thinking(text: "hmm", signature: "s"))), user(.text("b")),
            assistant(.thinking(Thinking(text: "x")), .text("answer")),
        ])
        #expect(
            body["contents"] == [
                ["role": "user", "parts": [["text": "a"], ["text": "b"]]],
                ["role": "model", "parts": [["text": "answer"]]],
            ])
    }

    @Test("function responses follow the call order, come before other parts, and take names from the calls")
    func responseOrder() throws {
        let body = try encode(turns: [
            user(.text("go")),
            assistant(call("c1", "alpha"), call("c2", "beta"), call("c3", "gamma")),
            user(.text("note"), result("c3", "three"), result("c1", "one")),
            user(result("c2", "two", name: "explicit")),
        ])
        let parts = try #require(body["contents"]?.arrayValue?.last?["parts"]?.arrayValue)
        #expect(
            parts == [
                ["functionResponse": ["id": "c1", "name": "alpha", "response": ["output": "one"]]],
                ["functionResponse": ["id": "c2", "name": "explicit", "response": ["output": "two"]]],
                ["functionResponse": ["id": "c3", "name": "gamma", "response": ["output": "three"]]],
                ["text": "note"],
            ])
    }

    @Test("a result answers the nearest earlier call with its id, even when ids repeat across turns")
    func nearestCallNamesResult() throws {
        let body = try encode(turns: [
            user(.text("1")), assistant(call("call_0", "first")), user(result("call_0", "r1")),
            assistant(call("call_0", "second")), user(result("call_0", "r2")),
        ])
        let contents = try #require(body["contents"]?.arrayValue)
        #expect(contents[2]["parts"]?[0]?["functionResponse"]?["name"] == "first")
        #expect(contents[4]["parts"]?[0]?["functionResponse"]?["name"] == "second")
    }

    @Test("a result for an unknown call without a name is refused: Gemini needs the name")
    func unknownCall() {
        let error = thrownError { try encode(turns: [user(.text("x")), assistant(call("a")), user(result("zzz", "?"))]) }
        #expect(error?.kind == .invalidRequest)
        #expect(error?.param == "messages")
        #expect(error?.message.contains("zzz") == true)
        // With a name it goes through.
        #expect(thrownError { try encode(turns: [user(result("zzz", "?", name: "f"))]) } == nil)
    }

    @Test("tool calls only in assistant turns, tool results only in user turns")
    func misplacedToolBlocks() {
        #expect(thrownError { try encode(turns: [user(call("a"))]) }?.param == "messages")
        #expect(thrownError { try encode(turns: [user(.text("q")), assistant(result("a", "r", name: "f"))]) }?.param == "messages")
    }

    @Test("a conversation with nothing to send is refused")
    func emptyConversation() {
        #expect(thrownError { try encode(turns: []) }?.param == "messages")
        #expect(thrownError { try encode(turns: [user(.text(""))]) }?.param == "messages")
    }

    @Test("a history opening with model function calls gets a user turn in front")
    func modelFirst() throws {
        let body = try encode(turns: [assistant(call("a")), user(result("a", "r"))])
        #expect(body["contents"]?[0] == ["role": "user", "parts": [["text": "."]]])
        #expect(body["contents"]?.arrayValue?.count == 3)
        // Plain model text first is left alone.
        let text = try encode(turns: [assistant(.text("Hello!")), user(.text("Hi"))])
        #expect(text["contents"]?[0]?["role"] == "model")
    }

    // MARK: Function calls and results

    static let argumentCases: [(String, JSONValue)] = [
        ("", .object([])), ("  \n", .object([])), (#"{"a": 1.0}"#, ["a": .number("1.0")]), ("[1, 2]", ["value": [1, 2]]),
        ("42", ["value": 42]), (#""text""#, ["value": "text"]), ("{not json", ["_raw": "{not json"]), ("null", ["value": nil]),
    ]

    @Test("arguments always become an object", arguments: argumentCases)
    func arguments(text: String, expected: JSONValue) throws {
        let body = try encode(turns: [user(.text("q")), assistant(call("a", "f", text))])
        #expect(body["contents"]?[1]?["parts"]?[0]?["functionCall"]?["args"] == expected)
    }

    @Test("a thought signature goes back on its part; one embedded in a streamed id is split off")
    func signatures() throws {
        let body = try encode(turns: [
            user(.text("q")),
            assistant(call("call_r_0__thought__c2ln", "f"), call("own", "g", signature: "b3du"), call("call_r_2__thought__aWdub3Jl", "h", signature: "d2lucw==")),
            user(result("call_r_0__thought__c2ln", "1"), result("own", "2"), result("call_r_2", "3")),
        ])
        let model = try #require(body["contents"]?[1]?["parts"]?.arrayValue)
        #expect(model[0] == ["functionCall": ["id": "call_r_0", "name": "f", "args": [:]], "thoughtSignature": "c2ln"])
        #expect(model[1] == ["functionCall": ["id": "own", "name": "g", "args": [:]], "thoughtSignature": "b3du"])
        // The call's own signature wins over an embedded one.
        #expect(model[2] == ["functionCall": ["id": "call_r_2", "name": "h", "args": [:]], "thoughtSignature": "d2lucw=="])
        let responses = try #require(body["contents"]?[2]?["parts"]?.arrayValue)
        #expect(responses.map { $0["functionResponse"]?["id"] } == ["call_r_0", "own", "call_r_2"])
        #expect(responses.map { $0["functionResponse"]?["name"] } == ["f", "g", "h"])
    }

    @Test("an empty call id is left out of both the call and its response")
    func emptyID() throws {
        let body = try encode(turns: [user(.text("q")), assistant(call("", "f")), user(result("", "r"))])
        #expect(body["contents"]?[1]?["parts"]?[0] == ["functionCall": ["name": "f", "args": [:]]])
        #expect(body["contents"]?[2]?["parts"]?[0] == ["functionResponse": ["name": "f", "response": ["output": "r"]]])
    }

    @Test("results: errors under \"error\", JSON objects and arrays parsed, other text kept, texts joined, images after")
    func resultValues() throws {
        func response(_ result: ToolResult) throws -> JSONValue? {
            let body = try encode(turns: [user(.text("q")), assistant(call(result.callID, "f")), user(.toolResult(result))])
            return body["contents"]?[2]?["parts"]?[0]?["functionResponse"]?["response"]
        }
        #expect(try response(ToolResult(callID: "a", content: [.text("boom")], isError: true)) == ["error": "boom"])
        #expect(try response(ToolResult(callID: "a", content: [.text(#" {"k": [true]}"#)])) == ["output": ["k": [true]]])
        #expect(try response(ToolResult(callID: "a", content: [.text("[1]")], isError: true)) == ["error": [1]])
        #expect(try response(ToolResult(callID: "a", content: [.text("{broken")])) == ["output": "{broken"])
        #expect(try response(ToolResult(callID: "a", content: [.text("42")])) == ["output": "42"])
        #expect(try response(ToolResult(callID: "a", content: [.text("line 1"), .text("line 2")])) == ["output": "line 1\nline 2"])
        #expect(try response(ToolResult(callID: "a", content: [])) == ["output": ""])
        let withImage = try encode(turns: [
            user(.text("q")), assistant(call("a", "f")),
            user(.toolResult(ToolResult(callID: "a", content: [.image(.url("https://x.test/p.webp", detail: nil)), .text("see image")]))),
        ])
        #expect(
            withImage["contents"]?[2]?["parts"] == [
                ["functionResponse": ["id": "a", "name": "f", "response": ["output": "see image"]]],
                ["fileData": ["mimeType": "image/webp", "fileUri": "https://x.test/p.webp"]],
            ])
        let nested = thrownError {
            try encode(turns: [user(.text("q")), assistant(call("a", "f")), user(.toolResult(ToolResult(callID: "a", content: [call("b")])))])
        }
        #expect(nested?.param == "messages")
    }

    // MARK: Images

    static let imageCases: [(ImageSource, JSONValue)] = [
            (.base64(mediaType: "image/webp", data: "UklGR"), ["inlineData": ["mimeType": "image/webp", "data": "UklGR"]]),
            (.url("data:image/png;base64,iVBORw0KGgo=", detail: nil), ["inlineData": ["mimeType": "image/png", "data": "iVBORw0KGgo="]]),
            (.url("data:image/jpeg;name=a.jpg;base64,/9j/", detail: "low"), ["inlineData": ["mimeType": "image/jpeg", "data": "/9j/"]]),
            (.url("https://a.test/x/photo.JPG", detail: nil), ["fileData": ["mimeType": "image/jpeg", "fileUri": "https://a.test/x/photo.JPG"]]),
            (.url("https://a.test/i.gif#frag", detail: nil), ["fileData": ["mimeType": "image/gif", "fileUri": "https://a.test/i.gif#frag"]]),
            (.url("https://a.test/render?format=png", detail: nil), ["fileData": ["mimeType": "image/jpeg", "fileUri": "https://a.test/render?format=png"]]),
            (.url("https://a.test/dir.v2/", detail: nil), ["fileData": ["mimeType": "image/jpeg", "fileUri": "https://a.test/dir.v2/"]]),
            (.url("gs://bucket/scan.heic", detail: nil), ["fileData": ["mimeType": "image/heic", "fileUri": "gs://bucket/scan.heic"]]),
        ]

    @Test("image URLs: inline for base64 and data URLs, fileData with a guessed type otherwise", arguments: imageCases)
    func images(source: ImageSource, expected: JSONValue) throws {
        let body = try encode(turns: [user(.image(source))])
        #expect(body["contents"]?[0]?["parts"]?[0] == expected)
    }

    @Test("malformed data URLs are refused", arguments: ["data:image/png,iVBOR", "data:;base64,AAAA", "data:image/png;base64"])
    func badDataURL(url: String) {
        #expect(thrownError { try encode(turns: [user(.image(.url(url, detail: nil)))]) }?.param == "messages")
    }

    // MARK: System

    @Test("system blocks become systemInstruction parts; only text is accepted")
    func system() throws {
        let body = try encode(ChatRequest(model: "m", system: [.text("A"), .text("B")], turns: [user(.text("q"))]))
        #expect(body["systemInstruction"] == ["parts": [["text": "A"], ["text": "B"]]])
        #expect(try encode(ChatRequest(model: "m", system: [.text("")], turns: [user(.text("q"))]))["systemInstruction"] == nil)
        let error = thrownError {
            try encode(ChatRequest(model: "m", system: [.image(.base64(mediaType: "image/png", data: "AA"))], turns: [user(.text("q"))]))
        }
        #expect(error?.param == "system")
    }

    // MARK: Tools

    static let toolChoiceCases: [(ToolChoice, JSONValue)] = [
        (.auto, ["mode": "AUTO"]), (.none, ["mode": "NONE"]), (.required, ["mode": "ANY"]),
        (.function("g"), ["mode": "ANY", "allowedFunctionNames": ["g"]]),
    ]

    @Test("tool choice → functionCallingConfig", arguments: toolChoiceCases)
    func toolChoice(choice: ToolChoice, expected: JSONValue) throws {
        let tools = [FunctionTool(name: "f"), FunctionTool(name: "g")]
        let body = try encode(ChatRequest(model: "m", turns: [user(.text("q"))], tools: tools, toolChoice: choice))
        #expect(body["toolConfig"] == ["functionCallingConfig": expected])
    }

    @Test("no tools: no tools member and no toolConfig, whatever the choice")
    func noTools() throws {
        let body = try encode(ChatRequest(model: "m", turns: [user(.text("q"))], toolChoice: .required))
        #expect(body["tools"] == nil)
        #expect(body["toolConfig"] == nil)
    }

    @Test("tools: a named choice must be declared; names must not be empty; parameters must be an object schema")
    func toolErrors() {
        let tools = [FunctionTool(name: "f")]
        #expect(thrownError { try encode(ChatRequest(model: "m", turns: [user(.text("q"))], tools: tools, toolChoice: .function("x"))) }?.param == "tool_choice")
        #expect(thrownError { try encode(ChatRequest(model: "m", turns: [user(.text("q"))], tools: [FunctionTool(name: "")])) }?.param == "tools")
        let stringParams = [FunctionTool(name: "f", parameters: ["type": "string"])]
        #expect(thrownError { try encode(ChatRequest(model: "m", turns: [user(.text("q"))], tools: stringParams)) }?.param == "tools")
    }

    @Test("a function without parameters has no parameters member; all functions share one tool object")
    func declarations() throws {
        let tools = [
            FunctionTool(name: "now", description: "", parameters: ["type": "object", "properties": [:], "additionalProperties": false]),
            FunctionTool(name: "ping", parameters: [:]),
            FunctionTool(name: "add", description: "Adds", parameters: ["type": "object", "properties": ["a": ["type": "number"]]]),
        ]
        let body = try encode(ChatRequest(model: "m", turns: [user(.text("q"))], tools: tools))
        #expect(
            body["tools"] == [
                [
                    "functionDeclarations": [
                        ["name": "now"], ["name": "ping"],
                        ["name": "add", "description": "Adds", "parameters": ["type": "OBJECT", "properties": ["a": ["type": "NUMBER"]]]],
                    ]
                ]
            ])
    }

    // MARK: Generation config

    @Test("more than five stop sequences are refused")
    func tooManyStops() throws {
        let six = ChatRequest(model: "m", turns: [user(.text("q"))], sampling: Sampling(stop: ["1", "2", "3", "4", "5", "6"]))
        #expect(thrownError { try encode(six) }?.param == "stop")
        let five = ChatRequest(model: "m", turns: [user(.text("q"))], sampling: Sampling(stop: ["1", "2", "3", "4", "5"]))
        #expect(try encode(five)["generationConfig"]?["stopSequences"]?.arrayValue?.count == 5)
    }

    @Test("logprobs: responseLogprobs only when asked; the top count only with it")
    func logprobs() throws {
        func config(_ sampling: Sampling) throws -> JSONValue? { try encode(ChatRequest(model: "m", turns: [user(.text("q"))], sampling: sampling))["generationConfig"] }
        #expect(try config(Sampling(logprobs: true)) == ["responseLogprobs": true])
        #expect(try config(Sampling(logprobs: false, topLogprobs: 2)) == nil)
        #expect(try config(Sampling(choices: 3)) == ["candidateCount": 3])
    }

    @Test("response formats: text adds nothing, JSON object sets the MIME type, a schema is converted")
    func responseFormats() throws {
        func config(_ format: ResponseFormat) throws -> JSONValue? {
            try encode(ChatRequest(model: "m", turns: [user(.text("q"))], responseFormat: format))["generationConfig"]
        }
        #expect(try config(.text) == nil)
        #expect(try config(.jsonObject) == ["responseMimeType": "application/json"])
        #expect(
            try config(.jsonSchema(name: "x", schema: ["type": "array", "items": ["type": "string", "const": "a"]], strict: nil)) == [
                "responseMimeType": "application/json", "responseSchema": ["type": "ARRAY", "items": ["type": "STRING", "enum": ["a"]]],
            ])
    }

    static let reasoningCases: [(Reasoning, Int64)] = [
        (.budget(1500), 1500), (.disabled, 0), (.effort("none"), 0), (.effort("minimal"), 1024), (.effort("low"), 1024),
        (.effort("MEDIUM"), 8192), (.effort("high"), -1), (.effort("xhigh"), -1),
    ]

    @Test("reasoning → thinkingConfig", arguments: reasoningCases)
    func reasoning(reasoning: Reasoning, budget: Int64) throws {
        let body = try encode(ChatRequest(model: "m", turns: [user(.text("q"))], reasoning: reasoning))
        #expect(body["generationConfig"] == ["thinkingConfig": ["thinkingBudget": .int(budget), "includeThoughts": false]])
    }

    @Test("an unknown reasoning effort is refused")
    func unknownEffort() {
        #expect(thrownError { try encode(ChatRequest(model: "m", turns: [user(.text("q"))], reasoning: .effort("extreme"))) }?.param == "reasoning_effort")
    }

    @Test("dropped fields: parallel tool calls, user, stream and usage options leave no trace")
    func droppedFields() throws {
        let plain = try encode(ChatRequest(model: "m", turns: [user(.text("q"))]))
        let extra = try encode(ChatRequest(model: "m", turns: [user(.text("q"))], parallelToolCalls: false, stream: true, includeUsage: true, user: "u-1"))
        #expect(plain == extra)
    }
}
