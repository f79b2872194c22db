import Dispatch
@testable import Ledger
import Synchronization
import Testing

/// A counter blocks on other threads can share (an `Atomic` cannot be captured by an escaping closure).
private final class SharedCount: Sendable {
    private let value = Atomic<Int>(0)
    var current: Int { value.load(ordering: .relaxed) }
    @discardableResult func add(_ delta: Int) -> Int { value.add(delta, ordering: .relaxed).newValue }
}

@Suite("FileWork")
struct FileWorkTests {
    /// More blocking jobs than the cooperative pool has threads, each blocked until a task on that pool has seen
    /// all of them start. Were the jobs run on the cooperative pool, that task could never run (every thread
    /// blocked): the jobs would time out and report it. Nothing here depends on timing.
    @Test("blocking file work leaves the cooperative pool free")
    func blockingWorkLeavesTheCooperativePoolFree() async throws {
        let jobs = 16
        let started = SharedCount()
        let release = DispatchSemaphore(value: 0)
        let released = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<jobs {
                let work = FileWork(label: "tokmodel.test.file-work.\(index)")
                group.addTask {
                    await work.run {
                        started.add(1)
                        return release.wait(timeout: .now() + .seconds(20)) == .success
                    }
                }
            }
            group.addTask {
                while started.current < jobs { try await Task.sleep(for: .milliseconds(1)) }
                for _ in 0..<jobs { release.signal() }
                return true
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(released.count == jobs + 1)
        #expect(released.allSatisfy { $0 }, "\(released.filter { !$0 }.count) jobs were never released")
    }

    @Test("a job's error reaches the caller, and jobs on one FileWork run one at a time")
    func errorsPropagateAndJobsAreSerial() async throws {
        struct DiskFull: Error {}
        let work = FileWork(label: "tokmodel.test.file-work.serial")
        await #expect(throws: DiskFull.self) { try await work.run { () throws -> Int in throw DiskFull() } }
        let running = SharedCount()
        let finished = SharedCount()
        let overlapped = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    await work.run {
                        let alone = running.add(1) == 1
                        finished.add(1)
                        running.add(-1)
                        return !alone
                    }
                }
            }
            return await group.reduce(false) { $0 || $1 }
        }
        #expect(!overlapped)
        #expect(finished.current == 20)
    }
}
