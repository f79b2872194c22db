import Foundation
import Governance
import Hummingbird
import LedgerProtocol
import Logging
import NIOCore
import TokModelCore
import UpstreamClient

/// The edge's shared dependencies, handed to every endpoint.
struct Gateway: Sendable {
    let configuration: EdgeConfiguration
    let catalog: Catalog
    let gatekeeper: Gatekeeper
    let upstream: UpstreamClient
    let ledger: LedgerClient
    let logger: Logger

    /// The request body, refused with 413 above the configured size.
    func readBody(_ request: Request) async throws -> [UInt8] {
        do {
            var buffer = try await request.body.collect(upTo: configuration.maxRequestBytes)
            return buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch is NIOTooManyBytesError {
            throw GatewayError(
                .payloadTooLarge, "The request body is larger than \(configuration.maxRequestBytes) bytes.", code: "request_too_large")
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw GatewayError(
                .payloadTooLarge, "The request body is larger than \(configuration.maxRequestBytes) bytes.", code: "request_too_large")
        }
    }

    static func unixMillis() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}
