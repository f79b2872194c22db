import ArgumentParser
import Foundation
import Hummingbird
import MockProvider

/// `tokmodel-mock-provider`: flags (or `TOKMODEL_MOCK_*` variables) in, a running mock provider out.
/// All behaviour lives in the `MockProvider` library.
@main
struct MockProviderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokmodel-mock-provider",
        abstract: "A deterministic OpenAI-compatible provider for tests, the demo and benchmarks.",
        discussion: "Each flag may also be set with its environment variable (TOKMODEL_MOCK_HOST, TOKMODEL_MOCK_PORT, "
            + "TOKMODEL_MOCK_LATENCY_MS, TOKMODEL_MOCK_CHUNKS, TOKMODEL_MOCK_CHUNK_DELAY_MS, TOKMODEL_MOCK_REQUIRE_KEY); "
            + "the flag wins."
    )

    @Option(help: "Address to bind (default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to bind, 0 for any (default 9090).")
    var port: Int?

    @Option(name: .customLong("latency-ms"), help: "Delay before the first byte of every answer (default 0).")
    var latencyMillis: Int?

    @Option(name: .customLong("chunks"), help: "Content chunks per streamed answer (default 8).")
    var chunkCount: Int?

    @Option(name: .customLong("chunk-delay-ms"), help: "Pause between stream chunks (default 0).")
    var chunkDelayMillis: Int?

    @Option(name: .customLong("require-key"), help: "Require 'Authorization: Bearer KEY' on OpenAI routes.")
    var requiredAPIKey: String?

    func run() async throws {
        var configuration = try MockProviderConfiguration(environment: ProcessInfo.processInfo.environment)
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        if let latencyMillis { configuration.latencyMillis = latencyMillis }
        if let chunkCount { configuration.chunkCount = chunkCount }
        if let chunkDelayMillis { configuration.chunkDelayMillis = chunkDelayMillis }
        if let requiredAPIKey { configuration.requiredAPIKey = requiredAPIKey }
        do {
            configuration = try configuration.validated()
        } catch {
            throw ValidationError(error.description)
        }
        let app = buildMockProviderApplication(configuration: configuration) { host, port in
            // Scripts wait for this line, so it is written unbuffered rather than left in a pipe's buffer.
            FileHandle.standardOutput.write(Data("tokmodel-mock-provider listening on \(host):\(port)\n".utf8))
        }
        try await app.runService()
    }
}
