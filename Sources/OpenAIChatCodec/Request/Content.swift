import Conversation
import Dialects
import TokModelCore

/// The `content` of a message: a string or an array of typed parts, with the part types each role allows
/// (§2.2). Parts the canonical model cannot carry are refused with a 400 rather than dropped, because
/// silently losing an attachment changes the answer.
enum Content {
    /// System, developer and tool messages: a string or text parts only.
    static func texts(_ content: JSONValue?, _ path: String, role: String) throws(GatewayError) -> [String] {
        switch content {
        case nil, .null?: throw GatewayError.missingField(path)
        case .string(let s)?: return [s]
        case .array(let parts)?:
            var texts: [String] = []
            for (index, part) in parts.enumerated() {
                let partPath = "\(path)[\(index)]"
                let type = try partType(part, partPath)
                guard type == "text" else {
                    throw GatewayError.invalidField("\(partPath).type", "'\(role)' messages take only text parts, not '\(type)'")
                }
                texts.append(try Field.requiredString(part["text"], "\(partPath).text"))
            }
            return texts
        default: throw GatewayError.invalidField(path, "expected a string or an array of content parts")
        }
    }

    /// Assistant messages: absent/null, a string, or `text` and `refusal` parts (refusals become text).
    static func assistantTexts(_ content: JSONValue?, _ path: String) throws(GatewayError) -> [String] {
        switch content {
        case nil, .null?: return []
        case .string(let s)?: return [s]
        case .array(let parts)?:
            var texts: [String] = []
            for (index, part) in parts.enumerated() {
                let partPath = "\(path)[\(index)]"
                switch try partType(part, partPath) {
                case "text": texts.append(try Field.requiredString(part["text"], "\(partPath).text"))
                case "refusal": texts.append(try Field.requiredString(part["refusal"], "\(partPath).refusal"))
                case let type:
                    throw GatewayError.invalidField("\(partPath).type", "assistant messages take only 'text' and 'refusal' parts, not '\(type)'")
                }
            }
            return texts
        default: throw GatewayError.invalidField(path, "expected a string, null or an array of content parts")
        }
    }

    /// User messages: a string, or text and image parts. Empty text parts are dropped unless they are all
    /// there is, so a message is never turned into an empty turn.
    static func userBlocks(_ content: JSONValue?, _ path: String) throws(GatewayError) -> [ContentBlock] {
        switch content {
        case nil, .null?: throw GatewayError.missingField(path)
        case .string(let s)?: return [.text(s)]
        case .array(let parts)?:
            guard !parts.isEmpty else { throw GatewayError.invalidField(path, "expected at least one content part") }
            var blocks: [ContentBlock] = []
            for (index, part) in parts.enumerated() {
                let partPath = "\(path)[\(index)]"
                switch try partType(part, partPath) {
                case "text": blocks.append(.text(try Field.requiredString(part["text"], "\(partPath).text")))
                case "image_url": blocks.append(.image(try image(part["image_url"], "\(partPath).image_url")))
                case "input_audio":
                    throw GatewayError.unsupported("\(partPath).type", "audio input ('input_audio' parts) is not supported by this gateway")
                case "file":
                    throw GatewayError.unsupported("\(partPath).type", "file input ('file' parts) is not supported by this gateway")
                case let type:
                    throw GatewayError.invalidField("\(partPath).type", "expected 'text' or 'image_url', not '\(type)'")
                }
            }
            let nonEmpty = blocks.filter { $0 != .text("") }
            return nonEmpty.isEmpty ? [.text("")] : nonEmpty
        default: throw GatewayError.invalidField(path, "expected a string or an array of content parts")
        }
    }

    /// `{"url": "https://…" | "data:<mime>;base64,…", "detail"?}`. A data URL becomes inline bytes (its
    /// `detail` has nowhere to go in the canonical model and is dropped); an http(s) URL keeps its `detail`.
    static func image(_ value: JSONValue?, _ path: String) throws(GatewayError) -> ImageSource {
        // Some clients send the URL string directly instead of the object; accept it.
        let object: JSONValue
        if case .string(let url)? = value { object = ["url": .string(url)] } else { object = try Field.requiredObject(value, path) }
        let url = try Field.requiredString(object["url"], "\(path).url")
        let detail = try Field.string(object["detail"], "\(path).detail")
        if url.utf8.count >= 5, url.prefix(5).lowercased() == "data:" {
            guard let data = DataURL(url) else {
                throw GatewayError.invalidField("\(path).url", "expected a data URL of the form 'data:<media type>;base64,<data>'")
            }
            return .base64(mediaType: data.mediaType, data: data.base64)
        }
        let lowered = url.prefix(8).lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            throw GatewayError.invalidField("\(path).url", "expected an http(s) URL or a base64 data URL")
        }
        return .url(url, detail: detail)
    }

    private static func partType(_ part: JSONValue, _ path: String) throws(GatewayError) -> String {
        guard case .object = part else { throw GatewayError.invalidField(path, "expected a content part object") }
        return try Field.requiredString(part["type"], "\(path).type")
    }
}
