import Foundation
import Hummingbird
import NIOCore
import NIOPosix
import Testing

@testable import Edge

/// The edge pins each connection's task to its channel's event loop, so that a request is parsed, checked in
/// Redis (that loop's connection), answered and written without crossing threads, even when an await resumes
/// from another thread (the curl thread, the ledger client).
@Suite(.timeLimit(.minutes(1)))
struct EventLoopPinningTests {
    /// Resumes from a thread of its own, as the curl thread resumes a provider call.
    static func resumeFromForeignThread() async {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume() }.start()
        }
    }

    @Test func everyJobOfAPinnedTaskRunsOnItsLoop() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 3)
        for loop in [group.next(), group.next(), group.next()] {
            let seen = await withTaskExecutorPreference(EventLoopTaskExecutor(loop)) { () async -> [Bool] in
                var seen = [loop.inEventLoop]
                for _ in 0..<20 {
                    await Self.resumeFromForeignThread()
                    seen.append(loop.inEventLoop)
                    await Task.yield()
                    seen.append(loop.inEventLoop)
                    // Structured child tasks inherit the preference (unstructured `Task {}` would not, SE-0417).
                    async let child = loop.inEventLoop
                    seen.append(await child)
                }
                return seen
            }
            #expect(seen.count == 61)
            #expect(seen.allSatisfy { $0 }, "jobs ran off the loop: \(seen.enumerated().filter { !$0.element }.map { $0.offset })")
        }
        try await group.shutdownGracefully()
    }

    /// A real server built like the edge's: every request of one kept-alive connection is handled on the same
    /// event loop before and after an await that resumes from another thread.
    @Test func serverRequestsStayOnTheirConnectionsLoop() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 4)
        let router = Router()
        router.post("/probe") { _, _ -> String in
            let before = MultiThreadedEventLoopGroup.currentEventLoop.map { ObjectIdentifier($0) }
            await Self.resumeFromForeignThread()
            let after = MultiThreadedEventLoopGroup.currentEventLoop.map { ObjectIdentifier($0) }
            guard let before, before == after else { return "moved" }
            return "loop-\(before.hashValue)"
        }
        let port = PortBox()
        let app = Application(
            router: router, server: .http1PinnedToEventLoop, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { port.set($0.localAddress?.port) }, eventLoopGroupProvider: .shared(group))
        let server = Task { try await app.run() }
        let bound = try await port.wait()

        // Two connections, 10 requests each over keep-alive.
        var perConnection: [[String]] = []
        for _ in 0..<2 {
            perConnection.append(try await Self.requests(10, port: bound))
        }
        for answers in perConnection {
            #expect(answers.count == 10)
            #expect(!answers.contains("moved"))
            #expect(Set(answers).count == 1, "one connection's requests ran on loops \(Set(answers))")
        }
        server.cancel()
        _ = await server.result
        try await group.shutdownGracefully()
    }

    /// Sends `count` requests over one HTTP/1.1 connection and returns the bodies.
    static func requests(_ count: Int, port: Int) async throws -> [String] {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                do {
                    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                    defer { close(fd) }
                    var address = sockaddr_in()
                    address.sin_family = sa_family_t(AF_INET)
                    address.sin_port = in_port_t(UInt16(port).bigEndian)
                    address.sin_addr.s_addr = inet_addr("127.0.0.1")
                    let connected = withUnsafePointer(to: &address) {
                        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                    }
                    guard connected == 0 else { throw ProbeError("connect failed: errno \(errno)") }
                    var answers: [String] = []
                    var pending = [UInt8]()
                    for _ in 0..<count {
                        let request = "POST /probe HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
                        _ = request.withCString { send(fd, $0, strlen($0), 0) }
                        answers.append(try readResponse(fd, &pending))
                    }
                    continuation.resume(returning: answers)
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
    }

    static func readResponse(_ fd: Int32, _ pending: inout [UInt8]) throws -> String {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let headEnd = pending.firstRange(of: Array("\r\n\r\n".utf8)) {
                let head = String(decoding: pending[..<headEnd.lowerBound], as: UTF8.self).lowercased()
                guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                    let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
                else { throw ProbeError("no content-length in \(head)") }
                if pending.count >= headEnd.upperBound + length {
                    let body = String(decoding: pending[headEnd.upperBound..<(headEnd.upperBound + length)], as: UTF8.self)
                    pending.removeFirst(headEnd.upperBound + length)
                    return body
                }
            }
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else { throw ProbeError("connection closed") }
            pending.append(contentsOf: chunk[..<n])
        }
    }

    struct ProbeError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// The port the server bound, handed from its start callback to the test.
    final class PortBox: Sendable {
        let stream: AsyncStream<Int?>
        let continuation: AsyncStream<Int?>.Continuation
        init() { (stream, continuation) = AsyncStream.makeStream() }
        func set(_ port: Int?) { continuation.yield(port) }
        func wait() async throws -> Int {
            for await port in stream {
                if let port { return port }
                throw ProbeError("the server has no port")
            }
            throw ProbeError("the server never started")
        }
    }
}
