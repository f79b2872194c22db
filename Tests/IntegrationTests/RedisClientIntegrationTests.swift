import Foundation
import NIOCore
import NIOPosix
@testable import RedisClient
import Testing

/// `RedisConnection` against the real Redis of `TOKMODEL_TEST_REDIS_URL` (its database only; keys are unique
/// per test, nothing is flushed).
@Suite(.timeLimit(.minutes(2)))
struct RedisClientIntegrationTests {
    let prefix = TestEnvironment.unique("it:redis")

    @Test func statusIntegerNullAndErrorReplies() async throws {
        try await TestRedis.withConnection { redis in
            let key = RedisArgument(prefix + ":counter")
            #expect(try await redis.send(["PING"]) == .status("PONG"))
            #expect(try await redis.send(["SET", key, "41"]) == .status("OK"))
            #expect(try await redis.send(["INCR", key]) == .integer(42))
            #expect(try await redis.send(["INCRBY", key, RedisArgument(Int64(-100))]) == .integer(-58))
            #expect(try await redis.send(["GET", RedisArgument(prefix + ":missing")]) == .null)
            #expect(try await redis.send(["DEL", key]) == .integer(1))

            // Error replies are data, not thrown, and the connection stays usable afterwards.
            #expect(try await redis.send(["SET", key, "not a number"]) == .status("OK"))
            let notInteger = try await redis.send(["INCR", key])
            #expect(notInteger.errorMessage?.hasPrefix("ERR value is not an integer") == true, "\(notInteger)")
            let unknown = try await redis.send(["NO-SUCH-COMMAND", "x"])
            #expect(unknown.errorMessage?.hasPrefix("ERR unknown command") == true, "\(unknown)")
            let wrongType = try await redis.send(["LPUSH", key, "x"])
            #expect(wrongType.errorMessage?.hasPrefix("WRONGTYPE") == true, "\(wrongType)")
            #expect(try await redis.send(["GET", key]) == .bulk(Array("not a number".utf8)))
            _ = try await redis.send(["DEL", key])
        }
    }

    @Test func bulkRepliesAreBinarySafe() async throws {
        try await TestRedis.withConnection { redis in
            let key = RedisArgument(prefix + ":binary")
            var value: [UInt8] = [0, 0x0D, 0x0A, 0x24, 0x2A, 0xFF, 0xFE, 0x00, 0x2D, 0x3A, 0x2B]
            value += Array("\r\n$5\r\nhello\r\n*1\r\n".utf8) + [0x00, 0x80, 0xC3, 0x28]
            #expect(try await redis.send(["SET", key, RedisArgument(value)]) == .status("OK"))
            #expect(try await redis.send(["GET", key]) == .bulk(value))
            #expect(try await redis.send(["STRLEN", key]) == .integer(Int64(value.count)))

            // An empty value is an empty bulk, not null.
            #expect(try await redis.send(["SET", key, RedisArgument([UInt8]())]) == .status("OK"))
            #expect(try await redis.send(["GET", key]) == .bulk([]))

            // Large values cross many socket reads and writes.
            var block = [UInt8](repeating: 0, count: 1 << 16)
            for index in block.indices { block[index] = UInt8(truncatingIfNeeded: index &* 131 &+ index >> 7) }
            var large: [UInt8] = []
            large.reserveCapacity(2 << 20)
            for round in 0..<32 {
                large.append(contentsOf: block)
                large[large.count - 1] = UInt8(round)  // no two blocks alike
            }
            #expect(try await redis.send(["SET", key, RedisArgument(large)]) == .status("OK"))
            let back = try await redis.send(["GET", key])
            #expect(back == .bulk(large))
            _ = try await redis.send(["DEL", key])
        }
    }

