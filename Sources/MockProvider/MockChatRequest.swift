public import Dialects

/// The parts of a Chat Completions request the mock answers from, read and checked the way OpenAI checks
/// them, so that a gateway sending a malformed body upstream gets the 400 a real provider would give.
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

    public init(
        model: String, stream: Bool = false, includeUsage: Bool = false, maxTokens: Int? = nil, choices: Int = 1,
        lastUserText: String, promptTokens: Int
    ) {
        self.model = model
        self.stream = stream
        self.includeUsage = includeUsage
        self.maxTokens = maxTokens
        self.choices = choices
        self.lastUserText = lastUserText
        self.promptTokens = promptTokens
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
        for (index, message) in messages.enumerated() {
            guard case .object = message, let role = message["role"]?.stringValue else {
                throw MockError.invalidRequest(
                    "Invalid 'messages[\(index)]': expected an object with a string 'role'.", param: "messages.[\(index)]")
            }
            if role == "user" { lastUser = message }
        }
        self.lastUserText = MockPromptTokens.MessageContent(lastUser?["content"]).text
        self.promptTokens = MockPromptTokens.count(messages: messages)

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
