internal import CLibPQ

/// Turning libpq's C error text into messages that are safe and readable in one log line.
enum LibPQMessage {
    /// The connection's last error (`PQerrorMessage`), on one line.
    static func connectionError(_ connection: OpaquePointer?) -> String {
        guard let connection, let text = PQerrorMessage(connection) else { return "unknown libpq error" }
        let message = oneLine(String(cString: text))
        return message.isEmpty ? "unknown libpq error" : message
    }

    /// Folds libpq's multi-line messages (`…failed: Connection refused\n\tIs the server running…`) into one
    /// line and drops the trailing newline libpq always adds.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline)
            .map { $0.drop(while: \.isWhitespace) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    /// Replaces every `"quoted"` fragment with `"…"`. libpq quotes the piece of the connection string it
    /// could not parse, and that piece may be the password or the whole URL.
    static func redactingQuoted(_ text: String) -> String {
        var result = ""
        var inQuote = false
        for character in text {
            if character == "\"" {
                result.append(inQuote ? "…\"" : "\"")
                inQuote.toggle()
            } else if !inQuote {
                result.append(character)
            }
        }
        if inQuote { result.append("…") }
        return result
    }

    /// Removes every occurrence of `secret` from `text`. libpq does not put passwords into connection errors
    /// today; this keeps that true whatever a future version or a server message does.
    static func redacting(_ secret: String?, in text: String) -> String {
        guard let secret, !secret.isEmpty else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.firstRange(of: secret) {
            result += rest[..<range.lowerBound]
            result += "<redacted>"
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
