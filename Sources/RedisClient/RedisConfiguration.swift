/// Where and how to reach Redis.
public struct RedisConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var database: Int
    public var password: String?
    /// Milliseconds to wait for a TCP connection. Defaults to 1000.
    public var connectTimeoutMillis: Int = 1_000
    /// Milliseconds a command may wait for its reply before the connection is considered broken. Defaults to 2000.
    public var commandTimeoutMillis: Int = 2_000

    public init(host: String = "127.0.0.1", port: Int = 6379, database: Int = 0, password: String? = nil) {
        self.host = host
        self.port = port
        self.database = database
        self.password = password
    }

    /// Parses `redis://[:password@]host[:port][/db]`.
    public init(url: String) throws(RedisError) {
        guard url.hasPrefix("redis://") else {
            throw RedisError(.invalidConfiguration, "Redis URL must start with redis://")
        }
        var rest = Substring(url.dropFirst("redis://".count))
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                let secret = credentials[credentials.index(after: colon)...]
                password = secret.isEmpty ? nil : String(secret)
            } else if !credentials.isEmpty {
                password = String(credentials)
            }
        }
        var database = 0
        if let slash = rest.firstIndex(of: "/") {
            let dbText = rest[rest.index(after: slash)...]
            if !dbText.isEmpty {
                guard let db = Int(dbText), db >= 0, db < 65536 else {
                    throw RedisError(.invalidConfiguration, "Redis URL has an invalid database number")
                }
                database = db
            }
            rest = rest[..<slash]
        }
        var port = 6379
        if let colon = rest.lastIndex(of: ":") {
            guard let parsed = Int(rest[rest.index(after: colon)...]), parsed > 0, parsed < 65536 else {
                throw RedisError(.invalidConfiguration, "Redis URL has an invalid port")
            }
            port = parsed
            rest = rest[..<colon]
        }
        guard !rest.isEmpty else { throw RedisError(.invalidConfiguration, "Redis URL has no host") }
        self.init(host: String(rest), port: port, database: database, password: password)
    }

    /// The address for messages and logs (never the password).
    public var displayAddress: String { "\(host):\(port)/\(database)" }
}
