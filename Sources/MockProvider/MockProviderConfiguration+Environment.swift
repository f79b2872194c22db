extension MockProviderConfiguration {
    /// The environment variables read, in flag order. Containers and `make run` configure the mock this way;
    /// a command-line flag still wins over its variable.
    public static let environmentVariables = [
        "TOKMODEL_MOCK_HOST", "TOKMODEL_MOCK_PORT", "TOKMODEL_MOCK_LATENCY_MS", "TOKMODEL_MOCK_CHUNKS",
        "TOKMODEL_MOCK_CHUNK_DELAY_MS", "TOKMODEL_MOCK_REQUIRE_KEY",
    ]

    /// The defaults overridden by any `TOKMODEL_MOCK_*` variable present. Empty variables count as unset,
    /// so that `TOKMODEL_MOCK_REQUIRE_KEY=` in a compose file disables the key check.
    public init(environment: [String: String]) throws(Invalid) {
        self.init()
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            return text
        }
        func integer(_ name: String) throws(Invalid) -> Int? {
            guard let text = value(name) else { return nil }
            guard let number = Int(text) else { throw Invalid(message: "\(name) must be an integer, got \"\(text)\"") }
            return number
        }
        if let host = value("TOKMODEL_MOCK_HOST") { self.host = host }
        if let port = try integer("TOKMODEL_MOCK_PORT") { self.port = port }
        if let latency = try integer("TOKMODEL_MOCK_LATENCY_MS") { self.latencyMillis = latency }
        if let chunks = try integer("TOKMODEL_MOCK_CHUNKS") { self.chunkCount = chunks }
        if let delay = try integer("TOKMODEL_MOCK_CHUNK_DELAY_MS") { self.chunkDelayMillis = delay }
        if let key = value("TOKMODEL_MOCK_REQUIRE_KEY") { self.requiredAPIKey = key }
    }
}
