public import Conversation
public import Dialects

extension OpenAIResponses {
    /// The request parameters a Response object repeats back (`tools`, `tool_choice`, `temperature`, `text`,
    /// `instructions`, `metadata`, …). The SDKs require some of them (`tools`, `tool_choice`,
    /// `parallel_tool_calls`); the rest make the answer look like OpenAI's.
    ///
    /// The canonical request has no room for `metadata` and `truncation`, and merges `instructions` with the
    /// system and developer messages of `input`, so ``init(request:body:)`` reads those three from the raw
    /// body; ``init(request:)`` falls back to `{}`, `"disabled"` and the joined system text.
    public struct Echo: Sendable, Equatable {
        public var instructions: String?
        public var maxOutputTokens: Int64?
        public var parallelToolCalls: Bool
        public var toolChoice: ToolChoice?
        public var tools: [FunctionTool]
        /// As the client sent it; OpenAI's default `1.0` when absent.
        public var temperature: JSONValue
        public var topP: JSONValue
        public var responseFormat: ResponseFormat?
        public var reasoning: Reasoning?
        public var user: String?
        public var truncation: String
        public var metadata: JSONValue

        /// OpenAI's defaults, for answers to requests the encoder never saw.
        public init() {
            instructions = nil
            maxOutputTokens = nil
            parallelToolCalls = true
            toolChoice = nil
            tools = []
            temperature = .number("1.0")
            topP = .number("1.0")
            responseFormat = nil
            reasoning = nil
            user = nil
            truncation = "disabled"
            metadata = [:]
        }

        public init(request: ChatRequest) {
            self.init()
            let systemText = request.system.compactMap { block -> String? in
                if case .text(let text) = block { return text }
                return nil
            }
            instructions = systemText.isEmpty ? nil : systemText.joined(separator: "\n\n")
            maxOutputTokens = request.maxOutputTokens
            parallelToolCalls = request.parallelToolCalls ?? true
            toolChoice = request.toolChoice
            tools = request.tools
            temperature = request.sampling.temperature ?? .number("1.0")
            topP = request.sampling.topP ?? .number("1.0")
            responseFormat = request.responseFormat
            reasoning = request.reasoning
            user = request.user
        }

        /// Also echoes `instructions` exactly as sent, `truncation` and `metadata` from the body
        /// ``OpenAIResponses/decodeRequest(_:)`` accepted.
        public init(request: ChatRequest, body: JSONValue) {
            self.init(request: request)
            instructions = body["instructions"]?.stringValue
            if let truncation = body["truncation"]?.stringValue { self.truncation = truncation }
            if case .object? = body["metadata"] { metadata = body["metadata"] ?? [:] }
        }

        // MARK: Wire form

        var toolChoiceJSON: JSONValue {
            switch toolChoice {
            case nil, .auto?: "auto"
            case ToolChoice.none?: "none"
            case .required?: "required"
            case .function(let name)?: ["type": "function", "name": .string(name)]
            }
        }

        var toolsJSON: JSONValue {
            .array(
                tools.map { tool in
                    [
                        "type": "function",
                        "name": .string(tool.name),
                        "description": tool.description.map { .string($0) } ?? .null,
                        "parameters": tool.parameters,
                        "strict": tool.strict.map { .bool($0) } ?? .null,
                    ]
                })
        }

        var textJSON: JSONValue {
            let format: JSONValue
            switch responseFormat {
            case nil, .text?: format = ["type": "text"]
            case .jsonObject?: format = ["type": "json_object"]
            case .jsonSchema(let name, let schema, let strict)?:
                format = [
                    "type": "json_schema", "name": .string(name), "schema": schema, "strict": strict.map { .bool($0) } ?? .null,
                ]
            }
            // Verbosity is not mapped to providers; "medium" is OpenAI's default and what it reports.
            return ["format": format, "verbosity": "medium"]
        }

        var reasoningJSON: JSONValue {
            let effort: JSONValue
            switch reasoning {
            case .effort(let level)?: effort = .string(level)
            case .disabled?: effort = "none"
            case nil, .budget?: effort = .null
            }
            return ["effort": effort, "summary": .null]
        }
    }
}
