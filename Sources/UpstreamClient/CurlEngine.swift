internal import CCurl
internal import CCurlShim
import Foundation
import Logging
import NIOCore

/// One event loop's curl multi handle and its transfers. Every member is touched only on `eventLoop`.
///
/// curl tells the engine which sockets to watch (its socket callback: one-shot registrations in the shared
/// epoll set, whose events the ``ReadinessWatcher`` hands back through ``ready(_:)``) and when to call it back
/// (its timer callback: a scheduled task on the loop, or at once after the current call). After every call into
/// curl the engine runs what curl asked for, hands finished transfers to their callers and re-arms the sockets
/// whose events it consumed.
final class CurlEngine: @unchecked Sendable {
    // @unchecked: confined to `eventLoop` (the watcher only reads `index` and `eventLoop`).
    let index: Int
    let eventLoop: any EventLoop
    let epoll: EpollSet
    let multi: UnsafeMutableRawPointer
    let logger: Logger
    var active: [ObjectIdentifier: Transfer] = [:]
    /// Easy handles of finished transfers, reset and reused: creating and destroying one per request costs
    /// more than resetting it.
    var idleHandles: [UnsafeMutableRawPointer] = []
    static let maxIdleHandles = 128
    /// The sockets curl asked to watch, with the epoll events it wants and whether the one-shot registration
    /// is armed (an event delivered disarms it until re-armed).
    var sockets: [Int32: (events: UInt32, armed: Bool)] = [:]
    /// Sockets whose event was consumed since the last re-arm.
    var disarmed: [Int32] = []
    /// curl asked to be called back at once (its timer callback with 0, which must not call curl itself).
    var timerDueNow = false
    /// When curl wants `curl_multi_socket_action(CURL_SOCKET_TIMEOUT)`; nil: no timer.
    var curlTimerDeadline: NIODeadline?
    /// The scheduled task that will look at `curlTimerDeadline` (at most one; one set for an earlier deadline
    /// than curl's current one re-schedules itself when it finds nothing due).
    var curlTimerTask: Scheduled<Void>?
    var curlTimerTaskDeadline: NIODeadline?
    /// The periodic scan for transfers past their first-byte deadline, while any waits for its head.
    var deadlineScan: Scheduled<Void>?
    static let deadlineScanInterval = TimeAmount.milliseconds(50)
    var isShutDown = false
    /// Transfers started by this engine (a test checks that requests from a loop run on that loop's engine).
    var startedCount = 0

