import Dialects
import TokModelCore

/// Typed reads of request fields that throw a 400 naming the field, so that every decoder reports bad
/// input the same way. Absent and `null` both read as nil: OpenAI's SDKs send `null` for unset options.
enum FieldReader {
    static func string(_ value: JSONValue?, _ param: String) throws(GatewayError) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let s)?: return s
        default: throw GatewayError.invalidField(param, "expected a string")
        }
    }

    static func requiredString(_ value: JSONValue?, _ param: String) throws(GatewayError) -> String {
        guard let s = try string(value, param) else { throw GatewayError.missingField(param) }
        return s
    }

    /// A string that must not be empty (names, ids).
    static func name(_ value: JSONValue?, _ param: String) throws(GatewayError) -> String {
        let s = try requiredString(value, param)
        guard !s.isEmpty else { throw GatewayError.invalidField(param, "expected a non-empty string") }
        return s
    }

    static func bool(_ value: JSONValue?, _ param: String) throws(GatewayError) -> Bool? {
        switch value {
        case nil, .null?: return nil
        case .bool(let b)?: return b
        default: throw GatewayError.invalidField(param, "expected a boolean")
        }
    }

    static func object(_ value: JSONValue?, _ param: String) throws(GatewayError) -> JSONValue? {
        switch value {
        case nil, .null?: return nil
        case .object?: return value
        default: throw GatewayError.invalidField(param, "expected an object")
        }
    }

    static func array(_ value: JSONValue?, _ param: String) throws(GatewayError) -> [JSONValue]? {
        switch value {
        case nil, .null?: return nil
        case .array(let elements)?: return elements
        default: throw GatewayError.invalidField(param, "expected an array")
        }
    }

    /// A positive integer (token limits).
    static func positiveInteger(_ value: JSONValue?, _ param: String) throws(GatewayError) -> Int64? {
        switch value {
        case nil, .null?: return nil
        case .number?:
            guard let n = value?.int64Value, n > 0 else { throw GatewayError.invalidField(param, "expected a positive integer") }
            return n
        default: throw GatewayError.invalidField(param, "expected a positive integer")
        }
    }

    /// A number within `range`, kept as its JSON text so that it passes through unchanged.
    static func number(_ value: JSONValue?, _ param: String, in range: ClosedRange<Double>) throws(GatewayError) -> JSONValue? {
        switch value {
        case nil, .null?: return nil
        case .number?:
            guard let d = value?.doubleValue, range.contains(d) else {
                throw GatewayError.invalidField(param, "expected a number from \(format(range.lowerBound)) to \(format(range.upperBound))")
            }
            return value
        default: throw GatewayError.invalidField(param, "expected a number")
        }
    }

    private static func format(_ d: Double) -> String {
        d == d.rounded() ? String(Int(d)) : String(d)
    }

    /// A 400 for a feature the gateway deliberately does not offer (as opposed to malformed input).
    static func unsupported(_ param: String, _ message: String) -> GatewayError {
        GatewayError(.invalidRequest, message, code: "unsupported_parameter", param: param)
    }
}
