internal import CCurlShim
import Foundation
import Logging
import NIOCore

/// The epoll set holding the sockets of every engine, one-shot: an event is delivered once and the socket stays
/// quiet until its engine has let curl act on it and re-armed it, so the watcher never spins on a socket whose
/// data is still unread. Each registration carries its engine's index and the descriptor.
final class EpollSet: Sendable {
    let fd: Int32

    init() {
        fd = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard fd >= 0 else { fatalError("epoll_create1 failed: errno \(errno)") }
    }

    deinit { close(fd) }

    static func data(engine: Int, socket: Int32) -> UInt64 { UInt64(engine) << 32 | UInt64(UInt32(bitPattern: socket)) }

    /// Watches `socket` for `events` once (or again).
    func arm(_ socket: Int32, events: UInt32, engine: Int, isNew: Bool) {
        var event = epoll_event()
        event.events = events | EPOLLONESHOT.rawValue
        event.data.u64 = Self.data(engine: engine, socket: socket)
        if isNew {
            // A descriptor closed behind curl's back leaves no entry; a reused number would then fail with EEXIST.
            if epoll_ctl(fd, EPOLL_CTL_ADD, socket, &event) != 0, errno == EEXIST { _ = epoll_ctl(fd, EPOLL_CTL_MOD, socket, &event) }
        } else if epoll_ctl(fd, EPOLL_CTL_MOD, socket, &event) != 0, errno == ENOENT {
            _ = epoll_ctl(fd, EPOLL_CTL_ADD, socket, &event)
        }
    }

    func remove(_ socket: Int32) { _ = epoll_ctl(fd, EPOLL_CTL_DEL, socket, nil) }
}

/// The one thread that waits for curl's sockets: SwiftNIO watches only descriptors it owns, so readiness of
/// curl's comes from here. It does no curl work; it passes each engine the events of its sockets with one
/// `execute` per engine per wake-up.
final class ReadinessWatcher: Sendable {
    let epoll: EpollSet
    let engines: [CurlEngine]
    let logger: Logger
    /// An eventfd in the set: written to stop the thread.
    let stopFD: Int32
    static let stopMarker = UInt64.max

    init(epoll: EpollSet, engines: [CurlEngine], logger: Logger) {
        self.epoll = epoll
        self.engines = engines
        self.logger = logger
        stopFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        guard stopFD >= 0 else { fatalError("eventfd failed: errno \(errno)") }
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.u64 = Self.stopMarker
        _ = epoll_ctl(epoll.fd, EPOLL_CTL_ADD, stopFD, &event)
    }

    /// The thread holds the watcher until it has stopped, so no one can write the eventfd after it is closed.
    deinit { close(stopFD) }

    func start() {
        let thread = Thread { [self] in
            // Foundation names a thread only for itself; set the kernel's name so profilers show it.
            _ = ccurl_name_current_thread("tokmodel-curl")
            run()
        }
        thread.start()
    }

    func stop() {
        var one: UInt64 = 1
        _ = withUnsafeBytes(of: &one) { write(stopFD, $0.baseAddress, 8) }
    }

    private func run() {
        let capacity: Int32 = 128
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: Int(capacity))
        defer { events.deallocate() }
        var batches = [[(socket: Int32, events: UInt32)]](repeating: [], count: engines.count)
        while true {
            let ready = epoll_wait(epoll.fd, events, capacity, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                logger.critical("epoll_wait failed; provider calls stop", metadata: ["upstream.errno": "\(errno)"])
                return
            }
            var stopping = false
            for index in 0..<Int(ready) {
                let event = events[index]
                let data = event.data.u64
                if data == Self.stopMarker {
                    stopping = true
                    continue
                }
                let engine = Int(data >> 32)
                guard engine < batches.count else { continue }
                batches[engine].append((Int32(bitPattern: UInt32(truncatingIfNeeded: data)), event.events))
            }
            for engine in batches.indices where !batches[engine].isEmpty {
                let batch = batches[engine]
                batches[engine].removeAll(keepingCapacity: true)
                let target = engines[engine]
                target.eventLoop.execute { target.ready(batch) }
            }
            if stopping { return }
        }
    }
}
