public import Dialects

/// The parts of a chat request the mock answers from, whatever its dialect. ``init(json:)`` reads an OpenAI
/// Chat Completions body, ``init(anthropic:)`` an Anthropic Messages body and
/// ``init(gemini:model:stream:)`` a Gemini `GenerateContentRequest`, each checked the way that provider checks
/// it, so that a gateway sending a malformed body upstream gets the 400 a real provider would give.
public struct MockChatRequest: Sendable, Equatable {
    public var model: String
    public var stream: Bool
    /// `stream_options.include_usage`.
    public var includeUsage: Bool
    /// `max_completion_tokens`, else `max_tokens`, when set.
    public var maxTokens: Int?
    /// Number of choices, 1 when absent.
    public var choices: Int
    /// Text of the last `"role":"user"` message as sent (directives included); empty when there is none.
    public var lastUserText: String
    /// See ``MockPromptTokens``.
    public var promptTokens: Int
    /// Function tools declared, in order.
    public var tools: [MockTool]
    public var toolChoice: MockToolChoice
    /// False with OpenAI `parallel_tool_calls: false` or Anthropic `disable_parallel_tool_use: true`.
    public var parallelToolCalls: Bool
    /// OpenAI `stop`, Anthropic `stop_sequences`, Gemini `generationConfig.stopSequences` (empty strings
    /// dropped).
    public var stopSequences: [String]
    /// When the last turn is a tool result (an OpenAI `tool` message, an Anthropic `tool_result` block, a
    /// Gemini `functionResponse` part), the text of the turn's first result; else nil.
    public var toolResultText: String?
    /// Tool calls already made in the conversation (OpenAI `tool_calls`, Anthropic `tool_use`, Gemini
    /// `functionCall`), so that new call ids continue after them.
    public var priorToolCalls: Int

    public init(
        model: String, stream: Bool = false, includeUsage: Bool = false, maxTokens: Int? = nil, choices: Int = 1,
        lastUserText: String, promptTokens: Int, tools: [MockTool] = [], toolChoice: MockToolChoice = .auto,
        parallelToolCalls: Bool = true, stopSequences: [String] = [], toolResultText: String? = nil, priorToolCalls: Int = 0
    ) {
        self.model = model
        self.stream = stream
        self.includeUsage = includeUsage
        self.maxTokens = maxTokens
        self.choices = choices
        self.lastUserText = lastUserText
        self.promptTokens = promptTokens
        self.tools = tools
        self.toolChoice = toolChoice
        self.parallelToolCalls = parallelToolCalls
        self.stopSequences = stopSequences
        self.toolResultText = toolResultText
        self.priorToolCalls = priorToolCalls
    }

    /// Most choices accepted, as OpenAI.
    public static let maxChoices = 128

    /// Parses a request body with the strict ``JSONParser``.
    public init(body: UnsafeRawBufferPointer) throws(MockError) {
        let json: JSONValue
        do {
            json = try JSONParser.parse(body)
        } catch {
            throw MockError.invalidRequest("We could not parse the JSON body of your request: \(error.description).")
        }
        try self.init(json: json)
    }

    public init(body: [UInt8]) throws(MockError) {
        let json: JSONValue
        do {
            json = try JSONParser.parse(body)
        } catch {
            throw MockError.invalidRequest("We could not parse the JSON body of your request: \(error.description).")
        }
        try self.init(json: json)
    }

