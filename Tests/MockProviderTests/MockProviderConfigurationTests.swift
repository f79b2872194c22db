import MockProvider
import Testing

@Suite struct MockProviderConfigurationTests {
    @Test func defaults() throws {
        let configuration = try MockProviderConfiguration(environment: [:]).validated()
        #expect(configuration == MockProviderConfiguration(host: "127.0.0.1", port: 9090, latencyMillis: 0, chunkCount: 8, chunkDelayMillis: 0))
        #expect(configuration.requiredAPIKey == nil)
    }

    @Test func environmentOverridesDefaults() throws {
        let configuration = try MockProviderConfiguration(environment: [
            "TOKMODEL_MOCK_HOST": "0.0.0.0", "TOKMODEL_MOCK_PORT": "8081", "TOKMODEL_MOCK_LATENCY_MS": "20",
            "TOKMODEL_MOCK_CHUNKS": "3", "TOKMODEL_MOCK_CHUNK_DELAY_MS": "5", "TOKMODEL_MOCK_REQUIRE_KEY": "sk-up",
        ])
        #expect(
            configuration
                == MockProviderConfiguration(
                    host: "0.0.0.0", port: 8081, latencyMillis: 20, chunkCount: 3, chunkDelayMillis: 5, requiredAPIKey: "sk-up"))
        #expect(try MockProviderConfiguration(environment: ["TOKMODEL_MOCK_REQUIRE_KEY": ""]).requiredAPIKey == nil)
    }

    @Test func badValuesAreRejected() {
        #expect(throws: MockProviderConfiguration.Invalid.self) { try MockProviderConfiguration(environment: ["TOKMODEL_MOCK_PORT": "http"]) }
        #expect(throws: MockProviderConfiguration.Invalid.self) { try MockProviderConfiguration(chunkCount: 0).validated() }
        #expect(throws: MockProviderConfiguration.Invalid.self) { try MockProviderConfiguration(port: 70_000).validated() }
        #expect(throws: MockProviderConfiguration.Invalid.self) { try MockProviderConfiguration(latencyMillis: -1).validated() }
    }
}