    @Test func arrayReplies() async throws {
        try await TestRedis.withConnection { redis in
            let list = RedisArgument(prefix + ":list")
            #expect(try await redis.send(["RPUSH", list, "a", RedisArgument([0, 1, 2]), ""]) == .integer(3))
            #expect(try await redis.send(["LRANGE", list, "0", "-1"]) == .array([.bulk(Array("a".utf8)), .bulk([0, 1, 2]), .bulk([])]))
            #expect(try await redis.send(["LRANGE", RedisArgument(prefix + ":nolist"), "0", "-1"]) == .array([]))
            let hash = RedisArgument(prefix + ":hash")
            _ = try await redis.send(["HSET", hash, "f", "v"])
            #expect(try await redis.send(["HMGET", hash, "f", "missing"]) == .array([.bulk(Array("v".utf8)), .null]))

            // Nested arrays and every element type from a script.
            let nested = try await redis.send([
                "EVAL", "return {1, {2, 'x', {}}, 'y', redis.status_reply('FINE'), redis.error_reply('BAD thing')}", "0",
            ])
            #expect(
                nested == .array([.integer(1), .array([.integer(2), .bulk(Array("x".utf8)), .array([])]), .bulk(Array("y".utf8)), .status("FINE"), .error("BAD thing")]))
            #expect(nested.array?[0].int64 == 1 && nested.array?[2].string == "y")
            _ = try await redis.send(["DEL", list, hash])
        }
    }

    @Test func keysWithSpacesQuotesAndGlobCharactersAreLiteral() async throws {
        try await TestRedis.withConnection { redis in
            let weird = [
                prefix + ":with space", prefix + ":\"double\" 'single'", prefix + ":*", prefix + ":?[a-z]",
                prefix + ":line\r\nbreak", prefix + ":nul\u{0}byte", prefix + ":ünïcödé ✓",
            ]
            for (index, key) in weird.enumerated() {
                #expect(try await redis.send(["SET", RedisArgument(key), RedisArgument(index)]) == .status("OK"))
            }
            for (index, key) in weird.enumerated() {
                #expect(try await redis.send(["GET", RedisArgument(key)]) == .bulk(Array(String(index).utf8)), "\(key.debugDescription)")
            }
            // The glob key is a key like any other: deleting it deletes only it.
            #expect(try await redis.send(["DEL", RedisArgument(prefix + ":*")]) == .integer(1))
            #expect(try await redis.send(["EXISTS"] + weird.map { RedisArgument($0) }) == .integer(Int64(weird.count - 1)))
            let keys = try await redis.send(["KEYS", RedisArgument(prefix + ":*")])
            #expect(Set(keys.array?.compactMap(\.string) ?? []) == Set(weird.filter { $0 != prefix + ":*" }))
            _ = try await redis.send(["DEL"] + weird.map { RedisArgument($0) })
        }
    }

    @Test func pipelineRepliesComeBackInOrder() async throws {
        try await TestRedis.withConnection { redis in
            let key = RedisArgument(prefix + ":pipe")
            let replies = try await redis.pipeline([
                ["SET", key, "1"], ["INCR", key], ["INCRBY", key, "10"], ["BOGUS"], ["GET", key], ["ECHO", "last"], ["DEL", key],
            ])
            #expect(replies.count == 7)
            #expect(replies[0] == .status("OK"))
            #expect(replies[1] == .integer(2))
            #expect(replies[2] == .integer(12))
            #expect(replies[3].errorMessage != nil)
            #expect(replies[4] == .bulk(Array("12".utf8)))
            #expect(replies[5] == .bulk(Array("last".utf8)))
            #expect(replies[6] == .integer(1))
        }
    }

    @Test func fiveHundredConcurrentCommandsAreEachAnsweredWithTheirOwnReply() async throws {
        try await TestRedis.withConnection { redis in
            let prefix = self.prefix
            let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<500 {
                    group.addTask {
                        var wrong = 0
                        let value = "value-\(index)-" + String(repeating: "x", count: index % 37)
                        if try await redis.send(["ECHO", RedisArgument(value)]) != .bulk(Array(value.utf8)) { wrong += 1 }
                        // A pipeline submitted concurrently with everything else stays contiguous and ordered.
                        let key = RedisArgument("\(prefix):c:\(index)")
                        let replies = try await redis.pipeline([["SET", key, RedisArgument(index)], ["INCR", key], ["GET", key], ["DEL", key]])
                        if replies != [.status("OK"), .integer(Int64(index + 1)), .bulk(Array(String(index + 1).utf8)), .integer(1)] { wrong += 1 }
                        return wrong
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(mismatches == 0)
            #expect(redis.isConnected)
        }
    }

    /// Commands issued by tasks whose jobs run in the same turn of the event loop reach Redis in one flush,
    /// each still answered with its own reply; a lone command is flushed without waiting for company.
    @Test func commandsIssuedInOneTurnOfTheLoopShareOneFlush() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let redis = RedisConnection(configuration: try TestRedis.configuration(), logger: TestEnvironment.logger, group: group)
        #expect(try await redis.send(["PING"]) == .status("PONG"))
        let before = redis.flushCount
        let executor = OneLoopExecutor(loop)
        // Twenty tasks started from one job on the loop: their first jobs sit in the loop's queue together and
        // each writes its command there (no suspension before the write), ahead of the flush the first queues.
        let tasks = try await loop.submit {
            (0..<20).map { index in
                Task(executorPreference: executor) { try await redis.send(["ECHO", RedisArgument("echo-\(index)")]) }
            }
        }.get()
        for (index, task) in tasks.enumerated() {
            #expect(try await task.value == .bulk(Array("echo-\(index)".utf8)))
        }
        #expect(redis.flushCount - before == 1)
        // Alone, from off the loop: flushed at once.
        #expect(try await redis.send(["ECHO", "alone"]) == .bulk(Array("alone".utf8)))
        #expect(redis.flushCount - before == 2)
        redis.shutdown()
        try await group.shutdownGracefully()
    }

    @Test func selectsTheConfiguredDatabase() async throws {
        try await TestRedis.withConnection { shared in
            try await TestRedis.withConnection(databaseOffset: TestRedis.selectTestDatabase) { other in
                let key = RedisArgument(prefix + ":db")
                let set = try await other.send(["SET", key, "there"])
                #expect(set == .status("OK"))
                #expect(try await shared.send(["GET", key]) == .null)
                #expect(try await other.send(["GET", key]) == .bulk(Array("there".utf8)))
                #expect(try await other.send(["DEL", key]) == .integer(1))
            }
        }
    }

    @Test func wrongPortFailsPromptlyWithConnectionFailed() async throws {
        // The real server must be there, so that this test is about the wrong port and nothing else.
        try await TestRedis.withConnection { _ in }
        var configuration = try TestRedis.configuration()
        configuration.port = TestEnvironment.closedPort()
        let redis = RedisConnection(configuration: configuration, logger: TestEnvironment.logger)
        defer { redis.shutdown() }
        for _ in 0..<3 {
            let error = try await withDeadline(10, "a command to a closed port") { () -> RedisError? in
                do {
                    _ = try await redis.send(["PING"])
                    return nil
                } catch {
                    return error as? RedisError
                }
            }
            #expect(error?.kind == .connectionFailed)
            #expect(error?.message.contains(configuration.displayAddress) == true)
        }
        #expect(!redis.isConnected)
    }

    @Test func wrongPasswordFailsWithConnectionFailed() async throws {
        try await TestRedis.withConnection { _ in }
        var configuration = try TestRedis.configuration()
        configuration.password = "not-the-password"  // the test server has none: AUTH is refused
        let redis = RedisConnection(configuration: configuration, logger: TestEnvironment.logger)
        defer { redis.shutdown() }
        let error = try await withDeadline(10, "a command with a refused AUTH") { () -> RedisError? in
            do {
                _ = try await redis.send(["PING"])
                return nil
            } catch {
                return error as? RedisError
            }
        }
        #expect(error?.kind == .connectionFailed)
        #expect(!redis.isConnected)
    }

    @Test func reconnectsAfterTheServerDropsTheConnection() async throws {
        try await TestRedis.withConnection { redis in
            try await TestRedis.withConnection { admin in
                let firstID = try #require(try await redis.send(["CLIENT", "ID"]).int64)
                #expect(try await admin.send(["CLIENT", "KILL", "ID", RedisArgument(firstID)]) == .integer(1))
                // The command that discovers the dead socket may fail; within a few attempts a new connection answers.
                var secondID: Int64?
                for _ in 0..<5 where secondID == nil {
                    do {
                        secondID = try await redis.send(["CLIENT", "ID"]).int64
                    } catch let error as RedisError {
                        #expect(error.kind == .connectionFailed)
                    }
                }
                let reconnected = try #require(secondID)
                #expect(reconnected != firstID)
                #expect(redis.isConnected)
            }
        }
    }

    @Test func shutdownFailsLaterCommands() async throws {
        let redis = RedisConnection(configuration: try TestRedis.configuration(), logger: TestEnvironment.logger)
        do {
            #expect(try await redis.send(["PING"]) == .status("PONG"))
        } catch {
            redis.shutdown()
            throw SetupFailure("cannot reach the Redis named by \(TestRedis.variable): \(error)")
        }
        redis.shutdown()
        redis.shutdown()  // idempotent
        do {
            _ = try await redis.send(["PING"])
            Issue.record("a command after shutdown succeeded")
        } catch let error as RedisError {
            #expect(error.kind == .shutDown)
        }
    }

    @Test func urlParsing() throws {
        let full = try RedisConfiguration(url: "redis://:s3cret@cache.internal:6380/7")
        #expect(full.host == "cache.internal" && full.port == 6380 && full.database == 7 && full.password == "s3cret")
        #expect(!full.displayAddress.contains("s3cret"))
        #expect(full.displayAddress == "cache.internal:6380/7")

        let defaults = try RedisConfiguration(url: "redis://localhost")
        #expect(defaults == RedisConfiguration(host: "localhost", port: 6379, database: 0, password: nil))
        #expect(defaults.connectTimeoutMillis == 1_000 && defaults.commandTimeoutMillis == 2_000)
        #expect(try RedisConfiguration(url: "redis://10.0.0.1:7000") == RedisConfiguration(host: "10.0.0.1", port: 7000))
        #expect(try RedisConfiguration(url: "redis://h/") == RedisConfiguration(host: "h"))
        #expect(try RedisConfiguration(url: "redis://h/15").database == 15)
        // user:password (ACL style): the password is what AUTH gets.
        #expect(try RedisConfiguration(url: "redis://user:pw@h:1/2").password == "pw")
        #expect(try RedisConfiguration(url: "redis://pw@h").password == "pw")
        #expect(try RedisConfiguration(url: "redis://:@h").password == nil)
        // A password may contain '@' and ':' (the last '@' ends the credentials).
        #expect(try RedisConfiguration(url: "redis://:p@ss:w@h:6390").password == "p@ss:w")

        for bad in [
            "http://localhost", "localhost:6379", "redis://", "redis://:pw@", "redis://h:0", "redis://h:65536", "redis://h:port",
            "redis://h:", "redis://h/-1", "redis://h/x", "redis://h/65536", "redis://:6379",
        ] {
            #expect(throws: RedisError.self, "\(bad)") { try RedisConfiguration(url: bad) }
            do {
                _ = try RedisConfiguration(url: bad)
            } catch {
                #expect(error.kind == .invalidConfiguration, "\(bad)")
            }
        }
    }
    @Test func commandTimeoutDropsTheStuckConnectionAndRecovers() async throws {
        try await TestRedis.withConnection { _ in }
        var configuration = try TestRedis.configuration()
        configuration.commandTimeoutMillis = 300
        let redis = RedisConnection(configuration: configuration, logger: TestEnvironment.logger)
        defer { redis.shutdown() }
        #expect(try await redis.send(["PING"]) == .status("PONG"))
        // BLPOP on an empty list blocks in the server for 3 s, far past the 300 ms command timeout.
        let error = try await withDeadline(20, "a command past its timeout") { () -> RedisError? in
            do {
                _ = try await redis.send(["BLPOP", RedisArgument(prefix + ":never"), "3"])
                return nil
            } catch {
                return error as? RedisError
            }
        }
        #expect(error?.kind == .timedOut)
        // A new connection serves the next command.
        #expect(try await redis.send(["ECHO", "again"]) == .bulk(Array("again".utf8)))
        #expect(redis.isConnected)
    }
}

/// Runs a task's jobs on one event loop (as the edge pins its request handlers).
private final class OneLoopExecutor: TaskExecutor, Sendable {
    let loop: any EventLoop
    init(_ loop: any EventLoop) { self.loop = loop }
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
