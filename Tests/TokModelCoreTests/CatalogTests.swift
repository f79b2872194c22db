import Testing
import TokModelCore

/// The example in `Catalog`'s doc comment, verbatim.
private let docExample = """
    providers:
      - name: openai
        kind: openai              # openai (any OpenAI-compatible API), anthropic, gemini
        base_url: https://api.openai.com/v1
        api_key_env: OPENAI_API_KEY
    models:
      - id: openai/gpt-4o         # what clients send as "model"
        provider: openai
        upstream_model: gpt-4o
        input_per_mtok: 2.50      # USD per million input tokens, parsed exactly
        output_per_mtok: 10.00
    """

/// Two providers, one keyed and one local, and a model routed to both.
private let twoRoutes = """
    providers:
      - name: primary
        kind: anthropic
        base_url: https://primary.example/v1
        api_key_env: PRIMARY_KEY
      - name: fallback
        kind: openai
        base_url: http://localhost:8080/v1
    models:
      - id: acme/model-a
        routes:
          - provider: primary
            upstream_model: a-primary
          - provider: fallback
            upstream_model: a-fallback
        input_per_mtok: 1
        output_per_mtok: 2
    """

/// A catalog with one keyless provider and the given model entries (each a YAML list item at 2 spaces).
private func catalog(models: String, defaults: String = "") -> String {
    """
    providers:
      - name: local
        kind: openai
        base_url: http://localhost:9000/v1
    \(defaults)
    models:
    \(models)
    """
}

/// The error text of parsing `yaml`, or nil when it parses.
private func parseError(_ yaml: String, environment: [String: String] = [:]) -> String? {
    do {
        _ = try Catalog.parse(yaml: yaml, environment: environment)
        return nil
    } catch let error as CatalogError {
        return error.description
    } catch {
        return "unexpected error type: \(error)"
    }
}

@Suite("Catalog")
struct CatalogTests {
    @Test("the documented example parses with exact prices")
    func docExampleParses() throws {
        let catalog = try Catalog.parse(yaml: docExample, environment: ["OPENAI_API_KEY": "sk-test"])
        let provider = try #require(catalog.providers["openai"])
        #expect(provider.kind == .openai)
        #expect(provider.baseURL == "https://api.openai.com/v1")
        #expect(provider.apiKeyEnv == "OPENAI_API_KEY")
        #expect(provider.apiKey == "sk-test")
        #expect(provider.isAvailable)
        #expect(provider.connectTimeoutMillis == 5_000)
        #expect(provider.requestTimeoutMillis == 600_000)

        let model = try #require(catalog.models["openai/gpt-4o"])
        #expect(model.routes.map(\.provider) == ["openai"])
        #expect(model.routes.map(\.upstreamModel) == ["gpt-4o"])
        #expect(model.prices == PriceSheet(inputPerMTok: 2_500_000_000, outputPerMTok: 10_000_000_000))
        #expect(model.prices.cachedInputPerMTok == 2_500_000_000)
        #expect(model.prices.cacheWriteInputPerMTok == 2_500_000_000)
        #expect(model.defaultMaxTokens == 4096)
        #expect(model.maxOutputTokens == nil)
        #expect(model.contextLength == nil)
        #expect(model.ownedBy == "openai")
        #expect(catalog.modelIDs == ["openai/gpt-4o"])
        #expect(catalog.servableModels.map(\.id) == ["openai/gpt-4o"])
        let (route, active) = try #require(catalog.activeRoute(for: model))
        #expect(route.upstreamModel == "gpt-4o")
        #expect(active.name == "openai")
    }

