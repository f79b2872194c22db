public import Dialects
public import TokModelCore

/// A catalog model as the Gemini model listing shows it.
public struct ListedModel: Sendable, Equatable {
    /// The catalog id clients send (`openai/gpt-4o`).
    public var id: String
    public var displayName: String
    /// The context window in tokens (`inputTokenLimit`); omitted from the listing when unknown.
    public var contextLength: Int?
    /// The most output tokens a request may ask for (`outputTokenLimit`); omitted when unknown.
    public var maxOutputTokens: Int?
    /// A sentence about the model; a generic one naming the id is used when nil.
    public var description: String?

    public init(id: String, displayName: String, contextLength: Int? = nil, maxOutputTokens: Int? = nil, description: String? = nil) {
        self.id = id
        self.displayName = displayName
        self.contextLength = contextLength
        self.maxOutputTokens = maxOutputTokens
        self.description = description
    }
}

/// Gemini's `GET /v1beta/models` listing of TokModel's catalog (wire-formats §5.6, §6.3–6.4), in the shape the
/// official `google-genai` SDK parses (`_ListModelsResponse_from_mldev` / `_Model_from_mldev`): `models[]` with
/// `name`, `displayName`, `description`, `version`, `inputTokenLimit`, `outputTokenLimit`,
/// `supportedGenerationMethods`, plus `nextPageToken` when more pages follow.
public enum GeminiModelList {
    /// Gemini's default and maximum page sizes.
    public static let defaultPageSize = 50
    public static let maxPageSize = 1000

    /// The methods every TokModel chat model answers. Real Google listings leave `streamGenerateContent` out; the
    /// reference (§6.4) lists it, and clients that filter on `generateContent` are unaffected.
    static let generationMethods: JSONValue = ["generateContent", "streamGenerateContent", "countTokens"]

    /// One page of the listing, in the order of `models`.
    ///
    /// - `pageSize`: nil or 0 means 50 (proto3 has no "unset" for integers, so Google reads 0 as the default);
    ///   more than 1000 is clamped to 1000, as Google does; negative is refused.
    /// - `pageToken`: nil or empty for the first page, else a `nextPageToken` from an earlier page. Tokens are
    ///   opaque to clients (base64url of `o:<offset>`); one that does not decode is refused with a 400. A valid
    ///   token past the end (the catalog shrank between pages) gives an empty last page rather than an error.
    ///
    /// `models` is always present, even empty: older SDK versions raise "Cannot determine the models type" on a
    /// body without it.
    public static func page(models: [ListedModel], pageSize: Int?, pageToken: String?) throws(GatewayError) -> JSONValue {
        let size: Int
        switch pageSize {
        case nil, 0?: size = defaultPageSize
        case let requested? where requested < 0:
            throw GatewayError.invalidField("pageSize", "must not be negative")
        case let requested?: size = min(requested, maxPageSize)
        }
        var offset = 0
        if let token = pageToken, !token.isEmpty {
            guard let decoded = PageToken.offset(token) else {
                throw GatewayError.invalidField("pageToken", "not a page token this listing issued")
            }
            offset = min(decoded, models.count)
        }
        let end = offset + min(size, models.count - offset)
        var body: [(String, JSONValue)] = [("models", .array(models[offset..<end].map(entry)))]
        if end < models.count {
            body.append(("nextPageToken", .string(PageToken.token(offset: end))))
        }
        return .object(body)
    }

    /// One `Model` object. `name` is `models/<catalog id>` (the id may itself hold a `/`), `baseModelId` the
    /// catalog id, `version` a fixed `"001"` since the catalog has no versions.
    static func entry(_ model: ListedModel) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string("models/" + model.id)),
            ("baseModelId", .string(model.id)),
            ("version", "001"),
            ("displayName", .string(model.displayName)),
            ("description", .string(model.description ?? "\(model.displayName) (\(model.id)), served through TokModel.")),
        ]
        if let context = model.contextLength { members.append(("inputTokenLimit", .int(context))) }
        if let output = model.maxOutputTokens { members.append(("outputTokenLimit", .int(output))) }
        members.append(("supportedGenerationMethods", generationMethods))
        return .object(members)
    }
}

/// Opaque page tokens: base64url (no padding) of `o:<decimal offset>`.
enum PageToken {
    static func token(offset: Int) -> String {
        Base64URL.encode(Array("o:\(offset)".utf8))
    }

    static func offset(_ token: String) -> Int? {
        guard token.utf8.count <= 64, let bytes = Base64URL.decode(token), bytes.starts(with: "o:".utf8) else { return nil }
        let digits = bytes.dropFirst(2)
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let offset = Int(String(decoding: digits, as: UTF8.self))
        else { return nil }
        return offset
    }
}

/// RFC 4648 §5 base64url without padding, the small part of it page tokens need.
enum Base64URL {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value = 0
            for (offset, byte) in chunk.enumerated() { value |= Int(byte) << (16 - 8 * offset) }
            for position in 0..<(chunk.count + 1) { out.append(alphabet[(value >> (18 - 6 * position)) & 0x3F]) }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Nil for characters outside the alphabet, padding, or a length no encoding produces.
    static func decode(_ text: String) -> [UInt8]? {
        var values: [Int] = []
        for byte in text.utf8 {
            guard let value = alphabet.firstIndex(of: byte) else { return nil }
            values.append(value)
        }
        guard values.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        var index = 0
        while index < values.count {
            let group = values[index..<min(index + 4, values.count)]
            var value = 0
            for (offset, sextet) in group.enumerated() { value |= sextet << (18 - 6 * offset) }
            for position in 0..<(group.count - 1) { out.append(UInt8((value >> (16 - 8 * position)) & 0xFF)) }
            index += 4
        }
        // Reject non-canonical encodings (stray bits in the last character), so each offset has one token.
        guard encode(out) == text else { return nil }
        return out
    }
}
