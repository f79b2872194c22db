public import Dialects

/// The mock's prompt-token count: a fixed, documented formula, so that tests outside this package can
/// compute the exact number the gateway should bill.
///
///     prompt_tokens = 3 + Σ over messages ( 4 + ceil(T / 4) + 85 × I )
///
/// where, for each message, `T` is the UTF-8 byte count of its text and `I` its number of image parts. The
/// text is the `content` string, or the concatenation (no separator) of the `text` of every
/// `{"type":"text"}` part when `content` is an array; any other content (null, tool calls) has no text.
/// Image parts are those with `"type":"image_url"`. Directives count as text: the formula sees the message
/// as sent. 4 per message and 3 per request mirror OpenAI's own overhead for roles and priming.
public enum MockPromptTokens {
    public static let perRequest = 3
    public static let perMessage = 4
    public static let perImage = 85

    public static func count(messages: [JSONValue]) -> Int {
        var total = perRequest
        for message in messages {
            let content = MessageContent(message["content"])
            total += perMessage + (content.textBytes + 3) / 4 + perImage * content.imageParts
        }
        return total
    }

    /// What the formula needs from one message's `content`.
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
}
