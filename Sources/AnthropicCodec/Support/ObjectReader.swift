import Dialects
import TokModelCore

/// Typed access to the members of one JSON object of a client's request, with every error naming the member
/// by its full path (`messages[1].content[0].input`), because "invalid value" without a place is useless in
/// a 200-message conversation.
///
/// Absent members and explicit `null` are treated alike: the SDKs send `null` for unset optional fields.
struct ObjectReader {
    let value: JSONValue
    /// The object's own path; empty for the request body.
    let path: String

    init(_ value: JSONValue, path: String) throws(GatewayError) {
        guard case .object = value else {
            if path.isEmpty {
                throw GatewayError(.invalidRequest, "The request body must be a JSON object.", code: "invalid_request_body")
            }
            throw GatewayError.invalidField(path, "expected an object")
        }
        self.value = value
        self.path = path
    }

    /// The path of member `key`.
    func param(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The member's value, nil when absent or `null`.
    func optional(_ key: String) -> JSONValue? {
        guard let member = value[key], !member.isNull else { return nil }
        return member
    }

    func require(_ key: String) throws(GatewayError) -> JSONValue {
        guard let member = optional(key) else { throw GatewayError.missingField(param(key)) }
        return member
    }

    func string(_ key: String) throws(GatewayError) -> String {
        guard let text = try require(key).stringValue else { throw GatewayError.invalidField(param(key), "expected a string") }
        return text
    }

    func optionalString(_ key: String) throws(GatewayError) -> String? {
        guard let member = optional(key) else { return nil }
        guard let text = member.stringValue else { throw GatewayError.invalidField(param(key), "expected a string") }
        return text
    }

    func optionalBool(_ key: String) throws(GatewayError) -> Bool? {
        guard let member = optional(key) else { return nil }
        guard let flag = member.boolValue else { throw GatewayError.invalidField(param(key), "expected a boolean") }
        return flag
    }

    /// An integer member (`12`, `12.0` and `1.2e1` all count; `12.5` does not).
    func optionalInt(_ key: String) throws(GatewayError) -> Int64? {
        guard let member = optional(key) else { return nil }
        guard let number = member.int64Value else { throw GatewayError.invalidField(param(key), "expected an integer") }
        return number
    }

    /// A number member kept as its JSON text, checked to lie in `range`.
    func optionalNumber(_ key: String, in range: ClosedRange<Double>) throws(GatewayError) -> JSONValue? {
        guard let member = optional(key) else { return nil }
        guard let number = member.doubleValue else { throw GatewayError.invalidField(param(key), "expected a number") }
        guard range.contains(number) else {
            throw GatewayError.invalidField(param(key), "must be between \(Self.format(range.lowerBound)) and \(Self.format(range.upperBound))")
        }
        return member
    }

    func optionalArray(_ key: String) throws(GatewayError) -> [JSONValue]? {
        guard let member = optional(key) else { return nil }
        guard let elements = member.arrayValue else { throw GatewayError.invalidField(param(key), "expected an array") }
        return elements
    }

    func optionalObject(_ key: String) throws(GatewayError) -> ObjectReader? {
        guard let member = optional(key) else { return nil }
        return try ObjectReader(member, path: param(key))
    }

    func object(_ key: String) throws(GatewayError) -> ObjectReader {
        try ObjectReader(require(key), path: param(key))
    }

    /// `1` rather than `1.0` in messages.
    private static func format(_ bound: Double) -> String {
        guard bound.isFinite, bound.magnitude < 1e15 else { return String(bound) }
        return bound == bound.rounded() ? String(Int64(bound)) : String(bound)
    }
}
