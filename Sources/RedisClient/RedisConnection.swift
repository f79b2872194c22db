internal import CHiredis
import Logging
public import NIOCore
public import NIOPosix
import Synchronization

/// A Redis client for async Swift code: hiredis formats commands (`redisFormatCommandArgv`) and parses replies
/// (its reader); SwiftNIO does the socket I/O.
///
/// There is one pipelined connection per event loop. A command issued from an event loop (the edge's request
/// handlers run on NIO's loops) uses that loop's connection, so writing it, reading its reply and resuming the
/// caller all happen on one thread: no hand-off to another thread and back. Commands issued elsewhere go to
/// the next loop's connection. Commands are written as soon as they are issued, without waiting for earlier
/// replies, and flushed once per turn of the loop's task queue (commands issued by requests handled in the
/// same turn share one system call); replies are matched in order. When Redis is unreachable, commands fail
/// at once with ``RedisError/Kind/connectionFailed`` (the edge answers 503), and the next command reconnects.
public final class RedisConnection: Sendable {
    public let configuration: RedisConfiguration
    private let connections: [LoopConnection]
    private let group: any EventLoopGroup

    public init(
        configuration: RedisConfiguration, logger: Logger = Logger(label: "tokmodel.redis"),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.configuration = configuration
        self.group = group
        self.connections = group.makeIterator().map { LoopConnection(eventLoop: $0, configuration: configuration, logger: logger) }
    }

    /// Sends one command and returns its reply. A Redis error reply is returned as ``RedisValue/error(_:)``.
    public func send(_ command: [RedisArgument]) async throws -> RedisValue {
        let replies = try await pipeline([command])
        return replies[0]
    }

    /// Sends several commands back to back and returns their replies in order.
    public func pipeline(_ commands: [[RedisArgument]]) async throws -> [RedisValue] {
        precondition(!commands.isEmpty, "a pipeline needs at least one command")
        let connection = current()
        return try await withCheckedThrowingContinuation { continuation in
            if connection.eventLoop.inEventLoop {
                connection.submit(commands, continuation)
            } else {
                connection.eventLoop.execute { connection.submit(commands, continuation) }
            }
        }
    }

    /// How many times the connections have flushed written commands to their sockets (a test observes the
    /// coalescing through it).
    var flushCount: Int { connections.reduce(0) { $0 + $1.flushes.load(ordering: .relaxed) } }

    /// Whether a connection to Redis is open now.
    public var isConnected: Bool { connections.contains { $0.isActive.load(ordering: .relaxed) } }

    /// Closes the connections; commands issued afterwards fail.
    public func shutdown() {
        for connection in connections {
            connection.eventLoop.execute { connection.shutDown() }
        }
    }

    /// The connection of the event loop we are on, or the next one.
    private func current() -> LoopConnection {
        if let loop = MultiThreadedEventLoopGroup.currentEventLoop, let mine = connections.first(where: { $0.eventLoop === loop }) {
            return mine
        }
        return connections[Int.random(in: 0..<connections.count)]
    }
}

/// One event loop's connection. Every member except `isActive` is touched only on `eventLoop`.
final class LoopConnection: @unchecked Sendable {
    typealias Continuation = CheckedContinuation<[RedisValue], any Error>

    struct Pending {
        var continuation: Continuation?
        var expected: Int
        var replies: [RedisValue]
        var deadline: NIODeadline
    }

    let eventLoop: any EventLoop
    let configuration: RedisConfiguration
    let logger: Logger
    let isActive = Atomic<Bool>(false)
    let flushes = Atomic<Int>(0)

    private var channel: (any Channel)?
    private var connecting = false
    private var shutDownRequested = false
    /// Commands waiting for the connection to open.
    private var queued: [(commands: [[RedisArgument]], continuation: Continuation)] = []
    /// Sent commands waiting for replies, in order.
    private var pending: [Pending] = []
    private var pendingHead = 0
    private var timeoutCheck: Scheduled<Void>?
    /// A flush is queued behind the loop's current tasks: commands written until it runs share one `write`.
    private var flushQueued = false

    init(eventLoop: any EventLoop, configuration: RedisConfiguration, logger: Logger) {
        self.eventLoop = eventLoop
        self.configuration = configuration
        self.logger = logger
    }

    func submit(_ commands: [[RedisArgument]], _ continuation: Continuation) {
        guard !shutDownRequested else {
            continuation.resume(throwing: RedisError(.shutDown, "client is shut down"))
            return
        }
        guard let channel else {
            queued.append((commands, continuation))
            connect()
            return
        }
        write(commands, continuation, on: channel)
    }

    private func write(_ commands: [[RedisArgument]], _ continuation: Continuation?, on channel: any Channel) {
        var buffer = channel.allocator.buffer(capacity: 256)
        for command in commands { RedisFormat.append(command, to: &buffer) }
        pending.append(
            Pending(
                continuation: continuation, expected: commands.count, replies: [],
                deadline: .now() + .milliseconds(Int64(configuration.commandTimeoutMillis))))
        channel.write(buffer, promise: nil)
        queueFlush()
        scheduleTimeoutCheck()
    }

    /// Flushes once the tasks already queued on the loop have run. Under load several requests' jobs sit in
    /// that queue, and their commands then reach Redis in one system call (and Redis answers them with one);
    /// with nothing else queued the flush runs next, so a lone command waits for no one. It flushes whichever
    /// connection is open when it runs (the one written to may have closed meanwhile).
    private func queueFlush() {
        guard !flushQueued else { return }
        flushQueued = true
        eventLoop.execute { [self] in
            flushQueued = false
            flushes.add(1, ordering: .relaxed)
            channel?.flush()
        }
    }

