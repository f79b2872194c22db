import Dialects
import TokModelCore

/// Typed reads of optional request fields. Absent and `null` both mean "not set" (OpenAI treats them alike);
/// a value of the wrong type is a 400 naming the field by its full path (`messages[2].content`), so a client
/// sees exactly which part of its request was wrong.
enum Field {
    static func string(_ value: JSONValue?, _ path: String) throws(GatewayError) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let s)?: return s
        default: throw GatewayError.invalidField(path, "expected a string")
        }
    }

    static func requiredString(_ value: JSONValue?, _ path: String) throws(GatewayError) -> String {
        guard let s = try string(value, path) else { throw GatewayError.missingField(path) }
        return s
    }

    static func bool(_ value: JSONValue?, _ path: String) throws(GatewayError) -> Bool? {
        switch value {
        case nil, .null?: return nil
        case .bool(let b)?: return b
        default: throw GatewayError.invalidField(path, "expected a boolean")
        }
    }

    /// A number kept as its JSON text, so that it reaches the provider exactly as the client wrote it.
    static func number(_ value: JSONValue?, _ path: String) throws(GatewayError) -> JSONValue? {
        switch value {
        case nil, .null?: return nil
        case .number?: return value
        default: throw GatewayError.invalidField(path, "expected a number")
        }
    }

    static func integer(_ value: JSONValue?, _ path: String, in range: ClosedRange<Int64>) throws(GatewayError) -> Int64? {
        switch value {
        case nil, .null?: return nil
        case .number?:
            guard let n = value?.int64Value, range.contains(n) else {
                throw GatewayError.invalidField(path, "expected an integer from \(range.lowerBound) to \(range.upperBound)")
            }
            return n
        default: throw GatewayError.invalidField(path, "expected an integer")
        }
    }

    static func array(_ value: JSONValue?, _ path: String) throws(GatewayError) -> [JSONValue]? {
        switch value {
        case nil, .null?: return nil
        case .array(let a)?: return a
        default: throw GatewayError.invalidField(path, "expected an array")
        }
    }

    static func object(_ value: JSONValue?, _ path: String) throws(GatewayError) -> JSONValue? {
        switch value {
        case nil, .null?: return nil
        case .object?: return value
        default: throw GatewayError.invalidField(path, "expected an object")
        }
    }

    static func requiredObject(_ value: JSONValue?, _ path: String) throws(GatewayError) -> JSONValue {
        guard let object = try object(value, path) else { throw GatewayError.missingField(path) }
        return object
    }
}

/// A 400 for input the gateway understands but cannot translate, worded once.
extension GatewayError {
    static func unsupported(_ path: String, _ what: String) -> GatewayError {
        GatewayError(.invalidRequest, "Unsupported value for '\(path)': \(what).", code: "unsupported_value", param: path)
    }
}
