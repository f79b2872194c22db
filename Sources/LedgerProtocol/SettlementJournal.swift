import Logging
import NIOCore
import Synchronization
public import TokModelCore

#if canImport(Glibc)
import Glibc
#endif

/// The edge's record of settlements the ledger has not acknowledged yet, in a file mapped into memory, so that
/// they outlive the edge process.
///
/// An edge keeps unacknowledged settlements in memory (the ledger acknowledges a batch after its commit, some
/// 10–20 ms later); killed with SIGKILL, it would lose them and their requests would go unbilled. Each
/// settlement is therefore also copied into a slot of a `MAP_SHARED` file when it is submitted — before the
/// client receives the end of its answer — and the slot is cleared when the ledger acknowledges it. Writing a
/// slot is a memory copy: no system call, nothing that blocks an event loop. The pages belong to the kernel's
/// page cache, so what the edge wrote survives the edge's death (not a power cut, which `fsync` per request
/// would be needed for).
///
/// The edge holds an exclusive `flock` on its journal for its whole life; the kernel drops it when the process
/// dies. The ledger's ``JournalRecovery`` looks for journals it can lock — their edge is gone — and settles
/// what they hold (settling is idempotent by request id, so a settlement that did reach the ledger costs
/// nothing more), then deletes them. An edge that stops gracefully with everything acknowledged deletes its own.
///
/// A request in flight has a *provisional* settlement in the journal from its admission on (``recordProvisional(_:)``:
/// outcome `edge_lost`, the prompt estimate), which its real settlement replaces when it ends. An edge that dies
/// mid-request thus leaves its in-flight requests billed as aborted, instead of unbilled with their holds
/// swept; when both records of a request are in a journal (the edge died between the two writes), the real one
/// is settled.
///
/// Layout: `slots` slots of ``slotSize`` bytes; a slot in use starts with ``usedMarker`` (``provisionalMarker``
/// for a provisional settlement) and the length of the encoded settlement (the RPC's `settle` frame of one
/// settlement, `docs/rpc-protocol.md`), then the bytes. The marker is written last, so a slot torn by the edge's
/// death in the middle of a copy reads as free.
public final class SettlementJournal: Sendable {
    public static let slotSize = 512
    public static let defaultSlots = 8_192
    static let usedMarker: UInt32 = 0x544D_534A  // "TMSJ"
    static let provisionalMarker: UInt32 = 0x544D_5350  // "TMSP"
    static let headerSize = 8
    public static let fileSuffix = ".journal"

    /// Where edges and the ledger of one host meet unless told otherwise: next to the ledger's socket, which
    /// both are configured with (`/run/tokmodel/ledger.sock` → `/run/tokmodel/ledger.sock.journals`).
    public static func defaultDirectory(forSocket socketPath: String) -> String { socketPath + ".journals" }

    public let path: String
    let fd: Int32
    nonisolated(unsafe) let base: UnsafeMutableRawPointer
    let slots: Int
    let logger: Logger

    /// Free slots; a slot taken by ``record(_:)`` belongs to the caller until it hands it to ``release(_:)``.
    private struct State {
        var free: [Int32]
        var inUse = 0
        var fullReported = false
    }

    private let state: Mutex<State>

