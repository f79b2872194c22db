public import Dialects
public import TokModelCore

/// TokModel's canonical model of a conversation: a superset of OpenAI Chat, OpenAI Responses, Anthropic
/// Messages and Gemini, so that every dialect translates to and from this one instead of to every other
/// (docs/translation.md; shared/wire-formats.md §11 is the field-by-field reference).
///
/// Pure values, no I/O. Numbers that pass through (temperature, seeds) stay as their JSON text.
public struct ChatRequest: Sendable, Equatable {
    /// The catalog id the client asked for.
    public var model: String
    /// System instructions, in order (text blocks).
    public var system: [ContentBlock]
    public var turns: [Turn]
    public var tools: [FunctionTool]
    public var toolChoice: ToolChoice?
    public var parallelToolCalls: Bool?
    public var sampling: Sampling
    /// The most output tokens the client allows (`max_tokens`, `max_completion_tokens`, `max_output_tokens`,
    /// `maxOutputTokens`).
    public var maxOutputTokens: Int64?
    public var responseFormat: ResponseFormat?
    public var reasoning: Reasoning?
    public var stream: Bool
    /// OpenAI's `stream_options.include_usage` as the client sent it (egress always asks for usage).
    public var includeUsage: Bool
    /// An end-user id for abuse tracking (`user`, Anthropic `metadata.user_id`).
    public var user: String?

    public init(
        model: String, system: [ContentBlock] = [], turns: [Turn] = [], tools: [FunctionTool] = [], toolChoice: ToolChoice? = nil,
        parallelToolCalls: Bool? = nil, sampling: Sampling = Sampling(), maxOutputTokens: Int64? = nil, responseFormat: ResponseFormat? = nil,
        reasoning: Reasoning? = nil, stream: Bool = false, includeUsage: Bool = false, user: String? = nil
    ) {
        self.model = model
        self.system = system
        self.turns = turns
        self.tools = tools
        self.toolChoice = toolChoice
        self.parallelToolCalls = parallelToolCalls
        self.sampling = sampling
        self.maxOutputTokens = maxOutputTokens
        self.responseFormat = responseFormat
        self.reasoning = reasoning
        self.stream = stream
        self.includeUsage = includeUsage
        self.user = user
    }
}

public enum Role: String, Sendable, Equatable {
    case user, assistant
}

/// One turn of the conversation. Tool results travel in user turns (Anthropic's and Gemini's convention);
/// OpenAI's `tool` messages become tool-result blocks of a user turn.
public struct Turn: Sendable, Equatable {
    public var role: Role
    public var blocks: [ContentBlock]

    public init(role: Role, blocks: [ContentBlock]) {
        self.role = role
        self.blocks = blocks
    }
}

public enum ContentBlock: Sendable, Equatable {
    case text(String)
    case image(ImageSource)
    case toolCall(ToolCall)
    case toolResult(ToolResult)
    case thinking(Thinking)
}

public enum ImageSource: Sendable, Equatable {
    /// An http(s) URL, with OpenAI's optional `detail`.
    case url(String, detail: String?)
    /// Inline bytes, base64-encoded, with their media type.
    case base64(mediaType: String, data: String)
}

public struct ToolCall: Sendable, Equatable {
    public var id: String
    public var name: String
    /// The arguments as a JSON text (OpenAI's form); Anthropic's and Gemini's objects are serialised here.
    public var arguments: String
    /// Gemini's `thoughtSignature`, kept so it can be sent back on the next turn.
    public var thoughtSignature: String?

    public init(id: String, name: String, arguments: String, thoughtSignature: String? = nil) {
        self.id = id
        self.name = name
        self.arguments = arguments
        self.thoughtSignature = thoughtSignature
    }
}

public struct ToolResult: Sendable, Equatable {
    public var callID: String
    /// The function's name (Gemini needs it; OpenAI and Anthropic do not send it).
    public var name: String?
    /// Text and image blocks.
    public var content: [ContentBlock]
    public var isError: Bool

    public init(callID: String, name: String? = nil, content: [ContentBlock], isError: Bool = false) {
        self.callID = callID
        self.name = name
        self.content = content
        self.isError = isError
    }
}

public struct Thinking: Sendable, Equatable {
    public var text: String
    /// The provider's signature over the thinking: Anthropic's (required to send thinking back to Anthropic), or
    /// Gemini's thought signature marked with ``ThinkingSignatures/geminiMarker`` so that it is never sent to
    /// Anthropic as if it were Anthropic's.
    public var signature: String?
    /// Anthropic's `redacted_thinking` data.
    public var redactedData: String?

    public init(text: String, signature: String? = nil, redactedData: String? = nil) {
        self.text = text
        self.signature = signature
        self.redactedData = redactedData
    }
}

public struct FunctionTool: Sendable, Equatable {
    public var name: String
    public var description: String?
    /// JSON Schema of the arguments.
    public var parameters: JSONValue
    public var strict: Bool?

    public init(name: String, description: String? = nil, parameters: JSONValue = ["type": "object", "properties": [:]], strict: Bool? = nil) {
        self.name = name
        self.description = description
        self.parameters = parameters
        self.strict = strict
    }
}