    @Test("a provider whose key variable is unset or empty is unavailable", arguments: [[:], ["OPENAI_API_KEY": ""], ["OTHER": "x"]])
    func missingKey(environment: [String: String]) throws {
        let catalog = try Catalog.parse(yaml: docExample, environment: environment)
        let provider = try #require(catalog.providers["openai"])
        #expect(provider.apiKey == nil)
        #expect(!provider.isAvailable)
        let model = try #require(catalog.models["openai/gpt-4o"])
        #expect(catalog.activeRoute(for: model) == nil)
        #expect(catalog.servableModels.isEmpty)
        // Still listed in the catalog itself.
        #expect(catalog.modelIDs == ["openai/gpt-4o"])
    }

    @Test("the first available route wins")
    func firstAvailableRoute() throws {
        let withoutKey = try Catalog.parse(yaml: twoRoutes, environment: [:])
        let model = try #require(withoutKey.models["acme/model-a"])
        #expect(model.routes.map(\.provider) == ["primary", "fallback"])
        let (fallbackRoute, fallback) = try #require(withoutKey.activeRoute(for: model))
        #expect(fallback.name == "fallback")
        #expect(fallbackRoute.upstreamModel == "a-fallback")
        #expect(withoutKey.servableModels.map(\.id) == ["acme/model-a"])

        let emptyKey = try Catalog.parse(yaml: twoRoutes, environment: ["PRIMARY_KEY": ""])
        #expect(emptyKey.activeRoute(for: model)?.1.name == "fallback")

        let withKey = try Catalog.parse(yaml: twoRoutes, environment: ["PRIMARY_KEY": "k"])
        let (primaryRoute, primary) = try #require(withKey.activeRoute(for: model))
        #expect(primary.name == "primary")
        #expect(primary.kind == .anthropic)
        #expect(primary.apiKey == "k")
        #expect(primaryRoute.upstreamModel == "a-primary")
    }

    @Test("provider and upstream_model come before any routes; upstream_model defaults to the id after the first slash")
    func providerBeforeRoutes() throws {
        let yaml = """
            providers:
              - name: a
                kind: openai
                base_url: http://a.example
              - name: b
                kind: gemini
                base_url: http://b.example
            models:
              - id: vendor/family/model-1
                provider: b
                routes:
                  - provider: a
                    upstream_model: other
                input_per_mtok: 1
                output_per_mtok: 1
            """
        let catalog = try Catalog.parse(yaml: yaml, environment: [:])
        let model = try #require(catalog.models["vendor/family/model-1"])
        #expect(model.routes.map(\.provider) == ["b", "a"])
        #expect(model.routes.map(\.upstreamModel) == ["family/model-1", "other"])
        #expect(catalog.activeRoute(for: model)?.1.name == "b")
        #expect(catalog.providers["b"]?.kind == .gemini)
        #expect(model.ownedBy == "vendor")
    }

    @Test("servableModels keeps file order and leaves out models without an available provider")
    func servableModels() throws {
        let yaml = """
            providers:
              - name: keyed
                kind: openai
                base_url: https://keyed.example
                api_key_env: KEYED_KEY
              - name: open
                kind: openai
                base_url: https://open.example
            models:
              - id: z/last-alphabetically
                provider: open
                input_per_mtok: 1
                output_per_mtok: 1
              - id: k/needs-key
                provider: keyed
                input_per_mtok: 1
                output_per_mtok: 1
              - id: a/first-alphabetically
                provider: open
                input_per_mtok: 1
                output_per_mtok: 1
            """
        let catalog = try Catalog.parse(yaml: yaml, environment: [:])
        #expect(catalog.modelIDs == ["z/last-alphabetically", "k/needs-key", "a/first-alphabetically"])
        #expect(catalog.servableModels.map(\.id) == ["z/last-alphabetically", "a/first-alphabetically"])
        let keyed = try Catalog.parse(yaml: yaml, environment: ["KEYED_KEY": "secret"])
        #expect(keyed.servableModels.map(\.id) == ["z/last-alphabetically", "k/needs-key", "a/first-alphabetically"])
    }

