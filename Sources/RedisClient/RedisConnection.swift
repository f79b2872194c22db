internal import CHiredis
import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A Redis connection for async Swift code, built on hiredis and pipelined automatically.
///
/// One dedicated I/O thread owns the hiredis context (never an event loop, never the cooperative pool). Callers
/// enqueue commands and await their replies; the thread writes everything queued in one go and matches replies
/// in order, so under load many requests share one write and one read: the round trip is paid once per batch,
/// not once per command. When Redis is unreachable, commands fail at once with ``RedisError/Kind/connectionFailed``
/// (the edge answers 503) and the thread reconnects on the next command.
public final class RedisConnection: Sendable {
    fileprivate struct Submission {
        var commands: [[[UInt8]]]
        var continuation: CheckedContinuation<[RedisValue], any Error>
    }

    private struct Shared {
        var queue: [Submission] = []
        var isShutDown = false
        var isConnected = false
    }

    public let configuration: RedisConfiguration
    private let shared = Mutex(Shared())
    /// A pipe the loop polls alongside the Redis socket; a byte written to it wakes the loop for new commands.
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let logger: Logger

    public init(configuration: RedisConfiguration, logger: Logger = Logger(label: "tokmodel.redis")) {
        self.configuration = configuration
        self.logger = logger
        var fds: [Int32] = [-1, -1]
        let created = pipe(&fds)
        precondition(created == 0, "cannot create the Redis wake-up pipe")
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        self.wakeRead = fds[0]
        self.wakeWrite = fds[1]
        let loop = IOLoop(configuration: configuration, wakeFD: fds[0], logger: logger)
        let thread = Thread { [self] in loop.run(owner: self) }
        thread.name = "tokmodel-redis"
        thread.stackSize = 1 << 20
        thread.start()
    }

    // The I/O thread holds the connection until `shutdown()`; a connection lives as long as its process or
    // until shut down explicitly.

    /// Sends one command and returns its reply. A Redis error reply is returned as ``RedisValue/error(_:)``.
    public func send(_ command: [RedisArgument]) async throws -> RedisValue {
        let replies = try await pipeline([command])
        return replies[0]
    }

    /// Sends several commands back to back and returns their replies in order.
    public func pipeline(_ commands: [[RedisArgument]]) async throws -> [RedisValue] {
        precondition(!commands.isEmpty, "a pipeline needs at least one command")
        let raw = commands.map { $0.map(\.bytes) }
        return try await withCheckedThrowingContinuation { continuation in
            let accepted = shared.withLock { state -> Bool in
                guard !state.isShutDown else { return false }
                state.queue.append(Submission(commands: raw, continuation: continuation))
                return true
            }
            guard accepted else {
                continuation.resume(throwing: RedisError(.shutDown, "client is shut down"))
                return
            }
            wake()
        }
    }

    /// Whether the last attempt to talk to Redis succeeded.
    public var isConnected: Bool { shared.withLock { $0.isConnected } }

    /// Fails queued commands and stops the I/O thread.
    public func shutdown() {
        let alreadyDown = shared.withLock { state -> Bool in
            defer { state.isShutDown = true }
            return state.isShutDown
        }
        if !alreadyDown { wake() }
    }

    private func wake() {
        var one: UInt8 = 1
        _ = Glibc.write(wakeWrite, &one, 1)  // a full pipe already means "wake up"; EAGAIN is fine
    }

    fileprivate func takeQueue() -> (submissions: [Submission], shutDown: Bool) {
        shared.withLock { state in
            let taken = state.queue
            state.queue.removeAll(keepingCapacity: true)
            return (taken, state.isShutDown)
        }
    }

    fileprivate func closeWakeWriter() { close(wakeWrite) }

    fileprivate func setConnected(_ connected: Bool) {
        shared.withLock { $0.isConnected = connected }
    }

    // MARK: - The I/O thread

    /// State owned by the I/O thread alone.
    private final class IOLoop: @unchecked Sendable {
        // @unchecked: every member is touched only by the single thread running `run`.
        struct InFlight {
            var continuation: CheckedContinuation<[RedisValue], any Error>
            var expected: Int
            var replies: [RedisValue]
            var deadline: UInt64
        }

        let configuration: RedisConfiguration
        let wakeFD: Int32
        let logger: Logger
        var context: UnsafeMutablePointer<redisContext>?
        var inFlight: [InFlight] = []
        var inFlightHead = 0
        var needsWrite = false

        init(configuration: RedisConfiguration, wakeFD: Int32, logger: Logger) {
            self.configuration = configuration
            self.wakeFD = wakeFD
            self.logger = logger
        }

