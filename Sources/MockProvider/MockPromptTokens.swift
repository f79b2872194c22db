public import Dialects

/// The mock's prompt-token count: a fixed, documented formula, the same in every dialect, so that tests
/// outside this package can compute the exact number the gateway should bill.
///
///     prompt_tokens = 3 + Σ over turns ( 4 + ceil(T / 4) + 85 × I )
///
/// where, for each turn, `T` is the UTF-8 byte count of its countable text and `I` its number of image parts.
/// Directives count as text: the formula sees the message as sent. 4 per turn and 3 per request mirror
/// OpenAI's own overhead for roles and priming. Tool definitions (`tools`) are not counted. What a turn and
/// its text are depends on the dialect:
///
/// **OpenAI** (``count(messages:)``): each element of `messages` is a turn, whatever its role (system,
/// developer, user, assistant, tool). Its text is the `content` string, or the concatenation (no separator)
/// of the `text` of every `{"type":"text"}` part when `content` is an array, followed by the
/// `function.arguments` string of every element of an assistant's `tool_calls`. Image parts are those with
/// `"type":"image_url"`; any other content (null, audio, files, refusals) counts nothing.
///
/// **Anthropic** (``count(anthropicSystem:messages:)``): a `system` member that is present and not null is
/// one turn (its string, or its text blocks concatenated), then each element of `messages` is a turn. A
/// message's text is its `content` string, or the concatenation, in block order, of: each `text` block's
/// `text`; each `tool_use` block's `input` written as compact JSON (no whitespace, members in the order
/// received, as ``JSONWriter`` writes it); each `tool_result` block's content text (its `content` string, or
/// its text blocks concatenated; none when absent). Images are `image` blocks, including those inside a
/// `tool_result`. Other blocks (thinking, documents) count nothing.
///
/// **Gemini** (``count(geminiSystemInstruction:contents:)``): a `systemInstruction` that is present and not
/// null is one turn (its text parts concatenated), then each element of `contents` is a turn. Its text is
/// the concatenation, in part order, of: each `text` part; each `functionCall`'s `args` written as compact
/// JSON (none when absent); each `functionResponse`'s result text, which is `response.output` when that is
/// a string and else `response` written as compact JSON. Images are `inlineData` and `fileData` parts
/// whose `mimeType` starts with `image/`.
public enum MockPromptTokens {
    public static let perRequest = 3
    public static let perMessage = 4
    public static let perImage = 85

    /// What the formula needs from one turn.
    public struct Turn: Sendable, Equatable {
        public var textBytes: Int
        public var imageParts: Int

        public init(textBytes: Int = 0, imageParts: Int = 0) {
            self.textBytes = textBytes
            self.imageParts = imageParts
        }

        public var tokens: Int { perMessage + (textBytes + 3) / 4 + perImage * imageParts }
    }

    public static func count(turns: some Sequence<Turn>) -> Int {
        turns.reduce(perRequest) { $0 + $1.tokens }
    }

    /// OpenAI `messages`.
    public static func count(messages: [JSONValue]) -> Int {
        var total = perRequest
        for message in messages {
            let content = MessageContent(message["content"])
            var textBytes = content.textBytes
            if let calls = message["tool_calls"]?.arrayValue {
                for call in calls {
                    textBytes += call["function"]?["arguments"]?.stringValue?.utf8.count ?? 0
                }
            }
            total += Turn(textBytes: textBytes, imageParts: content.imageParts).tokens
        }
        return total
    }

    /// What the formula needs from one OpenAI message's `content`.
    public struct MessageContent: Sendable, Equatable {
        /// The text as described above.
        public var text: String
        public var imageParts: Int
        public var textBytes: Int { text.utf8.count }

        public init(_ content: JSONValue?) {
            text = ""
            imageParts = 0
            switch content {
            case .string(let string): text = string
            case .array(let parts):
                for part in parts {
                    switch part["type"]?.stringValue {
                    case "text": if let partText = part["text"]?.stringValue { text += partText }
                    case "image_url": imageParts += 1
                    default: break
                    }
                }
            default: break
            }
        }
    }

    // MARK: Anthropic

    /// Anthropic `system` and `messages`.
    public static func count(anthropicSystem system: JSONValue?, messages: [JSONValue]) -> Int {
        var total = perRequest
        if let system, !system.isNull { total += anthropicTurn(system).tokens }
        for message in messages { total += anthropicTurn(message["content"]).tokens }
        return total
    }

    /// One Anthropic `content` (or `system`): a string or an array of blocks.
    public static func anthropicTurn(_ content: JSONValue?) -> Turn {
        var turn = Turn()
        switch content {
        case .string(let text): turn.textBytes = text.utf8.count
        case .array(let blocks):
            for block in blocks {
                switch block["type"]?.stringValue {
                case "text": turn.textBytes += block["text"]?.stringValue?.utf8.count ?? 0
                case "image": turn.imageParts += 1
                case "tool_use": if let input = block["input"] { turn.textBytes += JSONWriter.bytes(input).count }
                case "tool_result":
                    let result = anthropicToolResult(block["content"])
                    turn.textBytes += result.text.utf8.count
                    turn.imageParts += result.images
                default: break
                }
            }
        default: break
        }
        return turn
    }

    /// A `tool_result` block's `content`: its string, or its text blocks concatenated, and its image blocks.
    public static func anthropicToolResult(_ content: JSONValue?) -> (text: String, images: Int) {
        switch content {
        case .string(let text): return (text, 0)
        case .array(let blocks):
            var text = ""
            var images = 0
            for block in blocks {
                switch block["type"]?.stringValue {
                case "text": text += block["text"]?.stringValue ?? ""
                case "image": images += 1
                default: break
                }
            }
            return (text, images)
        default: return ("", 0)
        }
    }

    // MARK: Gemini

    /// Gemini `systemInstruction` and `contents`.
    public static func count(geminiSystemInstruction system: JSONValue?, contents: [JSONValue]) -> Int {
        var total = perRequest
        if let system, !system.isNull { total += geminiTurn(system).tokens }
        for content in contents { total += geminiTurn(content).tokens }
        return total
    }

    /// One Gemini `Content` (or `systemInstruction`).
    public static func geminiTurn(_ content: JSONValue) -> Turn {
        var turn = Turn()
        for part in content["parts"]?.arrayValue ?? [] {
            if let text = part["text"]?.stringValue {
                turn.textBytes += text.utf8.count
            } else if let call = GeminiField.functionCall(part) {
                if let args = call["args"] { turn.textBytes += JSONWriter.bytes(args).count }
            } else if let response = GeminiField.functionResponse(part) {
                turn.textBytes += geminiResultText(response).utf8.count
            } else if let data = GeminiField.inlineData(part) ?? GeminiField.fileData(part),
                GeminiField.mimeType(data)?.hasPrefix("image/") == true
            {
                turn.imageParts += 1
            }
        }
        return turn
    }

    /// A `functionResponse`'s result text: `response.output` when it is a string, else `response` as compact
    /// JSON (empty when absent).
    public static func geminiResultText(_ functionResponse: JSONValue) -> String {
        guard let response = functionResponse["response"] else { return "" }
        if let output = response["output"]?.stringValue { return output }
        return JSONWriter.string(response)
    }
}