    @Test(
        "prices are parsed exactly into nano-dollars per million tokens",
        arguments: [
            ("2.50", Int64(2_500_000_000)),
            ("\"2.50\"", 2_500_000_000),
            ("10.00", 10_000_000_000),
            ("0.15", 150_000_000),
            ("0.123456789", 123_456_789),
            ("0.000000001", 1),
            ("3", 3_000_000_000),
            ("0", 0),
            ("1_000", 1_000_000_000_000),
            ("0.1", 100_000_000),  // a binary double would be 0.1000000000000000055…
        ])
    func exactPrices(text: String, nanos: Int64) throws {
        let yaml = catalog(
            models: """
                  - id: x/y
                    provider: local
                    input_per_mtok: \(text)
                    output_per_mtok: \(text)
                    cached_input_per_mtok: \(text)
                    cache_write_per_mtok: \(text)
                """)
        let model = try #require(try Catalog.parse(yaml: yaml, environment: [:]).models["x/y"])
        #expect(model.prices == PriceSheet(inputPerMTok: nanos, outputPerMTok: nanos, cachedInputPerMTok: nanos, cacheWriteInputPerMTok: nanos))
    }

    @Test("cached and cache-write prices are read separately")
    func cachePrices() throws {
        let yaml = catalog(
            models: """
                  - id: anthropic/claude
                    provider: local
                    input_per_mtok: 3
                    output_per_mtok: 15
                    cached_input_per_mtok: 0.30
                    cache_write_per_mtok: 3.75
                    context_length: 200_000
                    max_output_tokens: 8192
                """)
        let model = try #require(try Catalog.parse(yaml: yaml, environment: [:]).models["anthropic/claude"])
        #expect(model.prices.inputPerMTok == 3_000_000_000)
        #expect(model.prices.outputPerMTok == 15_000_000_000)
        #expect(model.prices.cachedInputPerMTok == 300_000_000)
        #expect(model.prices.cacheWriteInputPerMTok == 3_750_000_000)
        #expect(model.contextLength == 200_000)
        #expect(model.maxOutputTokens == 8192)
        #expect(model.defaultMaxTokens == 4096)
    }

    @Test(
        "default_max_tokens: 4096 unless set, overridden per model, never above max_output_tokens",
        arguments: [
            ("", "", Int?.none, 4096),
            ("defaults:\n  default_max_tokens: 1000", "", nil, 1000),
            ("defaults:\n  default_max_tokens: 1000", "    default_max_tokens: 2000", nil, 2000),
            ("", "    default_max_tokens: 2000", nil, 2000),
            ("", "", 500, 500),
            ("", "", 8000, 4096),
            ("defaults:\n  default_max_tokens: 1000", "", 800, 800),
            ("", "    default_max_tokens: 3000", 2500, 2500),
            ("", "    default_max_tokens: 3000", 3500, 3000),
        ])
    func defaultMaxTokens(defaults: String, modelLine: String, maxOutput: Int?, expected: Int) throws {
        var models = """
              - id: x/y
                provider: local
                input_per_mtok: 1
                output_per_mtok: 1
            """
        if !modelLine.isEmpty { models += "\n" + modelLine }
        if let maxOutput { models += "\n    max_output_tokens: \(maxOutput)" }
        let parsed = try Catalog.parse(yaml: catalog(models: models, defaults: defaults), environment: [:])
        let model = try #require(parsed.models["x/y"])
        #expect(model.defaultMaxTokens == expected)
        #expect(model.maxOutputTokens == maxOutput)
    }

    @Test("base_url trailing slashes are trimmed; timeouts are read", arguments: ["https://x.example/v1/", "https://x.example/v1//", "https://x.example/v1"])
    func baseURL(url: String) throws {
        let yaml = """
            providers:
              - name: p
                kind: openai
                base_url: \(url)
                connect_timeout_ms: 1_500
                request_timeout_ms: 30000
            """
        let provider = try #require(try Catalog.parse(yaml: yaml, environment: [:]).providers["p"])
        #expect(provider.baseURL == "https://x.example/v1")
        #expect(provider.connectTimeoutMillis == 1_500)
        #expect(provider.requestTimeoutMillis == 30_000)
        #expect(provider.apiKeyEnv == nil)
        #expect(provider.isAvailable)
    }

