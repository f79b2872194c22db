internal import CCurl
internal import CCurlShim
import Foundation
import Logging
public import NIOCore
import Synchronization

/// HTTP client for provider calls, driving libcurl's multi interface on one dedicated thread.
///
/// The thread runs curl's event-driven API: curl tells it which sockets to watch (an epoll set) and when to
/// call back (a timer), and it calls `curl_multi_socket_action` for just the sockets that are ready, so the
/// work per wake-up does not grow with the number of transfers in flight. Requests enter through a queue and
/// an eventfd, written only when the thread is about to sleep or asleep (under load it finds new commands on
/// its own, without a system call per request). Body bytes flow back through curl's write callback
/// into an async sequence with backpressure (the transfer pauses with `CURL_WRITEFUNC_PAUSE` while the consumer
/// lags, so a slow client slows the provider's socket rather than filling memory). Connections stay in the
/// multi handle's cache and are reused; HTTP/2 is used where the provider offers it over TLS. No NIO event loop
/// and no cooperative-pool thread ever makes a blocking curl call.
public final class UpstreamClient: Sendable {
    enum Command {
        case start(Transfer)
        case resume(Transfer)
        case cancel(Transfer, UpstreamError)
    }

    struct Shared {
        var commands: [Command] = []
        var isShutDown = false
        /// The curl thread has found no commands and waits (or is about to wait) in `epoll_wait`.
        var isSleeping = false
    }

    let shared = Mutex(Shared())
    /// The multi handle; only the curl thread uses it.
    nonisolated(unsafe) let multi: UnsafeMutableRawPointer
    /// An eventfd in the curl thread's epoll set: written to wake the thread for new commands.
    let wakeFD: Int32
    let logger: Logger

    /// Connections kept open for reuse, across all hosts.
    public static let connectionCacheSize = 512

    public init(logger: Logger = Logger(label: "tokmodel.upstream")) {
        Self.initializeCurlOnce
        self.logger = logger
        guard let multi = curl_multi_init() else { fatalError("curl_multi_init failed") }
        self.multi = multi
        self.wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        guard wakeFD >= 0 else { fatalError("eventfd failed: errno \(errno)") }
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, Self.connectionCacheSize)
        let loop = Loop(multi: multi, wakeFD: wakeFD, logger: logger)
        let thread = Thread { [self] in
            // Foundation names a thread only for itself; set the kernel's name so profilers show it.
            _ = ccurl_name_current_thread("tokmodel-curl")
            loop.run(owner: self)
        }
        thread.start()
    }

    /// The curl thread holds the client until its loop has ended, so no one can write the eventfd any more.
    deinit { close(wakeFD) }

    /// `curl_global_init` must run once, before any other thread uses curl.
    static let initializeCurlOnce: Void = { _ = curl_global_init(Int(CURL_GLOBAL_ALL)) }()

    /// Sends `request` and returns once the response head has arrived; the body streams from the result.
    public func execute(_ request: UpstreamRequest) async throws -> UpstreamResponse {
        let transfer = Transfer(request: request)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.headContinuation = continuation
                let delegate = TransferDelegate(client: self, transfer: transfer)
                let made = UpstreamResponse.Body.makeSequence(
                    elementType: ByteBuffer.self, failureType: (any Error).self,
                    backPressureStrategy: .init(lowWatermark: 4, highWatermark: 16), finishOnDeinit: false, delegate: delegate)
                transfer.source = made.source
                transfer.pendingSequence = made.sequence
                transfer.delegate = delegate
                if !enqueue(.start(transfer)) {
                    transfer.headContinuation = nil
                    continuation.resume(throwing: UpstreamError(.shutDown, "upstream client is shut down"))
                }
            }
        } onCancel: {
            _ = enqueue(.cancel(transfer, UpstreamError(.cancelled, "request cancelled")))
        }
    }

    /// Sends `request` and returns the whole response once it is complete: one hand-off back from the curl
    /// thread instead of one per chunk. For answers that are not streamed. Bodies above `limit` bytes fail.
    public func fetch(_ request: UpstreamRequest, limit: Int) async throws -> (head: UpstreamResponseHead, body: [UInt8]) {
        let transfer = Transfer(request: request)
        transfer.bufferLimit = limit
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.bufferedContinuation = continuation
                if !enqueue(.start(transfer)) {
                    transfer.bufferedContinuation = nil
                    continuation.resume(throwing: UpstreamError(.shutDown, "upstream client is shut down"))
                }
            }
        } onCancel: {
            _ = enqueue(.cancel(transfer, UpstreamError(.cancelled, "request cancelled")))
        }
    }

    /// Cancels every transfer and stops the curl thread.
    public func shutdown() {
        shared.withLock { $0.isShutDown = true }
        wake()
    }

    @discardableResult
    func enqueue(_ command: Command) -> Bool {
        let (accepted, mustWake) = shared.withLock { state -> (Bool, Bool) in
            guard !state.isShutDown else { return (false, false) }
            state.commands.append(command)
            let sleeping = state.isSleeping
            state.isSleeping = false
            return (true, sleeping)
        }
        if mustWake { wake() }
        return accepted
    }

    func wake() {
        var one: UInt64 = 1
        _ = withUnsafeBytes(of: &one) { write(wakeFD, $0.baseAddress, 8) }
    }

    /// Called by the curl thread before it waits: true (and marked asleep) when there is nothing to do.
    func prepareToSleep() -> Bool {
        shared.withLock { state in
            guard state.commands.isEmpty, !state.isShutDown else { return false }
            state.isSleeping = true
            return true
        }
    }

    /// Called by the curl thread after its wait: commands enqueued from now on need no wake-up.
    func didWake() {
        shared.withLock { $0.isSleeping = false }
    }

    func takeCommands() -> ([Command], Bool) {
        shared.withLock { state in
            let commands = state.commands
            state.commands.removeAll(keepingCapacity: true)
            return (commands, state.isShutDown)
        }
    }

    /// Receives the consumer's demand signals and forwards them to the curl thread.
    public final class TransferDelegate: NIOAsyncSequenceProducerDelegate, Sendable {
        let client: UpstreamClient
        let transfer: Transfer

        init(client: UpstreamClient, transfer: Transfer) {
            self.client = client
            self.transfer = transfer
        }

        public func produceMore() { client.enqueue(.resume(transfer)) }
        public func didTerminate() { client.enqueue(.cancel(transfer, UpstreamError(.cancelled, "response body abandoned"))) }
    }
}

