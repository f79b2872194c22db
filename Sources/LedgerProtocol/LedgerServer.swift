import Logging
public import NIOCore
import NIOExtras
public import NIOPosix
public import ServiceLifecycle
import Synchronization
public import TokModelCore

#if canImport(Glibc)
import Glibc
#endif

/// What the ledger does with settlements; the RPC server only moves frames.
public protocol SettlementHandler: Sendable {
    /// Settles a batch and returns one result per settlement, in order. Must return only once each settlement
    /// is durable (committed or spooled), because the edge forgets what is acknowledged.
    func settle(_ settlements: [Settlement]) async -> [SettleResult]
}

/// The ledger's Unix-socket RPC server.
///
/// The socket file is created with mode 0600 (owner only): only processes of the ledger's user can hand it
/// usage. On graceful shutdown it stops accepting, answers the frames in progress, and returns.
public struct LedgerServer: Service {
    public let socketPath: String
    let handler: any SettlementHandler
    let logger: Logger
    let group: any EventLoopGroup

    public init(socketPath: String, handler: any SettlementHandler, logger: Logger, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.socketPath = socketPath
        self.handler = handler
        self.logger = logger
        self.group = group
    }

    public func run() async throws {
        SocketUmask.acquire()  // the socket is created 0600
        let server: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
        do {
            server = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 256)
                .bind(unixDomainSocketPath: socketPath, cleanupExistingSocketFile: true) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            ByteToMessageHandler(LengthFieldBasedFrameDecoder(lengthFieldBitLength: .fourBytes)))
                        try channel.pipeline.syncOperations.addHandler(LengthFieldPrepender(lengthFieldBitLength: .fourBytes))
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            SocketUmask.release()
            throw error
        }
        SocketUmask.release()
        chmod(socketPath, 0o600)
        logger.info("ledger listening", metadata: ["ledger.socket": "\(socketPath)"])

        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await server.executeThenClose { connections in
                    for try await connection in connections {
                        group.addTask { await self.serve(connection) }
                    }
                }
            }
        } onGracefulShutdown: {
            server.channel.close(promise: nil)
        }
        unlink(socketPath)
    }

    func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        do {
            try await connection.executeThenClose { inbound, outbound in
                for try await var frameBytes in inbound {
                    guard frameBytes.readableBytes <= LedgerFrame.maxFrameBytes else {
                        try await outbound.write(LedgerCodec.encode(LedgerFrame(correlationID: 0, message: .error("frame too large"))))
                        return
                    }
                    let frame: LedgerFrame
                    do {
                        frame = try LedgerCodec.decode(&frameBytes)
                    } catch {
                        logger.warning("malformed ledger frame", metadata: ["ledger.error": "\(error)"])
                        try await outbound.write(LedgerCodec.encode(LedgerFrame(correlationID: 0, message: .error("\(error)"))))
                        return
                    }
                    switch frame.message {
                    case .settle(let settlements):
                        let results = await handler.settle(settlements)
                        try await outbound.write(LedgerCodec.encode(LedgerFrame(correlationID: frame.correlationID, message: .settleAck(results))))
                    case .ping:
                        try await outbound.write(LedgerCodec.encode(LedgerFrame(correlationID: frame.correlationID, message: .pong)))
                    case .settleAck, .pong, .error:
                        try await outbound.write(LedgerCodec.encode(LedgerFrame(correlationID: frame.correlationID, message: .error("unexpected message"))))
                        return
                    }
                }
            }
        } catch {
            logger.debug("ledger connection ended", metadata: ["ledger.error": "\(error)"])
        }
    }
}

/// The umask is per process: servers binding at the same time (tests, or several servers in one process) must
/// not restore the mask in the middle of each other's bind, which would create a socket with the default mode
/// and could leave the process with 0177 for good. The first to enter sets it; the last to leave restores it.
enum SocketUmask {
    static let state = Mutex<(users: Int, saved: mode_t)>((0, 0))

    static func acquire() {
        state.withLock { state in
            if state.users == 0 { state.saved = umask(0o177) }
            state.users += 1
        }
    }

    static func release() {
        state.withLock { state in
            state.users -= 1
            if state.users == 0 { umask(state.saved) }
        }
    }
}
