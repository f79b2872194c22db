import Dispatch
import Logging
@testable import PostgresClient
import Synchronization
import Testing

@Suite("PostgresPool")
struct PoolTests {
    @Test("20 concurrent calls on a pool of 3 all complete, never more than 3 at once")
    func boundedConcurrency() async throws {
        let gauge = Gauge()
        let pids = try await TestDatabase.withPool(size: 3) { pool in
            try await withThrowingTaskGroup(of: Int64.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await pool.withConnection { db in
                            gauge.enter()
                            defer { gauge.leave() }
                            let row = try db.query("SELECT pg_backend_pid() AS pid, pg_sleep(0.05)")
                            return try #require(row.first?.int64("pid"))
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        #expect(pids.count == 20)
        #expect(gauge.maximum <= 3)
        #expect(gauge.maximum >= 2, "the pool should have run calls in parallel")
        #expect(Set(pids).count <= 3, "at most 3 sessions may be opened")
        #expect(gauge.current == 0)
    }

    @Test("blocking calls run off the cooperative pool")
    func doesNotBlockCooperativePool() async throws {
        // Six calls that each block in PostgreSQL until a lock is released. On the cooperative pool (one
        // thread per core) at most a core's worth could be waiting in PostgreSQL at the same moment; on the
        // pool's own threads all six are. A separate connection holds the lock and watches pg_stat_activity
        // until it has seen all six waiting (or a generous deadline passes), then releases it: the proof of
        // overlap depends on no timing, only on what PostgreSQL reports, however slowly sessions open.
        let calls = 6
        let lockKey = Int64.random(in: 1...Int64.max)
        let marker = "tm_overlap_\(lockKey)"
        let observed = try await TestDatabase.withPool(size: calls) { pool in
            try await TestDatabase.withPool(size: 1) { watcher in
                // A session-level lock: it stays with the watcher's one connection between calls.
                try await watcher.query("SELECT pg_advisory_lock($1::bigint)", [.int64(lockKey)])
                return try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<calls {
                        group.addTask {
                            try await pool.query("SELECT pg_advisory_xact_lock_shared($1::bigint), '\(marker)'", [.int64(lockKey)])
                            return 0
                        }
                    }
                    group.addTask {
                        try await watcher.withConnection { db in
                            defer { _ = try? db.query("SELECT pg_advisory_unlock($1::bigint)", [.int64(lockKey)]) }
                            var most = 0
                            // Polls from the watcher's own thread; 3,000 polls of at least 10 ms is 30 s at most.
                            for _ in 0..<3_000 where most < calls {
                                let rows = try db.query(
                                    "SELECT count(*) AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%' || $1 || '%' AND query NOT LIKE '%pg_stat_activity%'",
                                    [PostgresParameter(marker)])
                                most = max(most, rows.first?.int("n") ?? 0)
                                if most < calls { _ = try db.query("SELECT pg_sleep(0.01)") }
                            }
                            return most
                        }
                    }
                    var most = 0
                    for try await value in group { most = max(most, value) }
                    return most
                }
            }
        }
        #expect(observed == calls, "at most \(observed) of \(calls) calls were in PostgreSQL at once")
    }

    @Test("the pool reconnects after the server terminates its idle connection")
    func survivesTerminatedIdleConnection() async throws {
        let admin = try TestDatabase.connect()
        defer { admin.close() }
        try await TestDatabase.withPool(size: 1) { pool in
            let firstPID = try await backendPID(pool)
            let terminated = try admin.query("SELECT pg_terminate_backend($1::int) AS ok", [.int64(firstPID)])
            #expect(terminated.first?.bool("ok") == true)
            try await waitUntilGone(firstPID, admin: admin)
            // The backend leaves pg_stat_activity just before its socket closes; give the close a moment.
            try await Task.sleep(for: .milliseconds(100))

            // The pool notices the dead session before using it, or at worst the next call fails as a
            // connection failure; either way the call after that works on a new session.
            var secondPID: Int64?
            do {
                secondPID = try await backendPID(pool)
            } catch let error as PostgresError {
                #expect(error.isConnectionFailure, "unexpected error: \(error)")
            }
            let thirdPID = try await backendPID(pool)
            #expect(thirdPID != firstPID)
            if let secondPID { #expect(secondPID == thirdPID) }
        }
    }

    @Test("after a call fails because its session was killed, the next call succeeds")
    func survivesConnectionLostMidCall() async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            let firstPID = try await backendPID(pool)
            let error = try await #require(throws: PostgresError.self) {
                try await pool.withConnection { db in
                    // Killed from another session while this one is checked out, then used.
                    let admin = try TestDatabase.connect()
                    defer { admin.close() }
                    _ = try admin.query("SELECT pg_terminate_backend($1::int)", [.int64(firstPID)])
                    try waitUntilGoneBlocking(firstPID, admin: admin)
                    return try db.query("SELECT 1 AS one").count
                }
            }
            #expect(error.isConnectionFailure)
            let nextPID = try await backendPID(pool)
            #expect(nextPID != firstPID)
            #expect(try await pool.query("SELECT 41 + 1 AS answer").first?.int("answer") == 42)
        }
    }

