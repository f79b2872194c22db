import Logging
public import NIOCore
import NIOExtras
public import NIOPosix
public import ServiceLifecycle
import Synchronization
public import TokModelCore

/// The edge's side of the ledger RPC: it keeps every settlement until the ledger acknowledges it.
///
/// `submit` never blocks and never fails; settlements wait in memory and go out in batches (everything queued
/// while the previous batch was in flight goes in the next frame). When the ledger is down or restarting,
/// the client reconnects with backoff and resends what is unacknowledged; the ledger deduplicates by request
/// id, so a resend after a lost acknowledgement is harmless. On graceful shutdown it keeps sending until the
/// queue is empty (or `drainTimeout` passes), so an edge hands over every settlement before it exits. With a
/// ``SettlementJournal``, every settlement is also copied there when submitted and cleared when acknowledged,
/// so that an edge killed outright loses none: the ledger settles what its journal holds.
public final class LedgerClient: Service, Sendable {
    public struct Configuration: Sendable {
        public var socketPath: String
        /// Most settlements per frame. Defaults to 1000.
        public var maxBatch: Int = 1_000
        /// How long a shutting-down edge keeps trying to hand over its settlements. Defaults to 30 s.
        public var drainTimeout: Duration = .seconds(30)

        public init(socketPath: String) { self.socketPath = socketPath }
    }

    struct Pending {
        var settlement: Settlement
        /// Its slot in the journal, if it has one.
        var slot: Int32?
    }

    struct State {
        var pending: [String: Pending] = [:]
        /// Order of arrival, so that old settlements go first.
        var order: [String] = []
        var acknowledged = 0
        var rejected = 0
    }

    let configuration: Configuration
    let logger: Logger
    let group: any EventLoopGroup
    let journal: SettlementJournal?
    let state = Mutex(State())
    let signal: AsyncStream<Void>
    let signalContinuation: AsyncStream<Void>.Continuation
    let correlation = Atomic<UInt64>(0)

    public init(
        configuration: Configuration, logger: Logger, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, journal: SettlementJournal? = nil
    ) {
        self.configuration = configuration
        self.logger = logger
        self.group = group
        self.journal = journal
        (signal, signalContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Records what to bill should this process die before the request ends (see ``SettlementJournal``); the
    /// slot goes back to ``submit(_:replacingProvisional:)``. Nil without a journal, or when it is full.
    public func recordProvisional(_ settlement: Settlement) -> Int32? {
        journal?.recordProvisional(settlement)
    }

    /// Queues a settlement for the ledger (and records it in the journal). Returns at once. `provisional` is the
    /// request's provisional slot: released once the settlement itself is journaled, or, when it could not be,
    /// kept until the ledger acknowledges it (the edge's death meanwhile then bills the estimate, not nothing).
    public func submit(_ settlement: Settlement, replacingProvisional provisional: Int32? = nil) {
        var slot = journal?.record(settlement)
        if let provisional {
            if slot == nil { slot = provisional } else { journal?.release([provisional]) }
        }
        let replaced = state.withLock { state -> Int32? in
            let previous = state.pending.updateValue(Pending(settlement: settlement, slot: slot), forKey: settlement.requestID)
            if previous == nil { state.order.append(settlement.requestID) }
            return previous?.slot
        }
        if let replaced { journal?.release([replaced]) }
        signalContinuation.yield()
    }

    /// Settlements not yet acknowledged by the ledger.
    public var pendingCount: Int { state.withLock { $0.pending.count } }
    /// Settlements acknowledged since start.
    public var acknowledgedCount: Int { state.withLock { $0.acknowledged } }

    public func run() async throws {
        var shuttingDownSince: ContinuousClock.Instant?
        await withGracefulShutdownHandler {
            var backoff = Duration.milliseconds(50)
            while true {
                if Task.isCancelled { break }
                if Task.isShuttingDownGracefully, shuttingDownSince == nil { shuttingDownSince = .now }
                if let since = shuttingDownSince {
                    if pendingCount == 0 { break }
                    if ContinuousClock.now - since > configuration.drainTimeout {
                        logger.error("edge stopping with settlements not acknowledged by the ledger", metadata: ["ledger.pending": "\(pendingCount)"])
                        break
                    }
                }
                do {
                    try await connectAndSend()
                    backoff = .milliseconds(50)
                } catch {
                    if pendingCount > 0 {
                        logger.warning("ledger unreachable; settlements kept for retry", metadata: ["ledger.error": "\(error)", "ledger.pending": "\(pendingCount)"])
                    }
                    try? await Task.sleep(for: backoff)
                    backoff = min(backoff * 2, .seconds(2))
                }
            }
        } onGracefulShutdown: {
            self.signalContinuation.yield()
        }
        // Everything acknowledged and no request left in flight: nothing for the ledger to recover. Otherwise the
        // journal stays, and the ledger settles what it holds once this process has exited.
        if let journal, pendingCount == 0, journal.count == 0 { journal.remove() }
    }

    /// One connection's life: send batches until the connection fails or the work is done.
    func connectAndSend() async throws {
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(2))
            .connect(unixDomainSocketPath: configuration.socketPath) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LengthFieldBasedFrameDecoder(lengthFieldBitLength: .fourBytes)))
                    try channel.pipeline.syncOperations.addHandler(LengthFieldPrepender(lengthFieldBitLength: .fourBytes))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var replies = inbound.makeAsyncIterator()
            var signals = signal.makeAsyncIterator()
            while true {
                let batch = nextBatch()
                if batch.isEmpty {
                    if Task.isShuttingDownGracefully || Task.isCancelled { return }
                    _ = await signals.next()
                    continue
                }
                let id = correlation.add(1, ordering: .relaxed).newValue
                try await outbound.write(LedgerCodec.encode(LedgerFrame(correlationID: id, message: .settle(batch))))
                guard var reply = try await replies.next() else { throw LedgerProtocolError("ledger closed the connection") }
                let frame = try LedgerCodec.decode(&reply)
                switch frame.message {
                case .settleAck(let results) where frame.correlationID == id:
                    acknowledge(results)
                case .error(let message):
                    throw LedgerProtocolError("ledger refused the batch: \(message)")
                default:
                    throw LedgerProtocolError("unexpected reply from the ledger")
                }
            }
        }
    }

    func nextBatch() -> [Settlement] {
        state.withLock { state in
            var batch: [Settlement] = []
            batch.reserveCapacity(min(state.order.count, configuration.maxBatch))
            var kept: [String] = []
            for id in state.order {
                guard let entry = state.pending[id] else { continue }
                if batch.count < configuration.maxBatch { batch.append(entry.settlement) }
                kept.append(id)
            }
            state.order = kept
            return batch
        }
    }

    func acknowledge(_ results: [SettleResult]) {
        var rejected: [String] = []
        var slots: [Int32] = []
        state.withLock { state in
            for result in results {
                if let entry = state.pending.removeValue(forKey: result.requestID) {
                    if let slot = entry.slot { slots.append(slot) }
                    state.acknowledged += 1
                    if result.status == .rejected {
                        state.rejected += 1
                        rejected.append(result.requestID)
                    }
                }
            }
        }
        journal?.release(slots)
        for id in rejected { logger.error("ledger rejected a settlement", metadata: ["gw.request.id": "\(id)"]) }
    }
}