    public init(json: JSONValue) throws(MockError) {
        guard case .object = json else { throw MockError.invalidRequest("The request body must be a JSON object.") }

        guard let model = json["model"] else { throw MockError.invalidRequest("Missing required parameter: 'model'.", param: "model") }
        guard let modelName = model.stringValue else {
            throw MockError.invalidRequest("Invalid type for 'model': expected a string.", param: "model")
        }
        self.model = modelName

        guard let messagesValue = json["messages"] else {
            throw MockError.invalidRequest("Missing required parameter: 'messages'.", param: "messages")
        }
        guard let messages = messagesValue.arrayValue else {
            throw MockError.invalidRequest("Invalid type for 'messages': expected an array.", param: "messages")
        }
        guard !messages.isEmpty else {
            throw MockError.invalidRequest("Invalid 'messages': empty array. Expected an array with minimum length 1.", param: "messages")
        }
        var lastUser: JSONValue?
        var priorToolCalls = 0
        // Index of the first message of the trailing run of tool results, if the conversation ends with one.
        var trailingToolResults: Int?
        for (index, message) in messages.enumerated() {
            guard case .object = message, let role = message["role"]?.stringValue else {
                throw MockError.invalidRequest(
                    "Invalid 'messages[\(index)]': expected an object with a string 'role'.", param: "messages.[\(index)]")
            }
            if role == "user" { lastUser = message }
            if role == "assistant", let calls = message["tool_calls"]?.arrayValue { priorToolCalls += calls.count }
            if role == "tool" || role == "function" {
                if trailingToolResults == nil { trailingToolResults = index }
            } else {
                trailingToolResults = nil
            }
        }
        self.lastUserText = MockPromptTokens.MessageContent(lastUser?["content"]).text
        self.promptTokens = MockPromptTokens.count(messages: messages)
        self.priorToolCalls = priorToolCalls
        self.toolResultText = trailingToolResults.map { MockPromptTokens.MessageContent(messages[$0]["content"]).text }
        self.tools = try Self.openAITools(json["tools"])
        self.toolChoice = try Self.openAIToolChoice(json["tool_choice"])
        self.parallelToolCalls = try Self.optionalBool(json["parallel_tool_calls"], param: "parallel_tool_calls") ?? true
        switch json["stop"] {
        case nil, .null?: self.stopSequences = []
        case .string(let stop)?: self.stopSequences = stop.isEmpty ? [] : [stop]
        case .array(let stops)?:
            self.stopSequences = try Self.strings(stops, param: "stop").filter { !$0.isEmpty }
        default: throw MockError.invalidRequest("Invalid type for 'stop': expected a string or an array of strings.", param: "stop")
        }

        self.stream = try Self.optionalBool(json["stream"], param: "stream") ?? false
        switch json["stream_options"] {
        case nil, .null?: self.includeUsage = false
        case let options? where options.objectValue != nil:
            self.includeUsage = try Self.optionalBool(options["include_usage"], param: "stream_options.include_usage") ?? false
        default: throw MockError.invalidRequest("Invalid type for 'stream_options': expected an object.", param: "stream_options")
        }

        let maxCompletion = try Self.optionalInt(json["max_completion_tokens"], param: "max_completion_tokens", range: 0...Int(Int32.max))
        let maxTokens = try Self.optionalInt(json["max_tokens"], param: "max_tokens", range: 0...Int(Int32.max))
        self.maxTokens = maxCompletion ?? maxTokens
        self.choices = try Self.optionalInt(json["n"], param: "n", range: 1...Self.maxChoices) ?? 1
    }

    /// `tools`: function tools are kept; other kinds (OpenAI `custom`) are accepted and ignored.
    static func openAITools(_ value: JSONValue?) throws(MockError) -> [MockTool] {
        switch value {
        case nil, .null?: return []
        case .array(let entries)?:
            var tools: [MockTool] = []
            for (index, entry) in entries.enumerated() {
                guard case .object = entry else {
                    throw MockError.invalidRequest("Invalid 'tools[\(index)]': expected an object.", param: "tools[\(index)]")
                }
                let type = entry["type"]?.stringValue ?? "function"
                guard type == "function" else { continue }
                guard let function = entry["function"], let name = function["name"]?.stringValue, !name.isEmpty else {
                    throw MockError.invalidRequest(
                        "Missing required parameter: 'tools[\(index)].function.name'.", param: "tools[\(index)].function.name")
                }
                tools.append(MockTool(name: name, parameters: function["parameters"]))
            }
            return tools
        default: throw MockError.invalidRequest("Invalid type for 'tools': expected an array.", param: "tools")
        }
    }

    /// `tool_choice`: `"none"`, `"auto"`, `"required"` or `{"type":"function","function":{"name"}}`; other
    /// objects (`allowed_tools`, `custom`) count as auto.
    static func openAIToolChoice(_ value: JSONValue?) throws(MockError) -> MockToolChoice {
        switch value {
        case nil, .null?: return .auto
        case .string("auto")?: return .auto
        case .string("none")?: return .none
        case .string("required")?: return .required
        case let choice? where choice.objectValue != nil:
            guard choice["type"]?.stringValue == "function" else { return .auto }
            guard let name = choice["function"]?["name"]?.stringValue else {
                throw MockError.invalidRequest("Missing required parameter: 'tool_choice.function.name'.", param: "tool_choice.function.name")
            }
            return .named(name)
        default:
            throw MockError.invalidRequest(
                "Invalid value for 'tool_choice': expected 'none', 'auto', 'required' or a function object.", param: "tool_choice")
        }
    }

    /// Every element a string.
    static func strings(_ values: [JSONValue], param: String) throws(MockError) -> [String] {
        var strings: [String] = []
        for value in values {
            guard let string = value.stringValue else {
                throw MockError.invalidRequest("Invalid type for '\(param)': expected an array of strings.", param: param)
            }
            strings.append(string)
        }
        return strings
    }

    /// A boolean member; absent and null mean unset.
    static func optionalBool(_ value: JSONValue?, param: String) throws(MockError) -> Bool? {
        switch value {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        default: throw MockError.invalidRequest("Invalid type for '\(param)': expected a boolean.", param: param)
        }
    }

    /// An integer member within `range`; absent and null mean unset.
    static func optionalInt(_ value: JSONValue?, param: String, range: ClosedRange<Int>) throws(MockError) -> Int? {
        switch value {
        case nil, .null?: return nil
        case let number?:
            guard let integer = number.int64Value, let small = Int(exactly: integer), range.contains(small) else {
                throw MockError.invalidRequest(
                    "Invalid '\(param)': expected an integer in \(range.lowerBound)...\(range.upperBound).", param: param)
            }
            return small
        }
    }
}
