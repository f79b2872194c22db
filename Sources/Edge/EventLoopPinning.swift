import HummingbirdCore
import Logging
import NIOCore

/// Runs a task's jobs on one NIO event loop (SE-0417 task executor preference).
///
/// Without it a connection's task runs wherever Swift's global executor puts it: Hummingbird creates it on the
/// accepting loop, and a continuation resumed from the curl thread lands on whichever loop is next. Every read and
/// write of the connection then crosses threads (an eventfd wake-up each way). Pinned to the connection's own
/// loop, the request is parsed, checked in Redis (that loop's connection), answered and written without a hop.
final class EventLoopTaskExecutor: TaskExecutor, Sendable {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        // Always through the loop's queue, never inline: the caller may hold locks or be deep in a stack.
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

/// Hummingbird's HTTP/1 child channel, with each connection's task pinned to the connection's event loop.
struct EventLoopPinnedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let inner: HTTP1Channel

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        inner.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await withTaskExecutorPreference(EventLoopTaskExecutor(value.channel.eventLoop)) {
            await inner.handle(value: value, logger: logger)
        }
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with every connection's work on its own event loop (see ``EventLoopTaskExecutor``).
    static var http1PinnedToEventLoop: HTTPServerBuilder {
        .init { responder in EventLoopPinnedHTTP1Channel(inner: HTTP1Channel(responder: responder)) }
    }
}
