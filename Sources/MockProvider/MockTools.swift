public import Dialects

/// Which tool calls a `[[mock:tool...]]` directive asks for (``MockDirectives``).
public enum MockToolDirective: Sendable, Equatable {
    /// `[[mock:tool]]`: one call to the request's first tool.
    case first
    /// `[[mock:tool=NAME]]`: one call to the tool with that name.
    case named(String)
    /// `[[mock:tools=N]]`: N parallel calls, to the request's first N tools in order.
    case count(Int)

    /// Most parallel calls a directive may ask for.
    public static let maxParallelCalls = 128
}

/// A function tool declared by the request: OpenAI `tools[].function`, Anthropic `tools[]`, Gemini
/// `tools[].functionDeclarations[]`, in the order declared.
public struct MockTool: Sendable, Equatable {
    public var name: String
    /// The JSON Schema of the arguments (`parameters`, `input_schema`, `parameters`/`parametersJsonSchema`),
    /// nil when the tool declares none.
    public var parameters: JSONValue?

    public init(name: String, parameters: JSONValue? = nil) {
        self.name = name
        self.parameters = parameters
    }
}

/// The request's tool choice, reduced to what changes the mock's answer.
public enum MockToolChoice: Sendable, Equatable {
    /// OpenAI `"auto"`, Anthropic `auto`, Gemini `AUTO`/`VALIDATED`, or nothing set: tools only when a
    /// directive asks.
    case auto
    /// OpenAI `"none"`, Anthropic `none`, Gemini `NONE`: never call a tool, whatever the directives say.
    case none
    /// OpenAI `"required"`, Anthropic `any`, Gemini `ANY` (without one single allowed name): without a tool
    /// directive, call the first tool.
    case required
    /// A forced function (OpenAI `{"type":"function",...}`, Anthropic `{"type":"tool","name"}`, Gemini `ANY`
    /// with exactly one `allowedFunctionNames`): without a tool directive, call it.
    case named(String)
}

/// One tool call of an answer.
public struct MockToolCall: Sendable, Equatable {
    public var name: String
    /// The arguments as compact JSON object text (``MockToolArguments``).
    public var arguments: String
    /// 1-based number of the call within the conversation: the calls already present in the request's history
    /// come first, so ids stay unique across the turns of a tool loop.
    public var number: Int

    public init(name: String, arguments: String, number: Int) {
        self.name = name
        self.arguments = arguments
        self.number = number
    }

    /// `call_mock_<number>`.
    public var openAIID: String { "call_mock_\(number)" }
    /// `toolu_mock_<number>`.
    public var anthropicID: String { "toolu_mock_\(number)" }

    /// What the call costs in completion tokens: `ceil(argument JSON bytes / 4) + 1`.
    public var completionTokens: Int { (arguments.utf8.count + 3) / 4 + 1 }
}

/// The deterministic arguments of a mock tool call, built from the tool's parameter schema: one member per
/// entry of the schema's `properties`, in schema order, whose value depends on the property's `type`
/// (compared case-insensitively, so Gemini's `STRING` works; for a type array such as `["string","null"]`
/// the first type other than `null` counts):
///
/// | type                  | value                    |
/// |-----------------------|--------------------------|
/// | `string`              | `"value-<property name>"` |
/// | `number`, `integer`   | `42`                     |
/// | `boolean`             | `true`                   |
/// | anything else or none | `null`                   |
///
/// The text is compact (no whitespace), e.g. `{"location":"value-location","days":42}`; a tool without
/// properties gets `{}`.
public enum MockToolArguments {
    public static func json(for schema: JSONValue?) -> String {
        var members: [(String, JSONValue)] = []
        if let properties = schema?["properties"]?.objectValue {
            for (name, property) in properties {
                members.append((name, value(for: type(of: property), name: name)))
            }
        }
        return JSONWriter.string(.object(members))
    }

    static func type(of property: JSONValue) -> String? {
        switch property["type"] {
        case .string(let type)?: return type.lowercased()
        case .array(let types)?:
            return types.lazy.compactMap { $0.stringValue?.lowercased() }.first { $0 != "null" }
        default: return nil
        }
    }

    static func value(for type: String?, name: String) -> JSONValue {
        switch type {
        case "string": .string("value-" + name)
        case "number", "integer": 42
        case "boolean": true
        default: .null
        }
    }
}

extension MockToolCall {
    /// The tool calls the answer makes, in order:
    ///
    /// 1. none when the request's last turn is a tool result (the answer then acknowledges it, so a tool
    ///    round trip ends with text) or the tool choice is `none`;
    /// 2. else those a tool directive asks for (`tool`, `tool=NAME`, `tools=N`, `text_then_tool`);
    /// 3. else, with a forcing tool choice, one call to the named tool or to the first tool;
    /// 4. else none.
    ///
    /// With parallel calls disabled (OpenAI `parallel_tool_calls: false`, Anthropic
    /// `disable_parallel_tool_use: true`) only the first call is kept.
    ///
    /// - Throws: a 400 when a directive or the tool choice names a tool the request does not declare, or asks
    ///   for more tools than it declares.
    public static func plan(for request: MockChatRequest, directives: MockDirectives) throws(MockError) -> [MockToolCall] {
        if request.toolResultText != nil || request.toolChoice == .none { return [] }
        let tools = request.tools
        func named(_ name: String, source: String) throws(MockError) -> MockTool {
            guard let tool = tools.first(where: { $0.name == name }) else {
                throw MockError.invalidRequest("\(source) names the tool \"\(name)\", which the request does not declare.", param: "tools")
            }
            return tool
        }
        var chosen: [MockTool]
        switch directives.requestedTools {
        case .first?:
            guard let first = tools.first else {
                throw MockError.invalidRequest("Mock directive tool needs the request to declare at least one tool.", param: "tools")
            }
            chosen = [first]
        case .named(let name)?:
            chosen = [try named(name, source: "Mock directive tool")]
        case .count(let count)?:
            guard count <= tools.count else {
                throw MockError.invalidRequest(
                    "Mock directive tools=\(count) needs at least \(count) tools; the request declares \(tools.count).", param: "tools")
            }
            chosen = Array(tools.prefix(count))
        case nil:
            switch request.toolChoice {
            case .required: chosen = tools.first.map { [$0] } ?? []
            case .named(let name): chosen = [try named(name, source: "The tool choice")]
            case .auto, .none: chosen = []
            }
        }
        if !request.parallelToolCalls { chosen = Array(chosen.prefix(1)) }
        return chosen.enumerated().map { index, tool in
            MockToolCall(name: tool.name, arguments: MockToolArguments.json(for: tool.parameters), number: request.priorToolCalls + index + 1)
        }
    }
}

extension MockToolCall {
    /// The arguments split into at most `count` consecutive non-empty fragments (by characters, so never
    /// inside a UTF-8 sequence), the longer ones first, as a stream sends them.
    public func argumentFragments(count: Int) -> [String] {
        MockAnswer.split(Array(arguments), into: count).map { String($0) }
    }
}
