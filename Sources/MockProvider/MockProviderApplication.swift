public import Hummingbird
import Logging
import NIOCore

/// Builds the mock provider as a Hummingbird application, not yet running: the executable calls
/// `runService()`, tests run it on port 0 through HummingbirdTesting.
///
/// - Parameters:
///   - configuration: address, pacing and key check; call ``MockProviderConfiguration/validated()`` first.
///   - onListening: called once the socket is bound, with the host and the actual port (useful with port 0).
public func buildMockProviderApplication(
    configuration: MockProviderConfiguration,
    onListening: (@Sendable (_ host: String, _ port: Int) async -> Void)? = nil
) -> some ApplicationProtocol {
    // Warning and above only: a benchmark target must not spend its time logging requests.
    var logger = Logger(label: "tokmodel-mock-provider")
    logger.logLevel = .warning
    let router = MockRoutes.router(configuration: configuration, state: MockProviderState())
    return Application(
        router: router,
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        onServerRunning: { channel in
            await onListening?(configuration.host, channel.localAddress?.port ?? configuration.port)
        },
        logger: logger
    )
}
