internal import CCurl
internal import CCurlShim
import Foundation
import Logging
public import NIOCore
public import NIOPosix
import Synchronization

/// HTTP client for provider calls: libcurl's multi interface driven on the SwiftNIO event loops themselves.
///
/// Each event loop has its own curl multi handle (a ``CurlEngine``), so a request handler running on a loop
/// starts its transfer right there — curl formats and sends the request during the handler's own turn, with
/// no hand-off to another thread — and the transfer's callbacks, completion and the handler's continuation all
/// run on that loop. SwiftNIO cannot watch descriptors it does not own, so one small thread (the
/// ``ReadinessWatcher``) waits in `epoll_wait` on the sockets curl asks to watch (one-shot registrations) and
/// hands each loop the events of its sockets; curl's timers are the loop's scheduled tasks. Every curl call is
/// non-blocking (sockets in non-blocking mode, DNS on curl's resolver thread, `CURLOPT_QUICK_EXIT` so that
/// abandoning a transfer mid-resolve never joins that thread), so no event loop ever waits on curl.
///
/// Body bytes flow from curl's write callback into an async sequence with backpressure (the transfer pauses with
/// `CURL_WRITEFUNC_PAUSE` while the consumer lags, so a slow client slows the provider's socket rather than
/// filling memory). Connections stay in each multi handle's cache and are reused; HTTP/2 is used where the
/// provider offers it over TLS. Calls from outside the loops (tests, tools) go to the loops in turn.
public final class UpstreamClient: Sendable {
    let engines: [CurlEngine]
    let watcher: ReadinessWatcher
    let isShutDown = Atomic<Bool>(false)
    let nextEngine = Atomic<Int>(0)
    let logger: Logger

    /// Connections kept open for reuse, per event loop, across all hosts.
    public static let connectionCacheSize = 512

    public init(group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, logger: Logger = Logger(label: "tokmodel.upstream")) {
        Self.initializeCurlOnce
        self.logger = logger
        let epoll = EpollSet()
        let engines = group.makeIterator().enumerated().map { index, loop in
            CurlEngine(index: index, eventLoop: loop, epoll: epoll, logger: logger)
        }
        self.engines = engines
        self.watcher = ReadinessWatcher(epoll: epoll, engines: engines, logger: logger)
        watcher.start()
    }

    /// `curl_global_init` must run once, before any other thread uses curl.
    static let initializeCurlOnce: Void = { _ = curl_global_init(Int(CURL_GLOBAL_ALL)) }()

    /// Sends `request` and returns once the response head has arrived; the body streams from the result.
    public func execute(_ request: UpstreamRequest) async throws -> UpstreamResponse {
        let transfer = Transfer(request: request)
        let engine = currentEngine()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.headContinuation = continuation
                let delegate = TransferDelegate(engine: engine, transfer: transfer)
                let made = UpstreamResponse.Body.makeSequence(
                    elementType: ByteBuffer.self, failureType: (any Error).self,
                    backPressureStrategy: .init(lowWatermark: 4, highWatermark: 16), finishOnDeinit: false, delegate: delegate)
                transfer.source = made.source
                transfer.pendingSequence = made.sequence
                transfer.delegate = delegate
                submit(transfer, to: engine)
            }
        } onCancel: {
            engine.cancel(transfer, UpstreamError(.cancelled, "request cancelled"))
        }
    }

    /// Sends `request` and returns the whole response once it is complete: the caller resumes once, at the end,
    /// instead of once per chunk. For answers that are not streamed. Bodies above `limit` bytes fail.
    public func fetch(_ request: UpstreamRequest, limit: Int) async throws -> (head: UpstreamResponseHead, body: [UInt8]) {
        let transfer = Transfer(request: request)
        transfer.bufferLimit = limit
        let engine = currentEngine()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.bufferedContinuation = continuation
                submit(transfer, to: engine)
            }
        } onCancel: {
            engine.cancel(transfer, UpstreamError(.cancelled, "request cancelled"))
        }
    }

    /// Cancels every transfer and stops the watcher thread; later requests fail with `.shutDown`.
    public func shutdown() {
        guard !isShutDown.exchange(true, ordering: .acquiringAndReleasing) else { return }
        for engine in engines { engine.eventLoop.execute { engine.shutDown() } }
        watcher.stop()
    }

    /// Starts the transfer on `engine`: inline when we are on its loop (the edge's handlers are), else queued.
    private func submit(_ transfer: Transfer, to engine: CurlEngine) {
        if isShutDown.load(ordering: .acquiring) {
            transfer.complete(error: UpstreamError(.shutDown, "upstream client is shut down"))
        } else if engine.eventLoop.inEventLoop {
            engine.start(transfer)
        } else {
            engine.eventLoop.execute { engine.start(transfer) }
        }
    }

    /// The engine of the event loop we are on, or the loops' engines in turn.
    private func currentEngine() -> CurlEngine {
        if let loop = MultiThreadedEventLoopGroup.currentEventLoop, let mine = engines.first(where: { $0.eventLoop === loop }) {
            return mine
        }
        return engines[nextEngine.wrappingAdd(1, ordering: .relaxed).oldValue % engines.count]
    }

    /// Receives the consumer's demand signals and forwards them to the transfer's loop (always queued: the
    /// consumer may signal from inside a call that curl is making).
    public final class TransferDelegate: NIOAsyncSequenceProducerDelegate, Sendable {
        let engine: CurlEngine
        let transfer: Transfer

        init(engine: CurlEngine, transfer: Transfer) {
            self.engine = engine
            self.transfer = transfer
        }

        public func produceMore() {
            let (engine, transfer) = (self.engine, self.transfer)
            engine.eventLoop.execute { engine.resume(transfer) }
        }

        public func didTerminate() { engine.cancel(transfer, UpstreamError(.cancelled, "response body abandoned")) }
    }
}

/// One request in flight. Every mutable member is touched only on its engine's event loop, except the fields
/// set in `execute` before the transfer is handed to the engine (inline on that loop, or through its queue,
/// which orders the accesses).
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
    /// A cancellation handled before `start` (the caller's task was already cancelled, so its cancellation
    /// handler ran before `execute` handed the transfer over); `start` ends the transfer with it.
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

