/// `data:<mime>[;param…];base64,<data>` (RFC 2397 as OpenAI uses it for inline images), split into the media
/// type and the raw base64 that Anthropic and Gemini want without the prefix (§11.3).
struct DataURL: Equatable {
    var mediaType: String
    var base64: String

    /// Nil when `url` is not a base64 data URL with a media type and some data. Parameters such as
    /// `;charset=utf-8` are allowed and dropped; a non-base64 data URL (`data:image/svg+xml,<svg…>`) is nil.
    init?(_ url: String) {
        let scheme = "data:"
        guard url.utf8.count > scheme.utf8.count, url.prefix(scheme.count).lowercased() == scheme else { return nil }
        let rest = url.dropFirst(scheme.count)
        guard let comma = rest.firstIndex(of: ",") else { return nil }
        let header = rest[..<comma].split(separator: ";", omittingEmptySubsequences: false)
        guard header.count >= 2, header.last?.lowercased() == "base64" else { return nil }
        let mediaType = String(header[0]).lowercased()
        let data = rest[rest.index(after: comma)...]
        guard !mediaType.isEmpty, mediaType.contains("/"), !data.isEmpty else { return nil }
        self.mediaType = mediaType
        self.base64 = String(data)
    }

    init(mediaType: String, base64: String) {
        self.mediaType = mediaType
        self.base64 = base64
    }

    /// The URL form OpenAI expects for inline bytes.
    var url: String { "data:\(mediaType);base64,\(base64)" }
}