        func run(owner: RedisConnection) {
            var fds = [pollfd](repeating: pollfd(), count: 2)
            while true {
                let hasWork = inFlightHead < inFlight.count
                fds[0] = pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)
                var count = 1
                if let context {
                    fds[1] = pollfd(fd: context.pointee.fd, events: Int16(POLLIN) | (needsWrite ? Int16(POLLOUT) : 0), revents: 0)
                    count = 2
                }
                let timeout: Int32 = hasWork ? 50 : 1_000
                let ready = poll(&fds, nfds_t(count), timeout)
                if ready < 0 && errno != EINTR { break }

                if fds[0].revents & Int16(POLLIN) != 0 {
                    var drain = [UInt8](repeating: 0, count: 256)
                    while Glibc.read(wakeFD, &drain, 256) > 0 {}
                }
                let (submissions, shutDown) = owner.takeQueue()
                if shutDown {
                    failAll(submissions, RedisError(.shutDown, "client is shut down"))
                    failInFlight(RedisError(.shutDown, "client is shut down"))
                    disconnect(owner)
                    break
                }
                if !submissions.isEmpty { enqueue(submissions, owner: owner) }

                if let context, count == 2 {
                    if needsWrite || fds[1].revents & Int16(POLLOUT) != 0 { flush(context, owner: owner) }
                    if fds[1].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0, self.context != nil { readReplies(owner: owner) }
                }
                expireTimedOut(owner: owner)
            }
            close(wakeFD)
            owner.closeWakeWriter()
        }

        func enqueue(_ submissions: [Submission], owner: RedisConnection) {
            if context == nil { connect(owner) }
            guard let context else {
                failAll(submissions, RedisError(.connectionFailed, "cannot connect to Redis at \(configuration.displayAddress)"))
                return
            }
            let deadline = Self.now() + UInt64(configuration.commandTimeoutMillis) * 1_000_000
            for submission in submissions {
                for command in submission.commands {
                    _ = Self.withArgv(command) { argc, argv, lengths in redisAppendCommandArgv(context, argc, argv, lengths) }
                }
                inFlight.append(InFlight(continuation: submission.continuation, expected: submission.commands.count, replies: [], deadline: deadline))
            }
            needsWrite = true
            flush(context, owner: owner)
        }

        func flush(_ context: UnsafeMutablePointer<redisContext>, owner: RedisConnection) {
            var done: Int32 = 0
            if redisBufferWrite(context, &done) != REDIS_OK {
                broken(owner, message: Self.errorString(context))
                return
            }
            needsWrite = done == 0
        }

        func readReplies(owner: RedisConnection) {
            guard let context else { return }
            if redisBufferRead(context) != REDIS_OK {
                broken(owner, message: Self.errorString(context))
                return
            }
            while true {
                var reply: UnsafeMutableRawPointer?
                if redisGetReplyFromReader(context, &reply) != REDIS_OK {
                    broken(owner, message: Self.errorString(context))
                    return
                }
                guard let reply else { break }
                let value = Self.convert(reply.assumingMemoryBound(to: redisReply.self))
                freeReplyObject(reply)
                guard inFlightHead < inFlight.count else {
                    broken(owner, message: "unexpected reply from Redis")
                    return
                }
                inFlight[inFlightHead].replies.append(value)
                if inFlight[inFlightHead].replies.count == inFlight[inFlightHead].expected {
                    let finished = inFlight[inFlightHead]
                    inFlightHead += 1
                    finished.continuation.resume(returning: finished.replies)
                }
            }
            compactInFlight()
        }

        func compactInFlight() {
            if inFlightHead == inFlight.count {
                inFlight.removeAll(keepingCapacity: true)
                inFlightHead = 0
            } else if inFlightHead > 1024 {
                inFlight.removeFirst(inFlightHead)
                inFlightHead = 0
            }
        }

        func expireTimedOut(owner: RedisConnection) {
            guard inFlightHead < inFlight.count, inFlight[inFlightHead].deadline < Self.now() else { return }
            // Replies arrive in order, so a late head means the connection is stuck: drop it and fail everything.
            failInFlight(RedisError(.timedOut, "Redis did not answer within \(configuration.commandTimeoutMillis) ms"))
            disconnect(owner)
        }

        func broken(_ owner: RedisConnection, message: String) {
            logger.warning("redis connection lost", metadata: ["redis.error": "\(message)"])
            failInFlight(RedisError(.connectionFailed, "connection to Redis lost: \(message)"))
            disconnect(owner)
        }

        func failInFlight(_ error: RedisError) {
            while inFlightHead < inFlight.count {
                inFlight[inFlightHead].continuation.resume(throwing: error)
                inFlightHead += 1
            }
            compactInFlight()
        }

