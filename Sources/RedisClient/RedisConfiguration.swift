/// Where and how to reach Redis.
public struct RedisConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var database: Int
    public var password: String?
    /// An ACL user (Redis 6+); nil authenticates with the password alone.
    public var username: String?
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

    /// Parses `redis://[[user]:password@]host[:port][/db]` (user and password percent-decoded).
    public init(url: String) throws(RedisError) {
        guard url.hasPrefix("redis://") else {
            throw RedisError(.invalidConfiguration, "Redis URL must start with redis://")
        }
        var rest = Substring(url.dropFirst("redis://".count))
        var password: String?
        var username: String?
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                let user = credentials[..<colon]
                let secret = credentials[credentials.index(after: colon)...]
                username = user.isEmpty ? nil : try Self.percentDecoded(user)
                password = secret.isEmpty ? nil : try Self.percentDecoded(secret)
            } else if !credentials.isEmpty {
                // redis://secret@host: a password alone, as redis-cli reads it.
                password = try Self.percentDecoded(credentials)
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
        self.username = username
    }

    static func percentDecoded(_ text: Substring) throws(RedisError) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(), let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else {
                    throw RedisError(.invalidConfiguration, "Redis URL has an invalid percent-escape")
                }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The address for messages and logs (never the password).
    public var displayAddress: String { "\(host):\(port)/\(database)" }
}
