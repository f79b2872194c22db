import Testing
import TokModelCore

/// The catalogs shipped in Deploy/ must always parse: `make run` and operators start from them.
@Suite("Deploy catalogs")
struct DeployCatalogTests {
    @Test("the demo catalog routes to the mock without keys and to the real providers with them")
    func demoCatalog() throws {
        let withoutKeys = try Catalog.load(path: "Deploy/catalog.demo.yaml", environment: [:])
        for id in ["openai/gpt-4o", "anthropic/claude-opus-4-5", "google/gemini-2.0-flash", "mock/echo"] {
            let model = try #require(withoutKeys.models[id], "\(id) missing")
            #expect(withoutKeys.activeRoute(for: model)?.1.name.hasPrefix("mock") == true, "\(id) should use the mock without keys")
        }
        let withKeys = try Catalog.load(
            path: "Deploy/catalog.demo.yaml", environment: ["OPENAI_API_KEY": "k1", "ANTHROPIC_API_KEY": "k2", "GEMINI_API_KEY": "k3"])
        let routes = ["openai/gpt-4o": "openai", "anthropic/claude-opus-4-5": "anthropic", "google/gemini-2.0-flash": "gemini"]
        for (id, provider) in routes {
            let model = try #require(withKeys.models[id])
            #expect(withKeys.activeRoute(for: model)?.1.name == provider)
        }
    }

    @Test("the production example parses, with every provider kind")
    func productionExample() throws {
        let catalog = try Catalog.load(path: "Deploy/catalog.production.example.yaml", environment: [:])
        #expect(Set(catalog.providers.values.map(\.kind)) == Set(Catalog.ProviderKind.allCases))
        #expect(catalog.models["internal/qwen2.5-7b"]?.capabilities == [.tools])
        #expect(catalog.providers["gemini"]?.drainsOnDisconnect == false)
        #expect(catalog.providers["anthropic"]?.drainsOnDisconnect == true)
    }
}