    @Test(
        "unknown fields anywhere are errors naming the field",
        arguments: [
            ("top level", "providers: []\nmodel: []", "model"),
            ("defaults", "defaults:\n  max_tokens: 5", "max_tokens"),
            (
                "provider",
                "providers:\n  - name: p\n    kind: openai\n    base_url: http://x\n    api_key: sk-secret",
                "api_key"
            ),
            (
                "model",
                "providers:\n  - name: p\n    kind: openai\n    base_url: http://x\nmodels:\n  - id: p/m\n    provider: p\n    input_per_mtok: 1\n    output_per_mtok: 1\n    input_price: 1",
                "input_price"
            ),
            (
                "misspelt price",
                "providers:\n  - name: p\n    kind: openai\n    base_url: http://x\nmodels:\n  - id: p/m\n    provider: p\n    input_per_mtok: 1\n    output_per_mtok: 1\n    cached_input_per_mtoken: 0",
                "cached_input_per_mtoken"
            ),
            (
                "route",
                "providers:\n  - name: p\n    kind: openai\n    base_url: http://x\nmodels:\n  - id: p/m\n    routes:\n      - provider: p\n        upstream_model: m\n        weight: 2\n    input_per_mtok: 1\n    output_per_mtok: 1",
                "weight"
            ),
        ])
    func unknownFields(place: String, yaml: String, field: String) throws {
        let message = try #require(parseError(yaml))
        #expect(message.contains("unknown field '\(field)'"), "\(place): \(message)")
    }

    @Test(
        "model errors name the problem",
        arguments: [
            ("    output_per_mtok: 1", "missing input_per_mtok"),
            ("    input_per_mtok: 1", "missing output_per_mtok"),
            ("    input_per_mtok: 0.0000000001\n    output_per_mtok: 1", "input_per_mtok '0.0000000001' must be a non-negative decimal with at most 9 decimals"),
            ("    input_per_mtok: 1\n    output_per_mtok: 1.1234567891", "output_per_mtok '1.1234567891'"),
            ("    input_per_mtok: -1\n    output_per_mtok: 1", "input_per_mtok '-1'"),
            ("    input_per_mtok: 1e-6\n    output_per_mtok: 1", "input_per_mtok '1e-6'"),
            ("    input_per_mtok: 1\n    output_per_mtok: 1\n    cached_input_per_mtok: 0.1234567891", "cached_input_per_mtok"),
            ("    input_per_mtok: 1\n    output_per_mtok: 1\n    cache_write_per_mtok: abc", "cache_write_per_mtok 'abc'"),
            ("    input_per_mtok: 1\n    output_per_mtok: 1\n    max_output_tokens: -5", "max_output_tokens must be a non-negative integer"),
            ("    input_per_mtok: 1\n    output_per_mtok: 1\n    context_length: 1.5", "context_length must be a non-negative integer"),
            ("    input_per_mtok: \"\"\n    output_per_mtok: 1", "input_per_mtok must be a non-empty string"),
        ])
    func modelErrors(fields: String, expected: String) throws {
        let yaml = catalog(models: "  - id: x/y\n    provider: local\n" + fields)
        let message = try #require(parseError(yaml))
        #expect(message.contains("models[0]"), "\(message)")
        #expect(message.contains(expected), "\(message)")
    }

    @Test("a provider kind that does not exist is an error")
    func badKind() throws {
        let message = try #require(parseError("providers:\n  - name: p\n    kind: azure\n    base_url: http://x"))
        #expect(message.contains("kind 'azure' is not one of openai, anthropic, gemini"))
    }

