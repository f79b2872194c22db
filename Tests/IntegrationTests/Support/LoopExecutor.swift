import NIOCore

/// Runs a task's jobs on one event loop, as the edge pins its request handlers (`EventLoopTaskExecutor`).
final class LoopExecutor: TaskExecutor, Sendable {
    let loop: any EventLoop
    init(_ loop: any EventLoop) { self.loop = loop }
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
