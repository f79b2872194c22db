import Crypto
import RedisClient

/// Runs a Lua script by its SHA-1 (EVALSHA), loading it when Redis does not know it yet (after a restart).
struct Script: Sendable {
    let source: String
    let sha: String

    init(_ source: String) {
        self.source = source
        self.sha = Insecure.SHA1.hash(data: Array(source.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    func run(on redis: RedisConnection, keys: [String], arguments: [RedisArgument]) async throws -> RedisValue {
        var command: [RedisArgument] = ["EVALSHA", RedisArgument(sha), RedisArgument(keys.count)]
        command.append(contentsOf: keys.map { RedisArgument($0) })
        command.append(contentsOf: arguments)
        let reply = try await redis.send(command)
        if let message = reply.errorMessage, message.hasPrefix("NOSCRIPT") {
            let loaded = try await redis.send(["SCRIPT", "LOAD", RedisArgument(source)])
            if let failure = loaded.errorMessage { throw GovernanceError("Redis refused a TokModel script: \(failure)") }
            return try await redis.send(command)
        }
        return reply
    }
}

/// A script failed inside Redis; a bug or a corrupted key, never a client error.
public struct GovernanceError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
