import Foundation
#if canImport(Glibc)
import Glibc
#endif
import LedgerProtocol
import Logging
import NIOCore
import ServiceLifecycle
import Testing
import TokModelCore

/// A settlement handler that records every settlement it receives and acknowledges each as committed, after
/// an optional delay; `reject` ids are answered `.rejected`.
final class RecordingHandler: SettlementHandler {
    let delay: Duration
    let reject: Set<String>
    let received = Locked<[Settlement]>([])
    let batches = Locked(0)

    init(delay: Duration = .zero, reject: Set<String> = []) {
        self.delay = delay
        self.reject = reject
    }

    func settle(_ settlements: [Settlement]) async -> [SettleResult] {
        if delay > .zero { try? await Task.sleep(for: delay) }
        received.update { $0.append(contentsOf: settlements) }
        batches.update { $0 += 1 }
        return settlements.map { SettleResult(requestID: $0.requestID, status: reject.contains($0.requestID) ? .rejected : .committed) }
    }

    /// How many times each request id arrived.
    var counts: [String: Int] { received.value.reduce(into: [:]) { $0[$1.requestID, default: 0] += 1 } }
}

func temporarySocketPath() -> String {
    // Unix socket paths are limited to 107 bytes: keep it short.
    "/tmp/tm-it-\(String(UInt64.random(in: 0...UInt64.max), radix: 36)).sock"
}

func makeSettlements(_ count: Int, prefix: String = TestEnvironment.unique("rpc")) -> [Settlement] {
    var settlements: [Settlement] = []
    for index in 0..<count {
        let account = Int64(index % 7 + 1)
        let key = Int64(index % 3 + 1)
        settlements.append(makeSettlement("\(prefix)-\(index)", account: account, key: key, input: Int64(index), output: Int64(2 * index)))
    }
    return settlements
}

/// Runs `services` as tasks for the duration of `body`, then cancels them and waits for them to end.
func withRunning<T>(_ services: [any Service], _ body: () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: Void.self) { group in
        for service in services { group.addTask { try await service.run() } }
        do {
            let value = try await body()
            group.cancelAll()
            return value
        } catch {
            group.cancelAll()
            throw error
        }
    }
}

/// The process' umask, read without changing it (Linux: /proc/self/status).
func processUmask() -> mode_t? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") })
    else { return nil }
    return mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
}

/// The file type and permission bits of `path` (`S_IFSOCK | 0o600` for a socket only its owner may use), or nil
/// when there is no such file.
func fileMode(_ path: String) -> mode_t? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
        let permissions = (attributes[.posixPermissions] as? NSNumber)?.uint32Value
    else { return nil }
    let type: mode_t = (attributes[.type] as? FileAttributeType) == .typeSocket ? S_IFSOCK : 0
    return type | mode_t(permissions)
}

@Suite(.timeLimit(.minutes(2)))
struct LedgerProtocolIntegrationTests {
    let logger = TestEnvironment.logger

