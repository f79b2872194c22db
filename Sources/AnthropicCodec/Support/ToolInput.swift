import Dialects

/// Converts between the canonical tool-call arguments (a JSON text, OpenAI's form) and Anthropic's `input`,
/// which must be a JSON object.
enum ToolInput {
    /// Anthropic's `input` object for canonical arguments, never failing (§11.2): models emit invalid JSON and
    /// clients edit their history, and neither may crash a request.
    /// - empty or blank text (a function without parameters) → `{}`;
    /// - a JSON object → itself, member order and number text kept;
    /// - any other JSON value → `{"value": …}`;
    /// - text that is not JSON → `{"_raw": "<text>"}`, so the model still sees what was there.
    static func object(fromArguments arguments: String) -> JSONValue {
        if arguments.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return [:] }
        guard let parsed = try? JSONParser.parse(Array(arguments.utf8)) else { return ["_raw": .string(arguments)] }
        if case .object = parsed { return parsed }
        return ["value": parsed]
    }

    /// The canonical arguments text for an Anthropic `input` (compact JSON; an absent input is `{}`).
    static func arguments(from input: JSONValue?) -> String {
        guard let input, !input.isNull else { return "{}" }
        return JSONWriter.string(input)
    }
}