/// One request in flight. Every mutable member is touched only by the curl thread, except the fields set in
/// `execute` before the transfer is handed over through the command queue (which orders the accesses).
final class Transfer: @unchecked Sendable {
    let request: UpstreamRequest
    var easy: UnsafeMutableRawPointer?
    var headerList: UnsafeMutablePointer<curl_slist>?
    var bodyStorage: UnsafeMutableRawBufferPointer?
    var errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    var headContinuation: CheckedContinuation<UpstreamResponse, any Error>?
    /// Set for `fetch`: the body is gathered here and the continuation resumed once, at the end.
    var bufferedContinuation: CheckedContinuation<(head: UpstreamResponseHead, body: [UInt8]), any Error>?
    var bufferLimit = 0
    var buffer: [UInt8] = []
    var source: UpstreamResponse.Body.Source?
    var pendingSequence: UpstreamResponse.Body?
    var delegate: UpstreamClient.TransferDelegate?
    var status = 0
    var rawHeaders: [UInt8] = []
    var headDelivered = false
    var pauseRequested = false
    var isPaused = false
    var finished = false
    /// A cancellation handled before the `start` command (the caller's task was already cancelled, so its
    /// cancellation handler ran before `execute` handed the transfer over); `start` ends the transfer with it.
    var cancelledBeforeStart: UpstreamError?
    var firstByteDeadline: UInt64 = 0
    var bodyTooLarge = false

    init(request: UpstreamRequest) {
        self.request = request
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        errorBuffer.deallocate()
        bodyStorage?.deallocate()
    }

    /// Hands the head and the body sequence to the waiting caller (once).
    func deliverHead() {
        if bufferedContinuation != nil {
            headDelivered = true
            return
        }
        guard !headDelivered, let continuation = headContinuation, let sequence = pendingSequence, let delegate else { return }
        headDelivered = true
        headContinuation = nil
        pendingSequence = nil
        continuation.resume(returning: UpstreamResponse(head: UpstreamResponseHead(status: status, rawHeaders: rawHeaders), body: sequence, delegate: delegate))
    }