    @Test func socketIsOwnerOnlyAndRemovedOnShutdown() async throws {
        let path = temporarySocketPath()
        let server = LedgerServer(socketPath: path, handler: RecordingHandler(), logger: logger)
        let group = ServiceGroup(services: [server], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await waitUntil(10, "the ledger socket to appear") { fileMode(path) != nil }
            let mode = try #require(fileMode(path))
            #expect(mode & S_IFMT == S_IFSOCK)
            #expect(mode & 0o777 == 0o600, "mode \(String(mode & 0o777, radix: 8))")
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(fileMode(path) == nil)
    }

    @Test func thousandSettlementsAreDeliveredExactlyOnce() async throws {
        let path = temporarySocketPath()
        let handler = RecordingHandler()
        let server = LedgerServer(socketPath: path, handler: handler, logger: logger)
        var configuration = LedgerClient.Configuration(socketPath: path)
        configuration.maxBatch = 100
        let client = LedgerClient(configuration: configuration, logger: logger)
        let settlements = makeSettlements(1000)
        for settlement in settlements.prefix(400) { client.submit(settlement) }
        #expect(client.pendingCount == 400)
        try await withRunning([server, client]) {
            for settlement in settlements.dropFirst(400) {
                client.submit(settlement)
                if Int.random(in: 0..<50) == 0 { await Task.yield() }
            }
            try await waitUntil(30, "every settlement to be acknowledged") { client.pendingCount == 0 }
        }
        #expect(client.acknowledgedCount == 1000)
        let counts = handler.counts
        #expect(counts.count == 1000)
        #expect(counts.values.allSatisfy { $0 == 1 }, "duplicates: \(counts.filter { $0.value > 1 }.count)")
        // Every field survives the trip.
        let byID = Dictionary(uniqueKeysWithValues: handler.received.value.map { ($0.requestID, $0) })
        #expect(settlements.allSatisfy { byID[$0.requestID] == $0 })
        // Batches respect the client's maximum.
        #expect(handler.batches.value >= 10)
    }

    @Test func clientRetriesUntilTheLedgerComesUp() async throws {
        let path = temporarySocketPath()
        let handler = RecordingHandler()
        let client = LedgerClient(configuration: .init(socketPath: path), logger: logger)
        let settlements = makeSettlements(300)
        try await withRunning([client]) {
            for settlement in settlements.prefix(150) { client.submit(settlement) }
            // Nobody listens yet: the client keeps everything and retries.
            try await Task.sleep(for: .milliseconds(400))
            #expect(client.pendingCount == 150)
            for settlement in settlements.dropFirst(150) { client.submit(settlement) }
            let server = LedgerServer(socketPath: path, handler: handler, logger: logger)
            try await withRunning([server]) {
                try await waitUntil(30, "the settlements to reach the late ledger") { client.pendingCount == 0 }
            }
        }
        let counts = handler.counts
        #expect(Set(counts.keys) == Set(settlements.map(\.requestID)))
        #expect(client.acknowledgedCount == 300)
    }

    @Test func slowAcknowledgementsLoseNothingAndDuplicateNothing() async throws {
        let path = temporarySocketPath()
        let handler = RecordingHandler(delay: .milliseconds(80))
        let server = LedgerServer(socketPath: path, handler: handler, logger: logger)
        var configuration = LedgerClient.Configuration(socketPath: path)
        configuration.maxBatch = 40
        let client = LedgerClient(configuration: configuration, logger: logger)
        let settlements = makeSettlements(400)
        try await withRunning([server, client]) {
            // Waves arrive while earlier batches wait for their acknowledgement.
            for wave in 0..<8 {
                for settlement in settlements[(wave * 50)..<((wave + 1) * 50)] { client.submit(settlement) }
                try await Task.sleep(for: .milliseconds(30))
            }
            // Resubmitting a pending settlement (an edge retrying its own hand-over) does not duplicate it.
            client.submit(settlements[399])
            try await waitUntil(60, "every settlement to be acknowledged") { client.pendingCount == 0 }
        }
        let counts = handler.counts
        #expect(Set(counts.keys) == Set(settlements.map(\.requestID)), "lost: \(settlements.count - counts.count)")
        // The connection never broke in this test, so nothing was sent twice.
        #expect(counts.values.allSatisfy { $0 == 1 }, "duplicates: \(counts.filter { $0.value > 1 }.count)")
        #expect(handler.batches.value >= 10)
    }

    @Test func rejectedSettlementsAreAcknowledgedAndNotRetried() async throws {
        let path = temporarySocketPath()
        let settlements = makeSettlements(20)
        let rejected = Set(settlements.prefix(5).map(\.requestID))
        let handler = RecordingHandler(reject: rejected)
        let server = LedgerServer(socketPath: path, handler: handler, logger: logger)
        let client = LedgerClient(configuration: .init(socketPath: path), logger: logger)
        try await withRunning([server, client]) {
            for settlement in settlements { client.submit(settlement) }
            try await waitUntil(30, "every settlement to be acknowledged") { client.pendingCount == 0 }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(handler.counts.count == 20)
        #expect(handler.counts.values.allSatisfy { $0 == 1 })
        #expect(client.acknowledgedCount == 20)
    }

    /// The client journals what it submits and clears what the ledger acknowledges: while the ledger is
    /// unreachable everything is in the journal (what a dead edge leaves for the ledger); once acknowledged,
    /// nothing is; a graceful stop with nothing pending removes the journal file.
    @Test func journalHoldsExactlyTheUnacknowledged() async throws {
        let path = temporarySocketPath()
        let directory = SettlementJournal.defaultDirectory(forSocket: path)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try SettlementJournal(directory: directory, slots: 64, logger: logger)
        let handler = RecordingHandler(reject: ["j-rejected"])
        var configuration = LedgerClient.Configuration(socketPath: path)
        configuration.maxBatch = 7
        let client = LedgerClient(configuration: configuration, logger: logger, journal: journal)
        var settlements = makeSettlements(40, prefix: "j")
        settlements.append(makeSettlement("j-rejected", account: 1, key: 1, input: 1, output: 1))
        // Requests in flight have provisional settlements; submitting the real one frees the provisional slot.
        let provisional = settlements.map { client.recordProvisional($0) }
        #expect(journal.count == 41)
        for (settlement, slot) in zip(settlements, provisional) { client.submit(settlement, replacingProvisional: slot) }
        client.submit(settlements[3])  // a resubmission keeps one slot
        #expect(journal.count == 41)
        // One still in flight when the edge stops: its journal must stay for the ledger to settle.
        let inFlight = makeSettlement("j-in-flight", account: 1, key: 1, input: 1, output: 0)
        let inFlightSlot = try #require(client.recordProvisional(inFlight))
        #expect(journal.count == 42)

        let server = LedgerServer(socketPath: path, handler: handler, logger: logger)
        let group = ServiceGroup(services: [server, client], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await waitUntil(30, "every settlement to be acknowledged") { client.pendingCount == 0 }
            #expect(journal.count == 1, "acknowledged (committed or rejected) settlements leave the journal; the one in flight stays")
            #expect(FileManager.default.fileExists(atPath: journal.path))
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(FileManager.default.fileExists(atPath: journal.path), "a request still in flight keeps the journal for the ledger")
        journal.release([inFlightSlot])
        journal.remove()
        #expect(Set(handler.counts.keys) == Set(settlements.map(\.requestID)))
    }

    @Test func gracefulShutdownHandsOverEverything() async throws {
        let path = temporarySocketPath()
        let handler = RecordingHandler(delay: .milliseconds(20))
        let server = LedgerServer(socketPath: path, handler: handler, logger: logger)
        var configuration = LedgerClient.Configuration(socketPath: path)
        configuration.maxBatch = 50
        let client = LedgerClient(configuration: configuration, logger: logger)
        let settlements = makeSettlements(500)
        // The group stops the client first (last in the list), then the server.
        let group = ServiceGroup(services: [server, client], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await waitUntil(10, "the ledger socket to appear") { fileMode(path) != nil }
            for settlement in settlements { client.submit(settlement) }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(client.pendingCount == 0)
        #expect(Set(handler.counts.keys) == Set(settlements.map(\.requestID)))
        #expect(fileMode(path) == nil)
    }

    @Test func malformedFramesGetAnErrorFrame() async throws {
        let path = temporarySocketPath()
        let handler = RecordingHandler()
        let server = LedgerServer(socketPath: path, handler: handler, logger: logger)
        try await withRunning([server]) {
            try await waitUntil(10, "the ledger socket to appear") { fileMode(path) != nil }
            // A frame of an unknown protocol version: the server answers with an error frame and closes.
            var frame = ByteBuffer()
            frame.writeInteger(UInt16(99))
            frame.writeInteger(UInt8(1))
            frame.writeInteger(UInt64(7))
            let bytes = Array(frame.readableBytesView)
            let reply = try await withDeadline(10, "the reply to a malformed frame") { try rawExchange(path: path, body: bytes) }
            var buffer = ByteBuffer(bytes: reply)
            let length = buffer.readInteger(as: UInt32.self)
            #expect(length.map(Int.init) == buffer.readableBytes)
            let decoded = try LedgerCodec.decode(&buffer)
            guard case .error(let message) = decoded.message else {
                Issue.record("expected an error frame, got \(decoded)")
                return
            }
            #expect(message.contains("version"))
        }
        #expect(handler.received.value.isEmpty)
    }
    /// The ledger restarts while batches wait for their acknowledgement: the client resends what was not
    /// acknowledged. Duplicates are allowed (the ledger deduplicates by request id); losses are not.
    @Test func ledgerRestartMidFlightLosesNothing() async throws {
        let path = temporarySocketPath()
        let slow = RecordingHandler(delay: .milliseconds(150))
        let fast = RecordingHandler()
        var configuration = LedgerClient.Configuration(socketPath: path)
        configuration.maxBatch = 25
        let client = LedgerClient(configuration: configuration, logger: logger)
        let settlements = makeSettlements(300)
        try await withRunning([client]) {
            for settlement in settlements { client.submit(settlement) }
            try await withRunning([LedgerServer(socketPath: path, handler: slow, logger: logger)]) {
                try await waitUntil(20, "the first batches to arrive") { slow.batches.value >= 2 }
            }
            #expect(client.pendingCount > 0)
            try await withRunning([LedgerServer(socketPath: path, handler: fast, logger: logger)]) {
                try await waitUntil(30, "every settlement to be acknowledged") { client.pendingCount == 0 }
            }
        }
        let first = slow.counts
        let second = fast.counts
        let all = Set(first.keys).union(second.keys)
        #expect(all == Set(settlements.map(\.requestID)), "lost: \(settlements.count - all.count)")
        // Within one connection nothing is sent twice.
        #expect(first.values.allSatisfy { $0 == 1 } && second.values.allSatisfy { $0 == 1 })
        #expect(client.acknowledgedCount == 300)
    }
    /// Servers starting at the same moment in one process (the umask is process-wide): every socket is owner-only
    /// from the moment it exists.
    @Test func concurrentServersCreateOwnerOnlySockets() async throws {
        let umaskBefore = processUmask()
        var modes: [mode_t] = []
        for _ in 0..<4 {
            let paths = (0..<16).map { _ in temporarySocketPath() }
            let firstSeen = Locked<[String: mode_t]>([:])
            let servers: [any Service] = paths.map { LedgerServer(socketPath: $0, handler: RecordingHandler(), logger: logger) }
            try await withThrowingTaskGroup(of: Void.self) { watchers in
                for path in paths {
                    watchers.addTask {
                        while fileMode(path) == nil { try await Task.sleep(for: .microseconds(100)) }
                        if let mode = fileMode(path) { firstSeen.update { $0[path] = mode & 0o777 } }
                    }
                }
                try await withRunning(servers) {
                    try await waitUntil(20, "every socket to appear") { firstSeen.value.count == paths.count }
                    for path in paths { #expect((fileMode(path) ?? 0) & 0o777 == 0o600) }
                }
                try await watchers.waitForAll()
            }
            modes += firstSeen.value.values
        }
        #expect(modes.count == 64)
        #expect(modes.allSatisfy { $0 == 0o600 }, "\(modes.map { String($0, radix: 8) })")
        // The process gets its umask back (servers of other tests may hold 0177 for a moment while they bind).
        if let umaskBefore, umaskBefore != 0o177 {
            try await waitUntil(10, "the process umask to be restored") { processUmask() == umaskBefore }
        }
    }
}

/// Sends one length-prefixed frame over a blocking Unix socket and reads until the server closes.
func rawExchange(path: String, body: [UInt8]) throws -> [UInt8] {
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw SetupFailure("socket() failed") }
    defer { close(fd) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
        for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
    }
    let connected = withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    guard connected == 0 else { throw SetupFailure("cannot connect to \(path)") }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var frame = withUnsafeBytes(of: UInt32(body.count).bigEndian) { Array($0) }
    frame += body
    guard write(fd, frame, frame.count) == frame.count else { throw SetupFailure("write failed") }
    var received: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = read(fd, &chunk, chunk.count)
        if count <= 0 { break }
        received += chunk[0..<count]
    }
    return received
}