    @Test("provider field errors")
    func providerErrors() throws {
        #expect(try #require(parseError("providers:\n  - name: p\n    kind: openai")).contains("missing base_url"))
        #expect(try #require(parseError("providers:\n  - kind: openai\n    base_url: http://x")).contains("missing name"))
        #expect(try #require(parseError("providers:\n  - name: p\n    kind: openai\n    base_url: ftp://x")).contains("base_url must start with http:// or https://"))
        let twice = "providers:\n  - name: p\n    kind: openai\n    base_url: http://x\n  - name: p\n    kind: gemini\n    base_url: http://y"
        #expect(try #require(parseError(twice)).contains("provider 'p' is defined twice"))
        #expect(try #require(parseError("providers:\n  - just-a-string")).contains("providers[0]: expected a mapping"))
    }

    @Test("a route to an undefined provider is an error")
    func undefinedProvider() throws {
        let direct = catalog(models: "  - id: x/y\n    provider: nope\n    input_per_mtok: 1\n    output_per_mtok: 1")
        #expect(try #require(parseError(direct)).contains("provider 'nope' is not defined under providers"))
        let viaRoutes = catalog(
            models: "  - id: x/y\n    routes:\n      - provider: local\n        upstream_model: a\n      - provider: ghost\n        upstream_model: b\n    input_per_mtok: 1\n    output_per_mtok: 1")
        #expect(try #require(parseError(viaRoutes)).contains("provider 'ghost' is not defined under providers"))
        let noRoute = catalog(models: "  - id: x/y\n    input_per_mtok: 1\n    output_per_mtok: 1")
        #expect(try #require(parseError(noRoute)).contains("needs a provider (or routes)"))
    }

    @Test("a model id defined twice is an error")
    func duplicateModel() throws {
        let entry = "  - id: x/y\n    provider: local\n    input_per_mtok: 1\n    output_per_mtok: 1"
        let message = try #require(parseError(catalog(models: entry + "\n" + entry)))
        #expect(message.contains("models[1] (x/y): defined twice"))
    }

    @Test("model ids must look like provider/model-name", arguments: ["gpt-4o", "/gpt", "openai/", "a b/c", "a/\"b\"", "x/"])
    func badModelID(id: String) throws {
        let yaml = catalog(models: "  - id: '\(id)'\n    provider: local\n    input_per_mtok: 1\n    output_per_mtok: 1")
        #expect(try #require(parseError(yaml)).contains("id must look like provider/model-name"))
    }

    @Test("empty and invalid documents are errors")
    func invalidDocuments() throws {
        #expect(try #require(parseError("")).contains("catalog is empty"))
        #expect(try #require(parseError("# only a comment\n")).contains("catalog is empty"))
        #expect(try #require(parseError("providers: [unclosed")).contains("not valid YAML"))
        #expect(try #require(parseError("- a list\n- at the top")).contains("catalog: expected a mapping"))
    }

    @Test("a catalog with no models parses to an empty catalog")
    func emptyCatalog() throws {
        let catalog = try Catalog.parse(yaml: "providers: []\nmodels: []", environment: [:])
        #expect(catalog.modelIDs.isEmpty)
        #expect(catalog.providers.isEmpty)
        #expect(catalog.servableModels.isEmpty)
    }

    @Test("ModelID.isWellFormed")
    func modelIDs() {
        #expect(ModelID.isWellFormed("openai/gpt-4o"))
        #expect(ModelID.isWellFormed("a/b"))
        #expect(ModelID.isWellFormed("meta/llama-3.1-70b:free"))
        #expect(!ModelID.isWellFormed("ab"))
        #expect(!ModelID.isWellFormed("a/b\u{7F}"))
        #expect(!ModelID.isWellFormed("a/é"))
        #expect(ModelID.isWellFormed("a/" + String(repeating: "x", count: 198)))  // 200 characters
        #expect(!ModelID.isWellFormed("a/" + String(repeating: "x", count: 199)))
    }
}
