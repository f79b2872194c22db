import Dialects

/// What every object of one answer repeats: its id, creation time and model. The header bytes are written
/// once and reused for each stream chunk, which keeps streaming cheap.
public struct MockCompletionIdentity: Sendable, Equatable {
    /// `chatcmpl-mock-<counter>`.
    public var id: String
    /// Unix seconds.
    public var created: Int
    /// The request's model, echoed as OpenAI does.
    public var model: String

    public init(id: String, created: Int, model: String) {
        self.id = id
        self.created = created
        self.model = model
    }

    public static let systemFingerprint = "fp_mock"

    /// `{"id":..,"object":<object>,"created":..,"model":..` without the closing brace.
    func writeOpening(object: StaticString, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"id":"#.utf8)
        JSONWriter.writeString(id, into: &out)
        out.append(contentsOf: #","object":""#.utf8)
        out.append(contentsOf: UnsafeBufferPointer(start: object.utf8Start, count: object.utf8CodeUnitCount))
        out.append(contentsOf: #"","created":"#.utf8)
        out.append(contentsOf: String(created).utf8)
        out.append(contentsOf: #","model":"#.utf8)
        JSONWriter.writeString(model, into: &out)
    }
}

extension MockUsage {
    /// OpenAI's usage object, details included because SDKs and the gateway read them.
    func write(into out: inout [UInt8]) {
        out.append(contentsOf: #"{"prompt_tokens":"#.utf8)
        out.append(contentsOf: String(promptTokens).utf8)
        out.append(contentsOf: #","completion_tokens":"#.utf8)
        out.append(contentsOf: String(completionTokens).utf8)
        out.append(contentsOf: #","total_tokens":"#.utf8)
        out.append(contentsOf: String(totalTokens).utf8)
        out.append(contentsOf: #","prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}"#.utf8)
    }
}
