public import TokModelCore

/// What the edge needs to know about an OpenAI Chat Completions request before any I/O, read from its bytes
/// in one validating pass. The request's other fields are left untouched.
public struct OpenAIChatRequest: Sendable {
    public var model: String
    public var stream: Bool
    /// The client asked for the usage chunk (`stream_options.include_usage`).
    public var clientWantsStreamUsage: Bool
    /// `max_completion_tokens`, else `max_tokens`, when the client set one.
    public var maxOutputTokens: Int64?
    /// Number of choices (`n`), 1 when absent.
    public var choices: Int64
    /// Image parts in the messages; each may cost many prompt tokens.
    public var imageParts: Int
    /// The request's size in bytes; an upper bound on its text tokens (every token is at least one byte).
    public var byteCount: Int
    /// Whether the request declares tools (for the model's capability check).
    public var usesTools: Bool
    /// Whether the request asks for a JSON-schema response format.
    public var usesJSONSchema: Bool

    let source: [UInt8]
    let members: [JSONParser.Member]

    /// Prompt tokens reserved per image part: above the largest per-image charge of the major providers.
    public static let imageTokenAllowance: Int64 = 2_000
    /// Hard ceiling on requested output tokens, to refuse absurd values with a clear error.
    public static let outputTokenCeiling: Int64 = 1_000_000

    /// Parses and validates. Throws a 400-kind ``GatewayError`` naming the problem.
    public init(bytes: [UInt8]) throws(GatewayError) {
        let members: [JSONParser.Member]
        do {
            members = try JSONParser.indexObject(bytes)
        } catch {
            throw GatewayError.invalidJSON(error.description)
        }
        self.source = bytes
        self.members = members
        self.byteCount = bytes.count

        func member(_ key: String) -> JSONParser.Member? { members.last { $0.key == key } }
        func value(_ member: JSONParser.Member) -> JSONValue {
            // Values here are small scalars or objects already validated by indexObject.
            (try? JSONParser.parse(Array(bytes[member.valueRange]))) ?? .null
        }

        guard let modelMember = member("model") else { throw GatewayError.missingField("model") }
        guard modelMember.kind == .string, let model = value(modelMember).stringValue, !model.isEmpty else {
            throw GatewayError.invalidField("model", "expected a non-empty string")
        }
        self.model = model

        guard let messages = member("messages") else { throw GatewayError.missingField("messages") }
        guard messages.kind == .array else { throw GatewayError.invalidField("messages", "expected an array of messages") }
        if Self.isEmptyArray(bytes[messages.valueRange]) {
            throw GatewayError.invalidField("messages", "at least one message is required")
        }
        // Only the `"image_url":` member counts: the `"type":"image_url"` next to it would count every image twice.
        self.imageParts = Self.count(pattern: Array("\"image_url\"".utf8), in: bytes[messages.valueRange], followedBy: UInt8(ascii: ":"))

        var stream = false
        if let streamMember = member("stream") {
            switch value(streamMember) {
            case .bool(let b): stream = b
            case .null: stream = false
            default: throw GatewayError.invalidField("stream", "expected a boolean")
            }
        }
        self.stream = stream

        var wantsUsage = false
        if let options = member("stream_options") {
            let optionsValue = value(options)
            switch optionsValue {
            case .null: break
            case .object:
                if let include = optionsValue["include_usage"] {
                    guard let flag = include.boolValue else { throw GatewayError.invalidField("stream_options.include_usage", "expected a boolean") }
                    wantsUsage = flag
                }
            default: throw GatewayError.invalidField("stream_options", "expected an object")
            }
        }
        self.clientWantsStreamUsage = wantsUsage

        var maxOutput: Int64?
        for key in ["max_tokens", "max_completion_tokens"] {
            guard let m = member(key) else { continue }
            let v = value(m)
            if v.isNull { continue }
            guard let limit = v.int64Value, limit >= 1 else { throw GatewayError.invalidField(key, "expected a positive integer") }
            guard limit <= Self.outputTokenCeiling else {
                throw GatewayError.invalidField(key, "\(limit) is above the largest output any model allows (\(Self.outputTokenCeiling))")
            }
            maxOutput = max(maxOutput ?? 0, limit)
        }
        self.maxOutputTokens = maxOutput

        var n: Int64 = 1
        if let nMember = member("n") {
            let v = value(nMember)
            if !v.isNull {
                guard let count = v.int64Value, count >= 1, count <= 128 else { throw GatewayError.invalidField("n", "expected an integer from 1 to 128") }
                n = count
            }
        }
        self.choices = n

        if let tools = member("tools"), tools.kind == .array {
            self.usesTools = !Self.isEmptyArray(bytes[tools.valueRange])
        } else {
            self.usesTools = false
        }
        if let format = member("response_format"), format.kind == .object {
            self.usesJSONSchema = Self.count(pattern: Array("\"json_schema\"".utf8), in: bytes[format.valueRange]) > 0
        } else {
            self.usesJSONSchema = false
        }
    }

    /// Prompt tokens the request can cost at most: its bytes plus an allowance per image.
    public var inputTokenBound: Int64 { Int64(byteCount) + Int64(imageParts) * Self.imageTokenAllowance }

    /// A typical prompt-token count (about four bytes a token), used for tokens-per-minute limits at
    /// admission; settlement corrects it with the real count.
    public var inputTokenEstimate: Int64 { Int64(byteCount / 4) + Int64(imageParts) * 765 }

    /// The request as sent to an OpenAI-compatible provider: `model` replaced by the upstream name and, for
    /// streams, usage requested so that billing never depends on the client's choice.
    public func upstreamBody(upstreamModel: String) -> [UInt8] {
        var splicer = ByteSplicer(source: source, members: members)
        var quoted = [UInt8]()
        JSONWriter.writeString(upstreamModel, into: &quoted)
        splicer.set("model", rawValue: quoted)
        if stream && !clientWantsStreamUsage {
            var options: JSONValue = [:]
            if let existing = members.last(where: { $0.key == "stream_options" }),
                let parsed = try? JSONParser.parse(Array(source[existing.valueRange])), case .object = parsed
            {
                options = parsed
            }
            options.set("include_usage", true)
            splicer.set("stream_options", options)
        }
        return splicer.result()
    }

    static func isEmptyArray(_ slice: ArraySlice<UInt8>) -> Bool {
        for byte in slice where byte != UInt8(ascii: "[") && byte != UInt8(ascii: "]") && byte != 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09 {
            return false
        }
        return true
    }

    /// Occurrences of `pattern` in `slice`, when `next` is given only those followed by it after optional JSON
    /// whitespace (a deliberate over-count is fine: it only raises a reservation).
    static func count(pattern: [UInt8], in slice: ArraySlice<UInt8>, followedBy next: UInt8? = nil) -> Int {
        guard let first = pattern.first, slice.count >= pattern.count else { return 0 }
        var count = 0
        var index = slice.startIndex
        let last = slice.endIndex - pattern.count
        while index <= last {
            if slice[index] == first && slice[index..<(index + pattern.count)].elementsEqual(pattern) {
                index += pattern.count
                if let next {
                    var after = index
                    while after < slice.endIndex, [0x20, 0x0A, 0x0D, 0x09].contains(slice[after]) { after += 1 }
                    guard after < slice.endIndex, slice[after] == next else { continue }
                }
                count += 1
            } else {
                index += 1
            }
        }
        return count
    }
}