    /// Ends the transfer for its consumer: the head waiter gets the error, or the body ends (with it).
    func complete(error: UpstreamError?) {
        guard !finished else { return }
        finished = true
        if let continuation = bufferedContinuation {
            bufferedContinuation = nil
            if let error {
                continuation.resume(throwing: error)
            } else {
                continuation.resume(returning: (UpstreamResponseHead(status: status, rawHeaders: rawHeaders), buffer))
            }
            buffer = []
            return
        }
        if let error {
            if let continuation = headContinuation {
                headContinuation = nil
                pendingSequence = nil
                continuation.resume(throwing: error)
            }
            source?.finish(error)
        } else {
            deliverHead()
            source?.finish()
        }
        source = nil
        delegate = nil
    }

    func receiveBody(_ data: UnsafeMutablePointer<CChar>, _ count: Int) -> Int {
        if pauseRequested {
            isPaused = true
            return ccurl_writefunc_pause()
        }
        if !headDelivered { deliverHead() }
        if bufferedContinuation != nil {
            guard buffer.count + count <= bufferLimit else {
                bodyTooLarge = true
                return 0  // makes curl abort the transfer with CURLE_WRITE_ERROR
            }
            buffer.append(contentsOf: UnsafeRawBufferPointer(start: data, count: count))
            return count
        }
        guard let source else { return count }
        let buffer = ByteBuffer(bytes: UnsafeRawBufferPointer(start: data, count: count))
        switch source.yield(buffer) {
        case .produceMore: break
        case .stopProducing: pauseRequested = true
        case .dropped: break
        }
        return count
    }

    func receiveHeaderLine(_ data: UnsafeMutablePointer<CChar>, _ count: Int) -> Int {
        let line = UnsafeRawBufferPointer(start: data, count: count)
        var end = count
        while end > 0, line[end - 1] == 0x0A || line[end - 1] == 0x0D { end -= 1 }
        if end == 0 {
            // Blank line: the end of a header block. 1xx blocks are followed by the real one.
            if status >= 200 { deliverHead() }
            return count
        }
        if count > 5, line[0] == UInt8(ascii: "H"), line[1] == UInt8(ascii: "T"), line[2] == UInt8(ascii: "T"), line[3] == UInt8(ascii: "P"),
            line[4] == UInt8(ascii: "/")
        {
            // Status line (`HTTP/1.1 200 OK`, `HTTP/2 200`): a new block starts.
            rawHeaders.removeAll(keepingCapacity: true)
            status = Self.statusCode(line, end: end)
        } else {
            rawHeaders.append(contentsOf: line)
        }
        return count
    }

    static func statusCode(_ line: UnsafeRawBufferPointer, end: Int) -> Int {
        guard var index = line[0..<end].firstIndex(of: UInt8(ascii: " ")) else { return 0 }
        index += 1
        var code = 0
        while index < end, line[index] >= 0x30, line[index] <= 0x39 {
            code = code * 10 + Int(line[index] - 0x30)
            index += 1
        }
        return code
    }
}

