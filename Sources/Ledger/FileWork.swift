internal import Dispatch

/// Runs blocking file-system work (the spool's `write` + `fsync`, scans of the journal directory) on a serial
/// `DispatchQueue` of its own and suspends the calling task until it is done.
///
/// An `fsync` can take milliseconds to seconds on a busy disk. On Swift's cooperative pool, which has about one
/// thread per core, that would stall every other task of the ledger meanwhile — the RPC server's settlements
/// included. Serial, so that the spool's appends, reads and truncations never overlap.
struct FileWork: Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }

    func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: body()) }
        }
    }
}
