import Conversation
import Dialects
import TokModelCore

/// Content parts of input messages and of `function_call_output.output` → canonical blocks.
enum ContentParts {
    /// What a part may hold in a given place: system text and assistant history cannot carry images.
    enum Allowance {
        case textOnly
        case textAndImages
    }

    /// `content` as a string or an array of parts. Empty text is dropped (Anthropic rejects empty blocks).
    static func decode(_ value: JSONValue?, _ param: String, allowance: Allowance) throws(GatewayError) -> [ContentBlock] {
        switch value {
        case .string(let text)?:
            return text.isEmpty ? [] : [.text(text)]
        case .array(let parts)?:
            var blocks: [ContentBlock] = []
            for (index, part) in parts.enumerated() {
                if let block = try decodePart(part, "\(param)[\(index)]", allowance: allowance) { blocks.append(block) }
            }
            return blocks
        case nil, .null?:
            throw GatewayError.missingField(param)
        default:
            throw GatewayError.invalidField(param, "expected a string or an array of content parts")
        }
    }

    static func decodePart(_ part: JSONValue, _ param: String, allowance: Allowance) throws(GatewayError) -> ContentBlock? {
        guard case .object = part else { throw GatewayError.invalidField(param, "expected a content part object") }
        let type = try FieldReader.name(part["type"], "\(param).type")
        switch type {
        // `text` is Chat's spelling; accepted because clients port code between the two APIs.
        case "input_text", "output_text", "text":
            let text = try FieldReader.requiredString(part["text"], "\(param).text")
            return text.isEmpty ? nil : .text(text)
        case "refusal":
            // A replayed refusal is ordinary assistant text to every other provider (§11.2).
            let text = try FieldReader.requiredString(part["refusal"], "\(param).refusal")
            return text.isEmpty ? nil : .text(text)
        case "input_image":
            guard allowance == .textAndImages else {
                throw GatewayError.invalidField("\(param).type", "images are only accepted in user messages and function call outputs")
            }
            return .image(try image(part, param))
        case "input_file":
            throw FieldReader.unsupported(
                "\(param).type", "input_file parts are not supported by this gateway; send documents as text or images as input_image.")
        case "input_audio":
            throw FieldReader.unsupported("\(param).type", "input_audio parts are not supported by this gateway.")
        default:
            throw GatewayError.invalidField("\(param).type", "unknown content part type '\(type)'")
        }
    }

    /// `input_image`: `image_url` is a plain string (an http(s) URL or a base64 data URL), not Chat's object.
    static func image(_ part: JSONValue, _ param: String) throws(GatewayError) -> ImageSource {
        let detail = try FieldReader.string(part["detail"], "\(param).detail")
        guard let url = try FieldReader.string(part["image_url"], "\(param).image_url") else {
            if part["file_id"].map({ !$0.isNull }) ?? false {
                throw FieldReader.unsupported(
                    "\(param).file_id",
                    "input_image.file_id refers to OpenAI's Files API, which this gateway does not provide; send the image as image_url (an https URL or a base64 data URL)."
                )
            }
            throw GatewayError.missingField("\(param).image_url")
        }
        let lowered = url.prefix(8).lowercased()
        if lowered.hasPrefix("data:") {
            guard let (mediaType, data) = parseDataURL(url) else {
                throw GatewayError.invalidField("\(param).image_url", "a data URL must have the form data:<media type>;base64,<data>")
            }
            return .base64(mediaType: mediaType, data: data)
        }
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else {
            throw GatewayError.invalidField("\(param).image_url", "expected an http(s) URL or a base64 data URL")
        }
        return .url(url, detail: detail)
    }

    /// `data:<media type>[;param…];base64,<data>` → (media type, base64 data); nil when malformed or not base64.
    static func parseDataURL(_ url: String) -> (String, String)? {
        let utf8 = Array(url.utf8)
        guard utf8.count > 5, let comma = utf8.firstIndex(of: UInt8(ascii: ",")) else { return nil }
        let header = String(decoding: utf8[5..<comma], as: UTF8.self)
        let data = String(decoding: utf8[(comma + 1)...], as: UTF8.self)
        let fields = header.split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count >= 2, fields.last?.lowercased() == "base64", let mediaType = fields.first,
            mediaType.contains("/"), !data.isEmpty
        else { return nil }
        return (mediaType.lowercased(), data)
    }
}