/// State owned by the curl thread.
private final class Loop: @unchecked Sendable {
    // @unchecked: used only by the single thread running `run`.
    let multi: UnsafeMutableRawPointer
    let logger: Logger
    let epollFD: Int32
    let wakeFD: Int32
    var active: [ObjectIdentifier: Transfer] = [:]
    /// Easy handles of finished transfers, reset and reused: creating and destroying one per request costs
    /// more than resetting it.
    var idleHandles: [UnsafeMutableRawPointer] = []
    static let maxIdleHandles = 128
    /// When curl wants `curl_multi_socket_action(CURL_SOCKET_TIMEOUT)` (monotonic ns); nil: no timer set.
    var curlTimerDeadline: UInt64?
    /// Next scan for transfers past their first-byte deadline (monotonic ns).
    var nextDeadlineScan: UInt64 = 0
    static let maxEvents: Int32 = 64
    let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: Int(maxEvents))

    init(multi: UnsafeMutableRawPointer, wakeFD: Int32, logger: Logger) {
        self.multi = multi
        self.wakeFD = wakeFD
        self.logger = logger
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epollFD >= 0 else { fatalError("epoll_create1 failed: errno \(errno)") }
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.fd = wakeFD
        _ = epoll_ctl(epollFD, EPOLL_CTL_ADD, wakeFD, &event)
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = ccurl_multi_setopt_socket_callback(multi, Self.socketCallback)
        _ = ccurl_multi_setopt_pointer(multi, CURLMOPT_SOCKETDATA, context)
        _ = ccurl_multi_setopt_timer_callback(multi, Self.timerCallback)
        _ = ccurl_multi_setopt_pointer(multi, CURLMOPT_TIMERDATA, context)
    }

    deinit { events.deallocate() }

    static let writeCallback: ccurl_data_callback = { data, size, count, context in
        guard let context else { return 0 }
        return Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue().receiveBody(data, size * count)
    }

    static let headerCallback: ccurl_data_callback = { data, size, count, context in
        guard let context else { return 0 }
        return Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue().receiveHeaderLine(data, size * count)
    }

    /// curl asks to watch `socket` for `what` (CURL_POLL_IN/OUT/INOUT) or to stop (CURL_POLL_REMOVE).
    static let socketCallback: ccurl_socket_callback = { _, socket, what, context, socketContext in
        guard let context else { return 0 }
        Unmanaged<Loop>.fromOpaque(context).takeUnretainedValue().watch(socket, what, isWatched: socketContext != nil)
        return 0
    }

    /// curl asks to be called back after `timeoutMillis` (0: at once; -1: cancel the timer).
    static let timerCallback: ccurl_timer_callback = { _, timeoutMillis, context in
        guard let context else { return 0 }
        let loop = Unmanaged<Loop>.fromOpaque(context).takeUnretainedValue()
        loop.curlTimerDeadline = timeoutMillis < 0 ? nil : Loop.now() + UInt64(timeoutMillis) * 1_000_000
        return 0
    }

    /// Marks a socket as in the epoll set (curl hands it back to the socket callback; it forgets it on REMOVE).
    nonisolated(unsafe) static let watchedMarker = UnsafeMutableRawPointer(bitPattern: 1)

    func watch(_ socket: Int32, _ what: Int32, isWatched: Bool) {
        if what == CURL_POLL_REMOVE {
            if isWatched { _ = epoll_ctl(epollFD, EPOLL_CTL_DEL, socket, nil) }
            return
        }
        var event = epoll_event()
        event.events = (what & CURL_POLL_IN != 0 ? EPOLLIN.rawValue : 0) | (what & CURL_POLL_OUT != 0 ? EPOLLOUT.rawValue : 0)
        event.data.fd = socket
        if isWatched {
            _ = epoll_ctl(epollFD, EPOLL_CTL_MOD, socket, &event)
        } else {
            // A descriptor closed behind curl's back leaves no entry; a reused number would then fail with EEXIST.
            if epoll_ctl(epollFD, EPOLL_CTL_ADD, socket, &event) != 0, errno == EEXIST {
                _ = epoll_ctl(epollFD, EPOLL_CTL_MOD, socket, &event)
            }
            _ = curl_multi_assign(multi, socket, Self.watchedMarker)
        }
    }

    func run(owner: UpstreamClient) {
        while true {
            let (commands, shutDown) = owner.takeCommands()
            for command in commands { handle(command) }
            if shutDown {
                for transfer in Array(active.values) { finish(transfer, error: UpstreamError(.shutDown, "upstream client is shut down")) }
                break
            }
            fireCurlTimerIfDue()
            drainCompletions()
            let now = Self.now()
            if now >= nextDeadlineScan {
                expireFirstByteDeadlines(now: now)
                nextDeadlineScan = now + 50_000_000
            }
            let ready: Int32
            if owner.prepareToSleep() {
                ready = epoll_wait(epollFD, events, Self.maxEvents, waitMillis())
                owner.didWake()
            } else {
                ready = epoll_wait(epollFD, events, Self.maxEvents, 0)
            }
            for index in 0..<Int(max(ready, 0)) {
                let event = events[index]
                let fd = event.data.fd
                if fd == wakeFD {
                    var count: UInt64 = 0
                    _ = withUnsafeMutableBytes(of: &count) { read(wakeFD, $0.baseAddress, 8) }
                    continue
                }
                var mask: Int32 = 0
                if event.events & EPOLLIN.rawValue != 0 { mask |= CURL_CSELECT_IN }
                if event.events & EPOLLOUT.rawValue != 0 { mask |= CURL_CSELECT_OUT }
                if event.events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 { mask |= CURL_CSELECT_ERR }
                var running: Int32 = 0
                _ = curl_multi_socket_action(multi, fd, mask, &running)
            }
            drainCompletions()
        }
        for easy in idleHandles { curl_easy_cleanup(easy) }
        idleHandles.removeAll()
        _ = curl_multi_cleanup(multi)
        close(epollFD)
    }

    func fireCurlTimerIfDue() {
        guard let deadline = curlTimerDeadline, Self.now() >= deadline else { return }
        curlTimerDeadline = nil
        var running: Int32 = 0
        _ = curl_multi_socket_action(multi, -1 /* CURL_SOCKET_TIMEOUT */, 0, &running)
    }

    /// How long `epoll_wait` may sleep: until curl's timer, or the next first-byte deadline scan when a
    /// transfer still waits for its head (at most a second either way).
    func waitMillis() -> Int32 {
        let now = Self.now()
        var until = now + 1_000_000_000
        if let deadline = curlTimerDeadline { until = min(until, deadline) }
        if active.values.contains(where: { !$0.headDelivered }) { until = min(until, max(nextDeadlineScan, now + 1_000_000)) }
        guard until > now else { return 0 }
        return Int32((until - now + 999_999) / 1_000_000)
    }

    func handle(_ command: UpstreamClient.Command) {
        switch command {
        case .start(let transfer):
            start(transfer)
        case .resume(let transfer):
            transfer.pauseRequested = false
            if transfer.isPaused, let easy = transfer.easy, active[ObjectIdentifier(transfer)] != nil {
                transfer.isPaused = false
                _ = curl_easy_pause(easy, ccurl_pause_continue())
            }
        case .cancel(let transfer, let error):
            if active[ObjectIdentifier(transfer)] != nil {
                finish(transfer, error: error)
            } else if !transfer.finished {
                // Not started yet: its `start` command follows (commands keep their order). The caller may still
                // be filling in the head continuation, so leave the transfer alone until then.
                transfer.cancelledBeforeStart = error
            }
        }
    }

    func start(_ transfer: Transfer) {
        guard !transfer.finished else { return }
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
        let request = transfer.request
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        _ = ccurl_easy_setopt_string(easy, CURLOPT_URL, request.url)
        _ = ccurl_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = ccurl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        _ = ccurl_easy_setopt_long(easy, CURLOPT_TCP_NODELAY, 1)
        _ = ccurl_easy_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1)
        _ = ccurl_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0)
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

        transfer.firstByteDeadline = Self.now() + UInt64(request.firstByteTimeoutMillis) * 1_000_000
        active[ObjectIdentifier(transfer)] = transfer
        let added = curl_multi_add_handle(multi, easy)
        if added != CURLM_OK {
            finish(transfer, error: UpstreamError(.failed, "cannot start the request: " + String(cString: curl_multi_strerror(added))))
        }
    }

    func drainCompletions() {
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

    func expireFirstByteDeadlines(now: UInt64) {
        for transfer in active.values where !transfer.headDelivered && transfer.firstByteDeadline < now {
            finish(transfer, error: UpstreamError(.timedOut, "the provider sent no response within \(transfer.request.firstByteTimeoutMillis) ms"))
        }
    }

    func error(for code: CURLcode, transfer: Transfer) -> UpstreamError {
        let detail = transfer.errorBuffer.pointee == 0 ? String(cString: curl_easy_strerror(code)) : String(cString: transfer.errorBuffer)
        switch code {
        case CURLE_OPERATION_TIMEDOUT: return UpstreamError(.timedOut, "provider timed out: \(detail)")
        default: return UpstreamError(.failed, "provider request failed: \(detail)")
        }
    }

    /// Removes the transfer from curl and tells its consumer how it ended.
    func finish(_ transfer: Transfer, error: UpstreamError?) {
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