        func failAll(_ submissions: [Submission], _ error: RedisError) {
            for submission in submissions { submission.continuation.resume(throwing: error) }
        }

        func disconnect(_ owner: RedisConnection) {
            if let context { redisFree(context) }
            context = nil
            needsWrite = false
            owner.setConnected(false)
        }

        func connect(_ owner: RedisConnection) {
            let timeout = timeval(
                tv_sec: configuration.connectTimeoutMillis / 1000, tv_usec: (configuration.connectTimeoutMillis % 1000) * 1000)
            guard let candidate = redisConnectWithTimeout(configuration.host, Int32(configuration.port), timeout) else { return }
            if candidate.pointee.err != 0 {
                logger.debug("redis connect failed", metadata: ["redis.error": "\(Self.errorString(candidate))"])
                redisFree(candidate)
                owner.setConnected(false)
                return
            }
            _ = redisSetTimeout(candidate, timeout)
            if let password = configuration.password {
                let auth = configuration.username.map { ["AUTH", $0, password] } ?? ["AUTH", password]
                guard Self.blockingCommand(candidate, auth) else {
                    logger.warning("redis authentication failed")
                    redisFree(candidate)
                    return
                }
            }
            if configuration.database != 0 {
                guard Self.blockingCommand(candidate, ["SELECT", String(configuration.database)]) else {
                    redisFree(candidate)
                    return
                }
            }
            // From here on the socket is non-blocking and driven by poll().
            let fd = candidate.pointee.fd
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            candidate.pointee.flags &= ~Int32(REDIS_BLOCK)
            context = candidate
            owner.setConnected(true)
        }

        static func blockingCommand(_ context: UnsafeMutablePointer<redisContext>, _ args: [String]) -> Bool {
            let reply = withArgv(args.map { Array($0.utf8) }) { argc, argv, lengths in redisCommandArgv(context, argc, argv, lengths) }
            guard let reply else { return false }
            defer { freeReplyObject(reply) }
            return reply.assumingMemoryBound(to: redisReply.self).pointee.type != REDIS_REPLY_ERROR
        }

        /// Calls `body` with hiredis' argv/argvlen view of `args`, valid only during the call.
        static func withArgv<R>(
            _ args: [[UInt8]], _ body: (Int32, UnsafeMutablePointer<UnsafePointer<CChar>?>, UnsafePointer<Int>) -> R
        ) -> R {
            var flat = [UInt8]()
            flat.reserveCapacity(args.reduce(0) { $0 + $1.count } + 1)
            var lengths = [Int]()
            lengths.reserveCapacity(args.count)
            for arg in args {
                flat.append(contentsOf: arg)
                lengths.append(arg.count)
            }
            flat.append(0)
            return flat.withUnsafeBufferPointer { buffer in
                let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var pointers = [UnsafePointer<CChar>?]()
                pointers.reserveCapacity(args.count)
                var offset = 0
                for length in lengths {
                    pointers.append(base + offset)
                    offset += length
                }
                return pointers.withUnsafeMutableBufferPointer { argv in
                    lengths.withUnsafeBufferPointer { lens in body(Int32(args.count), argv.baseAddress!, lens.baseAddress!) }
                }
            }
        }

        static func convert(_ reply: UnsafeMutablePointer<redisReply>) -> RedisValue {
            let r = reply.pointee
            switch r.type {
            case REDIS_REPLY_STRING:
                return .bulk(r.len == 0 ? [] : Array(UnsafeRawBufferPointer(start: r.str, count: r.len)))
            case REDIS_REPLY_STATUS:
                return .status(String(decoding: UnsafeRawBufferPointer(start: r.str, count: r.len), as: UTF8.self))
            case REDIS_REPLY_ERROR:
                return .error(String(decoding: UnsafeRawBufferPointer(start: r.str, count: r.len), as: UTF8.self))
            case REDIS_REPLY_INTEGER:
                return .integer(r.integer)
            case REDIS_REPLY_ARRAY:
                var elements = [RedisValue]()
                elements.reserveCapacity(r.elements)
                for index in 0..<r.elements {
                    if let element = r.element[index] { elements.append(convert(element)) } else { elements.append(.null) }
                }
                return .array(elements)
            default:
                return .null
            }
        }

        static func errorString(_ context: UnsafeMutablePointer<redisContext>) -> String {
            withUnsafeBytes(of: context.pointee.errstr) { raw in
                let bytes = raw.prefix { $0 != 0 }
                return bytes.isEmpty ? "connection closed" : String(decoding: bytes, as: UTF8.self)
            }
        }

        static func now() -> UInt64 {
            var ts = timespec()
            clock_gettime(CLOCK_MONOTONIC, &ts)
            return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
        }
    }
}