    /// Creates a new journal file in `directory` (made if missing, mode 0700) and locks it.
    public init(directory: String, slots: Int = defaultSlots, logger: Logger) throws {
        precondition(slots > 0)
        if mkdir(directory, 0o700) != 0 && errno != EEXIST {
            throw LedgerProtocolError("cannot create the journal directory \(directory): errno \(errno)")
        }
        var random: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &random) { arc4random_buf($0.baseAddress!, $0.count) }
        let path = directory + "/edge-\(getpid())-" + String(random.0, radix: 16) + Self.fileSuffix
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw LedgerProtocolError("cannot create the journal \(path): errno \(errno)") }
        let size = slots * Self.slotSize
        guard flock(fd, LOCK_EX | LOCK_NB) == 0, ftruncate(fd, off_t(size)) == 0,
            let mapped = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), mapped != MAP_FAILED
        else {
            let code = errno
            close(fd)
            unlink(path)
            throw LedgerProtocolError("cannot prepare the journal \(path): errno \(code)")
        }
        // Touch every page now, so that no page fault allocates file space on the request path.
        memset(mapped, 0, size)
        self.path = path
        self.fd = fd
        self.base = mapped
        self.slots = slots
        self.logger = logger
        self.state = Mutex(State(free: (0..<Int32(slots)).reversed()))
    }

    deinit {
        munmap(base, slots * Self.slotSize)
        close(fd)
    }

    /// Copies `settlement` into a free slot and returns the slot, for ``release(_:)`` once the ledger has
    /// acknowledged it; nil when it could not be journaled (too large, or the journal is full — logged).
    /// Only the choice of the slot is under the lock; the copy is the caller's own slot.
    public func record(_ settlement: Settlement) -> Int32? {
        record(settlement, marker: Self.usedMarker)
    }

    /// Records what to bill if the edge dies before the request ends; the caller releases the slot once the
    /// request's real settlement is recorded (or acknowledged, if that could not be recorded).
    public func recordProvisional(_ settlement: Settlement) -> Int32? {
        record(settlement, marker: Self.provisionalMarker)
    }

    private func record(_ settlement: Settlement, marker: UInt32) -> Int32? {
        var frame = ByteBuffer()
        frame.reserveCapacity(Self.slotSize)
        LedgerCodec.encode(LedgerFrame(correlationID: 0, message: .settle([settlement])), into: &frame)
        let length = frame.readableBytes
        guard Self.headerSize + length <= Self.slotSize else {
            logger.warning("settlement too large for the edge journal; kept in memory only", metadata: ["gw.request.id": "\(settlement.requestID)"])
            return nil
        }
        let taken: Int32? = state.withLock { state in
            guard let slot = state.free.popLast() else {
                if !state.fullReported {
                    state.fullReported = true
                    logger.warning("edge journal full (the ledger is not acknowledging); new settlements are kept in memory only")
                }
                return nil
            }
            state.inUse += 1
            return slot
        }
        guard let slot = taken else { return nil }
        let start = base + Int(slot) * Self.slotSize
        start.storeBytes(of: UInt32(length), toByteOffset: 4, as: UInt32.self)
        frame.withUnsafeReadableBytes { (start + Self.headerSize).copyMemory(from: $0.baseAddress!, byteCount: length) }
        start.storeBytes(of: marker, as: UInt32.self)  // last: a slot torn mid-copy reads as free
        return slot
    }

    /// Clears slots whose settlements the ledger has acknowledged, and makes them free again.
    public func release(_ slots: [Int32]) {
        guard !slots.isEmpty else { return }
        for slot in slots { (base + Int(slot) * Self.slotSize).storeBytes(of: 0, as: UInt32.self) }
        state.withLock { state in
            state.free.append(contentsOf: slots)
            state.inUse -= slots.count
            state.fullReported = false
        }
    }

    /// Slots recorded and not released (provisional ones included).
    public var count: Int { state.withLock { $0.inUse } }

    /// Deletes the journal; for an edge that stops with every settlement acknowledged.
    public func remove() {
        unlink(path)
    }

    // MARK: Recovery (the ledger's side)

    /// A journal whose edge is gone: its settlements, and the lock that keeps another ledger from settling
    /// them at the same time (harmless, being idempotent, but wasted work).
    public final class Orphan: Sendable {
        public let path: String
        public let settlements: [Settlement]
        /// Slots that held something but could not be read back (logged, then dropped with the file).
        public let unreadableSlots: Int
        let fd: Int32

        init(path: String, settlements: [Settlement], unreadableSlots: Int, fd: Int32) {
            self.path = path
            self.settlements = settlements
            self.unreadableSlots = unreadableSlots
            self.fd = fd
        }

        /// Deletes the journal once its settlements are durable in the ledger.
        public func remove() {
            unlink(path)
        }

        deinit { close(fd) }
    }

    /// The journals in `directory` whose edges are gone (no one holds their lock), read back.
    public static func orphans(in directory: String, logger: Logger) -> [Orphan] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var found: [Orphan] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasSuffix(fileSuffix) else { continue }
            let path = directory + "/" + name
            let fd = open(path, O_RDWR | O_CLOEXEC)
            guard fd >= 0 else { continue }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                close(fd)  // its edge is alive
                continue
            }
            let (settlements, unreadable) = read(fd: fd)
            if unreadable > 0 {
                logger.error("edge journal has unreadable slots", metadata: ["ledger.journal": "\(path)", "ledger.unreadable": "\(unreadable)"])
            }
            found.append(Orphan(path: path, settlements: settlements, unreadableSlots: unreadable, fd: fd))
        }
        return found
    }

    static func read(fd: Int32) -> ([Settlement], Int) {
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return ([], 0) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard got > 0 else { return ([], 0) }
        var settlements: [Settlement] = []
        var provisional: [Settlement] = []
        var unreadable = 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset + slotSize <= got {
                defer { offset += slotSize }
                let marker = raw.load(fromByteOffset: offset, as: UInt32.self)
                guard marker == usedMarker || marker == provisionalMarker else { continue }
                let length = Int(raw.load(fromByteOffset: offset + 4, as: UInt32.self))
                guard headerSize + length <= slotSize else {
                    unreadable += 1
                    continue
                }
                var buffer = ByteBuffer(bytes: raw[(offset + headerSize)..<(offset + headerSize + length)])
                if case .settle(let batch)? = try? LedgerCodec.decode(&buffer).message {
                    if marker == usedMarker { settlements.append(contentsOf: batch) } else { provisional.append(contentsOf: batch) }
                } else {
                    unreadable += 1
                }
            }
        }
        // A request's real settlement wins over its provisional one.
        let settled = Set(settlements.map(\.requestID))
        return (settlements + provisional.filter { !settled.contains($0.requestID) }, unreadable)
    }
}