    private func connect() {
        guard !connecting else { return }
        connecting = true
        let timeout = TimeAmount.milliseconds(Int64(configuration.connectTimeoutMillis))
        ClientBootstrap(group: eventLoop)
            .connectTimeout(timeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(RedisReplyHandler(connection: self)) }
            }
            .connect(host: configuration.host, port: configuration.port)
            .whenComplete { [self] result in
                connecting = false
                switch result {
                case .success(let channel):
                    opened(channel)
                case .failure(let error):
                    logger.debug("redis connect failed", metadata: ["redis.error": "\(error)"])
                    let failure = RedisError(.connectionFailed, "cannot connect to Redis at \(configuration.displayAddress)")
                    let waiting = queued
                    queued.removeAll()
                    for item in waiting { item.continuation.resume(throwing: failure) }
                }
            }
    }

    private func opened(_ channel: any Channel) {
        guard !shutDownRequested else {
            channel.close(promise: nil)
            return
        }
        self.channel = channel
        isActive.store(true, ordering: .relaxed)
        // Authentication and database selection go first; their replies are checked, not returned.
        var setup: [[RedisArgument]] = []
        if let password = configuration.password {
            setup.append(["AUTH"] + (configuration.username.map { [RedisArgument($0)] } ?? []) + [RedisArgument(password)])
        }
        if configuration.database != 0 { setup.append(["SELECT", RedisArgument(configuration.database)]) }
        if !setup.isEmpty { write(setup, nil, on: channel) }
        let waiting = queued
        queued.removeAll()
        for item in waiting { write(item.commands, item.continuation, on: channel) }
    }

    /// A reply arrived (on the loop).
    func received(_ value: RedisValue) {
        guard pendingHead < pending.count else {
            logger.warning("unexpected reply from Redis")
            channel?.close(promise: nil)
            return
        }
        pending[pendingHead].replies.append(value)
        guard pending[pendingHead].replies.count == pending[pendingHead].expected else { return }
        let done = pending[pendingHead]
        pendingHead += 1
        if pendingHead == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingHead = 0
        }
        if let continuation = done.continuation {
            continuation.resume(returning: done.replies)
        } else if let failure = done.replies.compactMap(\.errorMessage).first {
            logger.warning("redis setup command failed", metadata: ["redis.error": "\(failure)"])
            channel?.close(promise: nil)
        }
    }

    /// The connection closed or broke (on the loop): everything in flight fails.
    func closed(_ reason: String) {
        channel = nil
        isActive.store(false, ordering: .relaxed)
        failPending(RedisError(.connectionFailed, "connection to Redis lost: \(reason)"))
    }

    func shutDown() {
        shutDownRequested = true
        channel?.close(promise: nil)
        let waiting = queued
        queued.removeAll()
        for item in waiting { item.continuation.resume(throwing: RedisError(.shutDown, "client is shut down")) }
    }

    private func failPending(_ error: RedisError) {
        let failing = pending[pendingHead...]
        pending.removeAll()
        pendingHead = 0
        for item in failing { item.continuation?.resume(throwing: error) }
    }

    /// While commands wait for replies, checks every 100 ms that the oldest is within its timeout; a late
    /// reply means the connection is stuck, so it is closed and everything in flight fails.
    private func scheduleTimeoutCheck() {
        guard timeoutCheck == nil else { return }
        timeoutCheck = eventLoop.scheduleTask(in: .milliseconds(100)) { [self] in
            timeoutCheck = nil
            guard pendingHead < pending.count else { return }
            if pending[pendingHead].deadline < .now() {
                let error = RedisError(.timedOut, "Redis did not answer within \(configuration.commandTimeoutMillis) ms")
                failPending(error)
                channel?.close(promise: nil)
            } else {
                scheduleTimeoutCheck()
            }
        }
    }
}

/// Decodes replies with hiredis' reader and hands them to the connection, on the channel's event loop.
final class RedisReplyHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let connection: LoopConnection
    private let reader: UnsafeMutablePointer<redisReader>

    init(connection: LoopConnection) {
        self.connection = connection
        self.reader = redisReaderCreate()
    }

    deinit { redisReaderFree(reader) }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        let fed = buffer.withUnsafeReadableBytes { raw in
            redisReaderFeed(reader, raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count)
        }
        guard fed == REDIS_OK else {
            context.close(promise: nil)
            return
        }
        while true {
            var reply: UnsafeMutableRawPointer?
            guard redisReaderGetReply(reader, &reply) == REDIS_OK else {
                connection.logger.warning("malformed reply from Redis")
                context.close(promise: nil)
                return
            }
            guard let reply else { break }
            let value = RedisFormat.convert(reply.assumingMemoryBound(to: redisReply.self))
            freeReplyObject(reply)
            connection.received(value)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        connection.closed("connection closed")
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        connection.closed("\(error)")
        context.close(promise: nil)
    }
}

/// The RESP encoding and decoding done by hiredis.
enum RedisFormat {
    /// Appends `command` in RESP, formatted by `redisFormatCommandArgv` (binary-safe: arguments are never
    /// parsed as command syntax).
    static func append(_ command: [RedisArgument], to buffer: inout ByteBuffer) {
        var target: UnsafeMutablePointer<CChar>?
        let length = withArgv(command.map(\.bytes)) { argc, argv, lengths in redisFormatCommandArgv(&target, argc, argv, lengths) }
        guard let target, length > 0 else { return }
        defer { redisFreeCommand(target) }
        buffer.writeBytes(UnsafeRawBufferPointer(start: target, count: Int(length)))
    }

    /// Calls `body` with hiredis' argv/argvlen view of `args`, valid only during the call.
    static func withArgv<R>(_ args: [[UInt8]], _ body: (Int32, UnsafeMutablePointer<UnsafePointer<CChar>?>, UnsafePointer<Int>) -> R) -> R {
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
}