    init(index: Int, eventLoop: any EventLoop, epoll: EpollSet, logger: Logger) {
        self.index = index
        self.eventLoop = eventLoop
        self.epoll = epoll
        self.logger = logger
        guard let multi = curl_multi_init() else { fatalError("curl_multi_init failed") }
        self.multi = multi
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, UpstreamClient.connectionCacheSize)
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = ccurl_multi_setopt_socket_callback(multi, Self.socketCallback)
        _ = ccurl_multi_setopt_pointer(multi, CURLMOPT_SOCKETDATA, context)
        _ = ccurl_multi_setopt_timer_callback(multi, Self.timerCallback)
        _ = ccurl_multi_setopt_pointer(multi, CURLMOPT_TIMERDATA, context)
    }

    // MARK: curl's callbacks (called during the engine's own calls into curl, on the loop)

    static let writeCallback: ccurl_data_callback = { data, size, count, context in
        guard let context else { return 0 }
        return Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue().receiveBody(data, size * count)
    }

    static let headerCallback: ccurl_data_callback = { data, size, count, context in
        guard let context else { return 0 }
        return Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue().receiveHeaderLine(data, size * count)
    }

    /// curl asks to watch `socket` for `what` (CURL_POLL_IN/OUT/INOUT) or to stop (CURL_POLL_REMOVE).
    static let socketCallback: ccurl_socket_callback = { _, socket, what, context, _ in
        guard let context else { return 0 }
        Unmanaged<CurlEngine>.fromOpaque(context).takeUnretainedValue().watch(socket, what)
        return 0
    }

    /// curl asks to be called back after `timeoutMillis` (0: at once; -1: cancel the timer).
    static let timerCallback: ccurl_timer_callback = { _, timeoutMillis, context in
        guard let context else { return 0 }
        Unmanaged<CurlEngine>.fromOpaque(context).takeUnretainedValue().curlWantsTimer(millis: timeoutMillis)
        return 0
    }

    func watch(_ socket: Int32, _ what: Int32) {
        if what == CURL_POLL_REMOVE {
            if sockets.removeValue(forKey: socket) != nil { epoll.remove(socket) }
            return
        }
        let events = (what & CURL_POLL_IN != 0 ? EPOLLIN.rawValue : 0) | (what & CURL_POLL_OUT != 0 ? EPOLLOUT.rawValue : 0)
        if let current = sockets[socket], current.events == events, current.armed { return }
        epoll.arm(socket, events: events, engine: index, isNew: sockets[socket] == nil)
        sockets[socket] = (events, true)
    }

    func curlWantsTimer(millis: Int) {
        guard millis >= 0 else {
            curlTimerDeadline = nil
            return
        }
        if millis == 0 {
            timerDueNow = true
            return
        }
        let deadline = NIODeadline.now() + .milliseconds(Int64(millis))
        curlTimerDeadline = deadline
        if let scheduled = curlTimerTaskDeadline, scheduled <= deadline { return }
        scheduleTimerTask(at: deadline)
    }

    private func scheduleTimerTask(at deadline: NIODeadline) {
        curlTimerTask?.cancel()
        curlTimerTaskDeadline = deadline
        curlTimerTask = eventLoop.scheduleTask(deadline: deadline) { [self] in
            curlTimerTask = nil
            curlTimerTaskDeadline = nil
            guard !isShutDown, let wanted = curlTimerDeadline else { return }
            if wanted > .now() {
                scheduleTimerTask(at: wanted)
                return
            }
            curlTimerDeadline = nil
            timeoutAction()
            afterCurl()
        }
    }

    // MARK: work handed to the engine

    /// Readiness of the engine's sockets, from the watcher.
    func ready(_ events: [(socket: Int32, events: UInt32)]) {
        guard !isShutDown else { return }
        for (socket, raw) in events {
            guard var entry = sockets[socket] else { continue }  // removed since the event was taken
            entry.armed = false
            sockets[socket] = entry
            disarmed.append(socket)
            var mask: Int32 = 0
            if raw & EPOLLIN.rawValue != 0 { mask |= CURL_CSELECT_IN }
            if raw & EPOLLOUT.rawValue != 0 { mask |= CURL_CSELECT_OUT }
            if raw & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 { mask |= CURL_CSELECT_ERR }
            var running: Int32 = 0
            _ = curl_multi_socket_action(multi, socket, mask, &running)
        }
        afterCurl()
    }

    func start(_ transfer: Transfer) {
        guard !transfer.finished else { return }
        if isShutDown {
            transfer.complete(error: UpstreamError(.shutDown, "upstream client is shut down"))
            return
        }
        if let error = transfer.cancelledBeforeStart {
            transfer.complete(error: error)
            return
        }
        let reused = idleHandles.popLast()
        if let reused { curl_easy_reset(reused) }
        guard let easy = reused ?? curl_easy_init() else {
            transfer.complete(error: UpstreamError(.failed, "cannot create a curl handle"))
            return
        }
        transfer.easy = easy
        startedCount += 1
        configure(easy, for: transfer)
        transfer.firstByteDeadline = Self.now() + UInt64(transfer.request.firstByteTimeoutMillis) * 1_000_000
        active[ObjectIdentifier(transfer)] = transfer
        let added = curl_multi_add_handle(multi, easy)
        if added != CURLM_OK {
            finish(transfer, error: UpstreamError(.failed, "cannot start the request: " + String(cString: curl_multi_strerror(added))))
            return
        }
        ensureDeadlineScan()
        afterCurl()  // curl asked for a call at once: it sends the request now, in this turn
    }

    func resume(_ transfer: Transfer) {
        transfer.pauseRequested = false
        guard !isShutDown, transfer.isPaused, let easy = transfer.easy, active[ObjectIdentifier(transfer)] != nil else { return }
        transfer.isPaused = false
        _ = curl_easy_pause(easy, ccurl_pause_continue())
        afterCurl()
    }

    /// Cancels from any thread; always queued, never inline (the caller may be inside a call curl is making).
    func cancel(_ transfer: Transfer, _ error: UpstreamError) {
        eventLoop.execute { [self] in
            if active[ObjectIdentifier(transfer)] != nil {
                finish(transfer, error: error)
                afterCurl()
            } else if !transfer.finished {
                // Not started yet: `start` follows (queued after this, or the caller is still setting it up).
                transfer.cancelledBeforeStart = error
            }
        }
    }

    func shutDown() {
        guard !isShutDown else { return }
        for transfer in Array(active.values) { finish(transfer, error: UpstreamError(.shutDown, "upstream client is shut down")) }
        isShutDown = true
        curlTimerTask?.cancel()
        deadlineScan?.cancel()
        for socket in sockets.keys { epoll.remove(socket) }
        sockets.removeAll()
        for easy in idleHandles { curl_easy_cleanup(easy) }
        idleHandles.removeAll()
        _ = curl_multi_cleanup(multi)
    }

    // MARK: internals

    private func configure(_ easy: UnsafeMutableRawPointer, for transfer: Transfer) {
        let request = transfer.request
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        _ = ccurl_easy_setopt_string(easy, CURLOPT_URL, request.url)
        _ = ccurl_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = ccurl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        _ = ccurl_easy_setopt_long(easy, CURLOPT_TCP_NODELAY, 1)
        _ = ccurl_easy_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1)
        _ = ccurl_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0)
        // Removing a transfer that is still resolving must not wait for curl's resolver thread on the loop.
        _ = ccurl_easy_setopt_long(easy, CURLOPT_QUICK_EXIT, 1)
        _ = ccurl_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeoutMillis)
        _ = ccurl_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, request.totalTimeoutMillis)
        _ = ccurl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, transfer.errorBuffer)
        _ = ccurl_easy_setopt_pointer(easy, CURLOPT_PRIVATE, context)
        _ = ccurl_easy_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION, Self.writeCallback)
        _ = ccurl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        _ = ccurl_easy_setopt_data_callback(easy, CURLOPT_HEADERFUNCTION, Self.headerCallback)
        _ = ccurl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context)

        switch request.method {
        case "GET":
            _ = ccurl_easy_setopt_long(easy, CURLOPT_HTTPGET, 1)
        default:
            let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, request.body.count), alignment: 1)
            request.body.withUnsafeBytes { storage.copyMemory(from: $0) }
            transfer.bodyStorage = storage
            _ = ccurl_easy_setopt_long(easy, CURLOPT_POST, 1)
            _ = ccurl_easy_setopt_pointer(easy, CURLOPT_POSTFIELDS, storage.baseAddress)
            _ = ccurl_easy_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
            if request.method != "POST" { _ = ccurl_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method) }
        }
        var list: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, "Expect:")
        for header in request.headers { list = curl_slist_append(list, "\(header.name): \(header.value)") }
        transfer.headerList = list
        _ = ccurl_easy_setopt_pointer(easy, CURLOPT_HTTPHEADER, list)
    }

    private func timeoutAction() {
        var running: Int32 = 0
        _ = curl_multi_socket_action(multi, -1 /* CURL_SOCKET_TIMEOUT */, 0, &running)
    }

    /// After any call into curl: runs the timer curl wants at once, hands over finished transfers, re-arms the
    /// sockets whose events were consumed. Bounded: a curl that keeps asking for "now" is served next turn.
    private func afterCurl() {
        guard !isShutDown else { return }
        var rounds = 0
        repeat {
            while timerDueNow, rounds < 16 {
                timerDueNow = false
                rounds += 1
                timeoutAction()
            }
            drainCompletions()
        } while timerDueNow && rounds < 16
        if timerDueNow {
            timerDueNow = false
            eventLoop.execute { [self] in
                guard !isShutDown else { return }
                timeoutAction()
                afterCurl()
            }
        }
        for socket in disarmed {
            guard let entry = sockets[socket], !entry.armed else { continue }
            epoll.arm(socket, events: entry.events, engine: index, isNew: false)
            sockets[socket] = (entry.events, true)
        }
        disarmed.removeAll(keepingCapacity: true)
    }

    private func drainCompletions() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            let result = ccurl_message_result(message)
            var context: UnsafeMutableRawPointer?
            _ = ccurl_easy_getinfo_pointer(easy, CURLINFO_PRIVATE, &context)
            guard let context else { continue }
            let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
            if transfer.bodyTooLarge {
                finish(transfer, error: UpstreamError(.failed, "the provider's answer exceeds \(transfer.bufferLimit) bytes"))
            } else if result == CURLE_OK {
                if transfer.status == 0 {
                    var code = 0
                    _ = ccurl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &code)
                    transfer.status = code
                }
                finish(transfer, error: nil)
            } else {
                finish(transfer, error: error(for: result, transfer: transfer))
            }
        }
    }

    private func ensureDeadlineScan() {
        guard deadlineScan == nil else { return }
        deadlineScan = eventLoop.scheduleTask(in: Self.deadlineScanInterval) { [self] in
            deadlineScan = nil
            guard !isShutDown else { return }
            let now = Self.now()
            var waiting = false
            for transfer in Array(active.values) where !transfer.headDelivered {
                if transfer.firstByteDeadline < now {
                    finish(transfer, error: UpstreamError(.timedOut, "the provider sent no response within \(transfer.request.firstByteTimeoutMillis) ms"))
                } else {
                    waiting = true
                }
            }
            afterCurl()
            if waiting { ensureDeadlineScan() }
        }
    }

    private func error(for code: CURLcode, transfer: Transfer) -> UpstreamError {
        let detail = transfer.errorBuffer.pointee == 0 ? String(cString: curl_easy_strerror(code)) : String(cString: transfer.errorBuffer)
        switch code {
        case CURLE_OPERATION_TIMEDOUT: return UpstreamError(.timedOut, "provider timed out: \(detail)")
        default: return UpstreamError(.failed, "provider request failed: \(detail)")
        }
    }

    /// Removes the transfer from curl and tells its consumer how it ended.
    private func finish(_ transfer: Transfer, error: UpstreamError?) {
        if let easy = transfer.easy {
            _ = curl_multi_remove_handle(multi, easy)
            if idleHandles.count < Self.maxIdleHandles {
                idleHandles.append(easy)
            } else {
                curl_easy_cleanup(easy)
            }
            transfer.easy = nil
        }
        if let list = transfer.headerList {
            curl_slist_free_all(list)
            transfer.headerList = nil
        }
        active[ObjectIdentifier(transfer)] = nil
        transfer.complete(error: error)
    }

    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