    @Test("with PostgreSQL down, every caller fails promptly with a connection failure")
    func serverDown() async throws {
        try TestDatabase.requireReachable()
        let pool = PostgresPool(url: "postgres://ledger:Sup3r-S3cret-pw@127.0.0.1:1/tokmodel", size: 2, logger: Logger(label: "test"))
        let clock = ContinuousClock()
        let start = clock.now
        let errors = await withTaskGroup(of: (any Error)?.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    do {
                        _ = try await pool.query("SELECT 1")
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            return await group.reduce(into: [(any Error)?]()) { $0.append($1) }
        }
        // A guard against hanging callers (the failure itself is instant: port 1 refuses), not a timing test:
        // under the full parallel `swift test` on 2 cores the six callers took up to 8 s of wall time.
        #expect(clock.now - start < .seconds(30))
        #expect(errors.count == 6)
        for error in errors {
            let postgresError = try #require(error as? PostgresError)
            #expect(postgresError.isConnectionFailure)
            #expect(!String(describing: postgresError).contains("Sup3r-S3cret-pw"))
        }
        await pool.shutdown()
    }

    @Test("a caller cancelled while waiting leaves the queue and the connection is not lost")
    func cancelledWaiter() async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            let gate = DispatchSemaphore(value: 0)
            let holding = Mutex(false)
            let holder = Task {
                try await pool.withConnection { db in
                    holding.withLock { $0 = true }
                    gate.wait()
                    return try db.query("SELECT 1 AS one").first?.int("one")
                }
            }
            try await waitFor { holding.withLock { $0 } }

            let waiter = Task { try await pool.withConnection { _ in "served" } }
            try await waitFor { pool.waitingCount == 1 }
            waiter.cancel()
            await #expect(throws: CancellationError.self) { try await waiter.value }
            #expect(pool.waitingCount == 0)

            gate.signal()
            #expect(try await holder.value == 1)
            // The single connection went back to the pool, not to the cancelled waiter.
            #expect(try await pool.withConnection { _ in "next" } == "next")
        }
    }

    @Test("a transaction left open by a call is rolled back before the connection is reused")
    func openTransactionIsRolledBack() async throws {
        let table = TestDatabase.uniqueTableName("leftopen")
        try await TestDatabase.withPool(size: 1) { pool in
            let pid = try await pool.withConnection { db in
                try db.execute(script: "CREATE TEMP TABLE \(table) (id int)")
                try db.execute(script: "BEGIN; INSERT INTO \(table) VALUES (1)")
                return try #require(try db.query("SELECT pg_backend_pid() AS pid").first?.int64("pid"))
            }
            let (samePID, count) = try await pool.withConnection { db in
                let row = try #require(try db.query("SELECT pg_backend_pid() AS pid, (SELECT count(*) FROM \(table)) AS n").first)
                return (row.int64("pid"), row.int64("n"))
            }
            #expect(samePID == pid)
            #expect(count == 0)
        }
    }

    @Test("after shutdown, waiting and new callers fail with poolShutDown")
    func shutdownFailsCallers() async throws {
        try TestDatabase.requireReachable()
        let pool = PostgresPool(url: try TestDatabase.url(), size: 1, logger: Logger(label: "test"))
        let gate = DispatchSemaphore(value: 0)
        let holding = Mutex(false)
        let holder = Task {
            try await pool.withConnection { db in
                holding.withLock { $0 = true }
                gate.wait()
                return try db.query("SELECT 7 AS seven").first?.int("seven")
            }
        }
        try await waitFor { holding.withLock { $0 } }
        let waiter = Task { try await pool.withConnection { _ in 0 } }
        try await waitFor { pool.waitingCount == 1 }

        let shutdown = Task { await pool.shutdown() }
        let waiterError = await #expect(throws: PostgresError.self) { try await waiter.value }
        #expect(waiterError?.code == .poolShutDown)
        gate.signal()
        // The call already running finishes normally; shutdown waits for it.
        #expect(try await holder.value == 7)
        await shutdown.value
        let lateError = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
        #expect(lateError?.code == .poolShutDown)
    }
}

// MARK: - Helpers

private func backendPID(_ pool: PostgresPool) async throws -> Int64 {
    try #require(try await pool.query("SELECT pg_backend_pid() AS pid").first?.int64("pid"))
}

/// Waits until the backend has exited, so its socket is closed before the pool next uses it.
private func waitUntilGone(_ pid: Int64, admin: PostgresConnection) async throws {
    try await waitFor {
        (try? admin.query("SELECT count(*) AS n FROM pg_stat_activity WHERE pid = $1::int", [.int64(pid)]))?
            .first?.int64("n") == 0
    }
}

private func waitUntilGoneBlocking(_ pid: Int64, admin: PostgresConnection) throws {
    for _ in 0..<500 {
        let rows = try admin.query("SELECT count(*) AS n FROM pg_stat_activity WHERE pid = $1::int", [.int64(pid)])
        if rows.first?.int64("n") == 0 { return }
        _ = try admin.query("SELECT pg_sleep(0.01)")
    }
    throw SetupFailure("backend \(pid) did not exit")
}

private func waitFor(_ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(10)
    while !condition() {
        guard ContinuousClock.now < deadline else { throw SetupFailure("condition not reached within 10 s") }
        try await Task.sleep(for: .milliseconds(5))
    }
}

/// Counts calls in progress and remembers the peak.
private final class Gauge: Sendable {
    private let state = Mutex((current: 0, maximum: 0))

    func enter() {
        state.withLock {
            $0.current += 1
            $0.maximum = max($0.maximum, $0.current)
        }
    }

    func leave() {
        state.withLock { $0.current -= 1 }
    }

    var current: Int { state.withLock { $0.current } }
    var maximum: Int { state.withLock { $0.maximum } }
}
