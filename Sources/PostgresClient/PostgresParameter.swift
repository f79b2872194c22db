/// A value bound to a `$1`, `$2`, … placeholder of ``PostgresConnection/query(_:_:)``.
///
/// Every value is sent in PostgreSQL's text format with no type OID, so the server infers each parameter's
/// type from the statement (write `$1::bigint` where it cannot). Values never become part of the SQL text,
/// which is why quotes, backslashes and injection-shaped strings always stay data.
///
/// ```swift
/// try connection.query(
///     "INSERT INTO usage (key_hash, tokens, note, raw) VALUES ($1, $2, $3, $4)",
///     [.string(keyHash), .int64(tokens), nil, .bytea(payload)]
/// )
/// ```
///
/// The optional-taking factories (``string(_:)`` and friends) map `nil` to SQL `NULL`, so nullable columns
/// need no `if let` at the call site.
public struct PostgresParameter: Sendable, Hashable {
    /// The text form sent to the server; `nil` is SQL `NULL`.
    let text: String?

    private init(text: String?) {
        self.text = text
    }

    /// SQL `NULL`.
    public static let null = PostgresParameter(text: nil)

    public init(_ value: String) {
        self.init(text: value)
    }

    public init(_ value: Int64) {
        self.init(text: String(value))
    }

    public init(_ value: Int) {
        self.init(text: String(value))
    }

    /// Sent as `true` / `false`, which PostgreSQL's boolean input accepts.
    public init(_ value: Bool) {
        self.init(text: value ? "true" : "false")
    }

    /// Binary data for a `bytea` column, sent in the hex text form (`\x0aff…`) so no escaping rules of the
    /// server's `standard_conforming_strings` setting can ever apply.
    public init(bytea value: [UInt8]) {
        self.init(text: Hex.byteaLiteral(value))
    }

    public static func string(_ value: String?) -> PostgresParameter {
        value.map(PostgresParameter.init(_:)) ?? .null
    }

    public static func int64(_ value: Int64?) -> PostgresParameter {
        value.map(PostgresParameter.init(_:)) ?? .null
    }

    public static func int(_ value: Int?) -> PostgresParameter {
        value.map(PostgresParameter.init(_:)) ?? .null
    }

    public static func bool(_ value: Bool?) -> PostgresParameter {
        value.map(PostgresParameter.init(_:)) ?? .null
    }

    public static func bytea(_ value: [UInt8]?) -> PostgresParameter {
        value.map(PostgresParameter.init(bytea:)) ?? .null
    }
}

extension PostgresParameter: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self.init(value)
    }
}

extension PostgresParameter: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) {
        self.init(value)
    }
}

extension PostgresParameter: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) {
        self.init(value)
    }
}

extension PostgresParameter: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) {
        self = .null
    }
}
