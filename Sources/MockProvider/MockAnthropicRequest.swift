public import Dialects

extension MockChatRequest {
    /// Parses an Anthropic Messages body (§4.2 of the wire-format reference).
    public init(anthropicBody body: [UInt8]) throws(MockError) {
        try self.init(anthropic: try Self.parseJSON(body))
    }

    public init(anthropicBody body: UnsafeRawBufferPointer) throws(MockError) {
        try self.init(anthropic: try Self.parseJSON(body))
    }

    /// Reads an Anthropic Messages request: `model` and `max_tokens` (required), `messages` (required,
    /// non-empty, roles `user`/`assistant`, string or block content), `system`, `stream`, `stop_sequences`,
    /// `tools` (custom tools with `name` and `input_schema`; server tools are accepted and ignored) and
    /// `tool_choice` (`auto`, `any`, `tool`, `none`, with `disable_parallel_tool_use`).
    ///
    /// The directives come from the last user message that has text (a string or `text` blocks), so that a
    /// turn holding only tool results keeps the directives of the question before it. Anthropic always
    /// reports usage, so ``includeUsage`` is true. The last turn is a tool result (``toolResultText``) when the
    /// last message is a user message with `tool_result` blocks and no `text` block.
    public init(anthropic json: JSONValue) throws(MockError) {
        guard case .object = json else { throw Self.anthropicInvalid("The request body must be a JSON object.") }
        guard let model = json["model"] else { throw Self.anthropicInvalid("model: Field required", param: "model") }
        guard let modelName = model.stringValue else { throw Self.anthropicInvalid("model: Input should be a valid string", param: "model") }
        self.model = modelName

        guard let maxTokens = json["max_tokens"], !maxTokens.isNull else {
            throw Self.anthropicInvalid("max_tokens: Field required", param: "max_tokens")
        }
        guard let limit = maxTokens.int64Value, let small = Int(exactly: limit), small >= 0, limit <= Int64(Int32.max) else {
            throw Self.anthropicInvalid("max_tokens: Input should be a valid non-negative integer", param: "max_tokens")
        }
        self.maxTokens = small

        guard let messagesValue = json["messages"] else { throw Self.anthropicInvalid("messages: Field required", param: "messages") }
        guard let messages = messagesValue.arrayValue else {
            throw Self.anthropicInvalid("messages: Input should be a valid list", param: "messages")
        }
        guard !messages.isEmpty else { throw Self.anthropicInvalid("messages: at least one message is required", param: "messages") }

        var lastUserText: String?
        var priorToolCalls = 0
        var toolResultText: String?
        for (index, message) in messages.enumerated() {
            guard case .object = message, let role = message["role"]?.stringValue else {
                throw Self.anthropicInvalid("messages.\(index): expected an object with a string 'role'", param: "messages")
            }
            guard role == "user" || role == "assistant" else {
                throw Self.anthropicInvalid("messages.\(index).role: Input should be 'user' or 'assistant'", param: "messages")
            }
            var text: String?
            var firstResult: String?
            switch message["content"] {
            case .string(let string)?: text = string
            case .array(let blocks)?:
                for (blockIndex, block) in blocks.enumerated() {
                    guard case .object = block, let type = block["type"]?.stringValue else {
                        throw Self.anthropicInvalid(
                            "messages.\(index).content.\(blockIndex): expected an object with a string 'type'", param: "messages")
                    }
                    switch type {
                    case "text":
                        guard let blockText = block["text"]?.stringValue else {
                            throw Self.anthropicInvalid("messages.\(index).content.\(blockIndex).text: Field required", param: "messages")
                        }
                        text = (text ?? "") + blockText
                    case "tool_use":
                        guard role == "assistant" else {
                            throw Self.anthropicInvalid("messages.\(index).content.\(blockIndex): tool_use blocks belong to assistant messages", param: "messages")
                        }
                        priorToolCalls += 1
                    case "tool_result":
                        guard block["tool_use_id"]?.stringValue != nil else {
                            throw Self.anthropicInvalid(
                                "messages.\(index).content.\(blockIndex).tool_use_id: Field required", param: "messages")
                        }
                        if firstResult == nil { firstResult = MockPromptTokens.anthropicToolResult(block["content"]).text }
                    default: break
                    }
                }
            default:
                throw Self.anthropicInvalid("messages.\(index).content: Input should be a valid string or list of blocks", param: "messages")
            }
            if role == "user", let text { lastUserText = text }
            // A user turn of tool results only (text after the results makes it an ordinary question).
            toolResultText = role == "user" && text == nil ? firstResult : nil
        }
        self.lastUserText = lastUserText ?? ""
        self.toolResultText = toolResultText
        self.priorToolCalls = priorToolCalls

        let system = json["system"]
        switch system {
        case nil, .null?, .string?: break
        case .array(let blocks)?:
            for block in blocks where block["type"]?.stringValue != "text" || block["text"]?.stringValue == nil {
                throw Self.anthropicInvalid("system: Input should be a string or a list of text blocks", param: "system")
            }
        default: throw Self.anthropicInvalid("system: Input should be a string or a list of text blocks", param: "system")
        }
        self.promptTokens = MockPromptTokens.count(anthropicSystem: system, messages: messages)

        self.stream = try Self.anthropicBool(json["stream"], param: "stream") ?? false
        self.includeUsage = true
        self.choices = 1
        switch json["stop_sequences"] {
        case nil, .null?: self.stopSequences = []
        case .array(let stops)?:
            var sequences: [String] = []
            for stop in stops {
                guard let string = stop.stringValue else {
                    throw Self.anthropicInvalid("stop_sequences: Input should be a list of strings", param: "stop_sequences")
                }
                if !string.isEmpty { sequences.append(string) }
            }
            self.stopSequences = sequences
        default: throw Self.anthropicInvalid("stop_sequences: Input should be a valid list", param: "stop_sequences")
        }

        var tools: [MockTool] = []
        switch json["tools"] {
        case nil, .null?: break
        case .array(let entries)?:
            for (index, entry) in entries.enumerated() {
                guard case .object = entry else { throw Self.anthropicInvalid("tools.\(index): Input should be an object", param: "tools") }
                let type = entry["type"]?.stringValue ?? "custom"
                guard type == "custom" else { continue }  // server tools (web_search_..., bash_...)
                guard let name = entry["name"]?.stringValue, !name.isEmpty else {
                    throw Self.anthropicInvalid("tools.\(index).custom.name: Field required", param: "tools")
                }
                guard let schema = entry["input_schema"], schema.objectValue != nil else {
                    throw Self.anthropicInvalid("tools.\(index).custom.input_schema: Field required", param: "tools")
                }
                tools.append(MockTool(name: name, parameters: schema))
            }
        default: throw Self.anthropicInvalid("tools: Input should be a valid list", param: "tools")
        }
        self.tools = tools

        self.parallelToolCalls = true
        switch json["tool_choice"] {
        case nil, .null?: self.toolChoice = .auto
        case let choice? where choice.objectValue != nil:
            switch choice["type"]?.stringValue {
            case "auto": self.toolChoice = .auto
            case "any": self.toolChoice = .required
            case "none": self.toolChoice = .none
            case "tool":
                guard let name = choice["name"]?.stringValue else {
                    throw Self.anthropicInvalid("tool_choice.tool.name: Field required", param: "tool_choice")
                }
                self.toolChoice = .named(name)
            default:
                throw Self.anthropicInvalid("tool_choice.type: Input should be 'auto', 'any', 'tool' or 'none'", param: "tool_choice")
            }
            if try Self.anthropicBool(choice["disable_parallel_tool_use"], param: "tool_choice.disable_parallel_tool_use") == true {
                self.parallelToolCalls = false
            }
        default: throw Self.anthropicInvalid("tool_choice: Input should be an object", param: "tool_choice")
        }
    }

    static func parseJSON(_ body: [UInt8]) throws(MockError) -> JSONValue {
        do {
            return try JSONParser.parse(body)
        } catch {
            throw MockError.invalidRequest("We could not parse the JSON body of your request: \(error.description).")
        }
    }

    static func parseJSON(_ body: UnsafeRawBufferPointer) throws(MockError) -> JSONValue {
        do {
            return try JSONParser.parse(body)
        } catch {
            throw MockError.invalidRequest("We could not parse the JSON body of your request: \(error.description).")
        }
    }

    static func anthropicInvalid(_ message: String, param: String? = nil) -> MockError {
        MockError.invalidRequest(message, param: param)
    }

    static func anthropicBool(_ value: JSONValue?, param: String) throws(MockError) -> Bool? {
        switch value {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        default: throw anthropicInvalid("\(param): Input should be a valid boolean", param: param)
        }
    }
}
