import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bare HTTP/1.1 exchange over a blocking socket, for what a full client hides: when each byte arrived
/// and whether the server ended a chunked body properly or dropped the connection.
enum RawHTTP {
    struct Read: Sendable {
        var bytes: [UInt8]
        var at: ContinuousClock.Instant
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends `POST path` with `body` and `Connection: close`, then records every read until the server closes.
    /// Runs on its own thread so that blocking reads never occupy the cooperative pool the server also uses.
    static func post(port: Int, path: String, body: [UInt8], headers: [(String, String)] = []) async throws -> [Read] {
        var request = Array("POST \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n".utf8)
        for (name, value) in headers { request += Array("\(name): \(value)\r\n".utf8) }
        request += Array("Content-Length: \(body.count)\r\nConnection: close\r\n\r\n".utf8)
        request += body
        let message = request
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try exchange(port: port, request: message) })
            }
            thread.start()
        }
    }

    private static func exchange(port: Int, request: [UInt8]) throws -> [Read] {
        let socket = try connect(port: port)
        defer { close(socket) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw Failure(description: "send failed: errno \(errno)") }
            sent += count
        }
        var reads: [Read] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { return reads }
            if count < 0 {
                // A reset is how an abrupt close may arrive; anything else (a timeout) is a failure.
                if errno == ECONNRESET { return reads }
                throw Failure(description: "recv failed: errno \(errno)")
            }
            reads.append(Read(bytes: Array(buffer[0..<count]), at: .now))
        }
    }

    private static func connect(port: Int) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo("localhost", String(port), &hints, &list) == 0, let first = list else {
            throw Failure(description: "cannot resolve localhost")
        }
        defer { freeaddrinfo(list) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd >= 0 {
                #if canImport(Glibc)
                let status = Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen)
                #else
                let status = Darwin.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen)
                #endif
                if status == 0 { return fd }
                close(fd)
            }
            candidate = info.pointee.ai_next
        }
        throw Failure(description: "cannot connect to localhost:\(port)")
    }

    /// A response split into its head and its de-chunked body, and whether the chunked body was complete
    /// (ended with the zero-length chunk).
    struct Response {
        var head: String
        var body: [UInt8]
        var complete: Bool
    }

    static func parse(_ bytes: [UInt8]) throws -> Response {
        let separator = Array("\r\n\r\n".utf8)
        guard let headEnd = bytes.firstRange(of: separator) else { throw Failure(description: "no response head") }
        let head = String(decoding: bytes[..<headEnd.lowerBound], as: UTF8.self)
        var rest = bytes[headEnd.upperBound...]
        guard head.lowercased().contains("transfer-encoding: chunked") else {
            return Response(head: head, body: Array(rest), complete: true)
        }
        var body: [UInt8] = []
        while let lineEnd = rest.firstRange(of: Array("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText, radix: 16) else { throw Failure(description: "bad chunk size \(sizeText)") }
            if size == 0 { return Response(head: head, body: body, complete: true) }
            let dataStart = lineEnd.upperBound
            guard rest.distance(from: dataStart, to: rest.endIndex) >= size + 2 else { break }
            body += rest[dataStart..<dataStart + size]
            rest = rest[(dataStart + size + 2)...]
        }
        return Response(head: head, body: body, complete: false)
    }
}