public enum ToolChoice: Sendable, Equatable {
    case auto
    case none
    /// The model must call some tool.
    case required
    /// The model must call this function.
    case function(String)
}

/// Sampling parameters; numbers are kept as JSON values so that they pass through unchanged.
public struct Sampling: Sendable, Equatable {
    public var temperature: JSONValue?
    public var topP: JSONValue?
    public var topK: JSONValue?
    public var stop: [String]
    public var seed: JSONValue?
    public var presencePenalty: JSONValue?
    public var frequencyPenalty: JSONValue?
    /// Number of choices (OpenAI `n`, Gemini `candidateCount`).
    public var choices: Int64?
    public var logprobs: Bool?
    public var topLogprobs: Int64?

    public init(
        temperature: JSONValue? = nil, topP: JSONValue? = nil, topK: JSONValue? = nil, stop: [String] = [], seed: JSONValue? = nil,
        presencePenalty: JSONValue? = nil, frequencyPenalty: JSONValue? = nil, choices: Int64? = nil, logprobs: Bool? = nil, topLogprobs: Int64? = nil
    ) {
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.stop = stop
        self.seed = seed
        self.presencePenalty = presencePenalty
        self.frequencyPenalty = frequencyPenalty
        self.choices = choices
        self.logprobs = logprobs
        self.topLogprobs = topLogprobs
    }
}

public enum ResponseFormat: Sendable, Equatable {
    case text
    case jsonObject
    case jsonSchema(name: String, schema: JSONValue, strict: Bool?)
}

public enum Reasoning: Sendable, Equatable {
    /// OpenAI's `reasoning_effort` / Responses `reasoning.effort`: minimal, low, medium, high.
    case effort(String)
    /// Anthropic's `thinking.budget_tokens` / Gemini's `thinkingBudget`.
    case budget(Int64)
    case disabled
}

/// Why generation stopped, in one vocabulary (wire-formats §11.12 maps each dialect's names).
public enum StopReason: Sendable, Equatable {
    case endTurn
    case stopSequence
    case maxTokens
    case toolUse
    case contentFilter
    case pause
    case contextWindow
    case error
    case other(String)
}

/// A complete (non-streamed) answer.
public struct ChatResponse: Sendable, Equatable {
    public var id: String
    /// The model as the provider named it (the edge shows the client its catalog id).
    public var model: String
    /// Unix seconds.
    public var created: Int64
    /// The assistant's blocks: text, tool calls, thinking.
    public var blocks: [ContentBlock]
    public var stopReason: StopReason
    /// The stop sequence that matched, when the provider says.
    public var stopSequence: String?
    public var usage: Usage?

    public init(id: String, model: String, created: Int64, blocks: [ContentBlock], stopReason: StopReason, stopSequence: String? = nil, usage: Usage? = nil) {
        self.id = id
        self.model = model
        self.created = created
        self.blocks = blocks
        self.stopReason = stopReason
        self.stopSequence = stopSequence
        self.usage = usage
    }
}

/// The kind of a streamed content block.
public enum BlockKind: Sendable, Equatable {
    case text
    case toolCall(id: String, name: String)
    case thinking
}

/// One event of a streamed answer. Block indices count every content block of the answer in order (text,
/// tool calls and thinking alike, as Anthropic numbers them); dialects with separate numbering (OpenAI's
/// `tool_calls[].index`) map to and from it in their codec — the classic source of mixed-up indices.
public enum StreamEvent: Sendable, Equatable {
    case start(id: String, model: String)
    case blockStart(index: Int, kind: BlockKind)
    case textDelta(index: Int, text: String)
    case toolArgumentsDelta(index: Int, json: String)
    case thinkingDelta(index: Int, text: String)
    case thinkingSignature(index: Int, signature: String)
    case blockStop(index: Int)
    case finish(StopReason, stopSequence: String?)
    /// Usage so far (cumulative): encoders keep the last one.
    case usage(Usage)
    /// The provider failed mid-stream.
    case error(GatewayError)
    case end
}

/// Tool-call ids as other providers must see them.
/// Where a thinking signature came from. The signature travels through clients (an Anthropic client gives a
/// thinking block back verbatim), so its origin has to be in the string itself.
public enum ThinkingSignatures {
    /// Prefix of a Gemini thought signature carried as a thinking signature. `:` is outside base64's alphabet,
    /// so no Anthropic signature starts with it.
    public static let geminiMarker = "gemini:"

    public static func fromGemini(_ signature: String) -> String { geminiMarker + signature }

    /// True for a signature Anthropic issued (or at least not one another provider did): only those may be sent
    /// to Anthropic, which rejects any other.
    public static func isAnthropic(_ signature: String) -> Bool { !signature.isEmpty && !signature.hasPrefix(geminiMarker) }
}

public enum ToolCallIDs {
    /// Gemini's `thoughtSignature` rides in a tool-call id as `<id>__thought__<signature>` so that clients give
    /// it back; a provider other than Gemini must get the plain id (OpenAI limits ids to 40 characters, and the
    /// signature means nothing to it — wire-formats §11.6 rule 5). Applied to calls and their results alike,
    /// so they still match.
    public static func withoutGeminiSignature(_ id: String) -> String {
        guard let range = id.firstRange(of: "__thought__") else { return id }
        return String(id[..<range.lowerBound])
    }
}
