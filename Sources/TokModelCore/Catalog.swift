import Yams

/// The models TokModel serves, the providers behind them, and their prices, loaded from a YAML file.
///
/// ```yaml
/// providers:
///   - name: openai
///     kind: openai              # openai (any OpenAI-compatible API), anthropic, gemini
///     base_url: https://api.openai.com/v1
///     api_key_env: OPENAI_API_KEY
/// models:
///   - id: openai/gpt-4o         # what clients send as "model"
///     provider: openai
///     upstream_model: gpt-4o
///     input_per_mtok: 2.50      # USD per million input tokens, parsed exactly
///     output_per_mtok: 10.00
/// ```
///
/// Parsing is strict: an unknown field is an error, because a misspelt price field must never silently bill
/// at a default. See docs/catalog.md for every field.
public struct Catalog: Sendable {
    public enum ProviderKind: String, Sendable, CaseIterable {
        case openai, anthropic, gemini
    }

    public struct Provider: Sendable {
        public var name: String
        public var kind: ProviderKind
        /// Base URL without a trailing slash, e.g. `https://api.openai.com/v1`.
        public var baseURL: String
        /// The environment variable holding the provider's key, if it needs one.
        public var apiKeyEnv: String?
        /// The key itself, read from the environment at load. Never logged, never sent to clients.
        public var apiKey: String?
        /// Milliseconds to establish a connection.
        public var connectTimeoutMillis: Int
        /// Milliseconds for a whole request (streams included).
        public var requestTimeoutMillis: Int
        /// When a client goes away mid-stream: keep reading the provider's answer (without relaying it) to get
        /// its usage report (`drain`), or stop at once and estimate (`cancel`). Providers that report usage only
        /// at the end of a stream (OpenAI, Anthropic) default to drain.
        public var drainsOnDisconnect: Bool
        /// The longest a drain may take before the transfer is cancelled and the usage estimated.
        public var drainTimeoutMillis: Int

        /// A provider is usable when it needs no key or its key is present in the environment.
        public var isAvailable: Bool { apiKeyEnv == nil || apiKey != nil }
    }

    public struct Route: Sendable {
        public var provider: String
        public var upstreamModel: String
    }

    /// What a model can do beyond plain text; a request that needs more gets a clear 400.
    public struct Capabilities: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let tools = Capabilities(rawValue: 1)
        public static let vision = Capabilities(rawValue: 2)
        public static let jsonSchema = Capabilities(rawValue: 4)
        public static let all: Capabilities = [.tools, .vision, .jsonSchema]

        static let names: [(String, Capabilities)] = [("tools", .tools), ("vision", .vision), ("json_schema", .jsonSchema)]
        public var names: [String] { Self.names.filter { contains($0.1) }.map(\.0) }
    }

    public struct Model: Sendable {
        public var id: String
        /// Candidate routes in order of preference; the first whose provider is available serves the model.
        public var routes: [Route]
        public var prices: PriceSheet
        public var contextLength: Int?
        /// The most output tokens a request may ask for.
        public var maxOutputTokens: Int?
        /// Output tokens reserved (and sent upstream as the limit) when a client sets no maximum.
        public var defaultMaxTokens: Int
        /// Tools, vision, JSON schema; every one unless the catalog lists them.
        public var capabilities: Capabilities = .all
        /// A human-readable name for listings.
        public var displayName: String?
        public var ownedBy: String { id.split(separator: "/").first.map(String.init) ?? "tokmodel" }
    }

    public private(set) var providers: [String: Provider]
    public private(set) var models: [String: Model]
    /// Model ids in file order, for listings.
    public private(set) var modelIDs: [String]

    public init(providers: [Provider], models: [Model]) {
        self.providers = Dictionary(providers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.models = Dictionary(models.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.modelIDs = models.map(\.id)
    }

    /// The route that serves `model` now, or nil when none of its providers is available.
    public func activeRoute(for model: Model) -> (Route, Provider)? {
        for route in model.routes {
            if let provider = providers[route.provider], provider.isAvailable { return (route, provider) }
        }
        return nil
    }

    /// Models that can be served now (at least one available provider), in file order.
    public var servableModels: [Model] {
        modelIDs.compactMap { models[$0] }.filter { activeRoute(for: $0) != nil }
    }
}

public struct CatalogError: Error, CustomStringConvertible, Equatable {
    public var description: String
    init(_ description: String) { self.description = description }
}

extension Catalog {
    /// Reads and parses a catalog file.
    public static func load(path: String, environment: [String: String]) throws -> Catalog {
        let text: String
        do {
            text = try FileText.read(path: path)
        } catch {
            throw CatalogError("cannot read catalog '\(path)': \(error)")
        }
        return try parse(yaml: text, environment: environment)
    }

    /// Parses catalog YAML. `environment` supplies provider keys named by `api_key_env`.
    public static func parse(yaml: String, environment: [String: String]) throws -> Catalog {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else { throw CatalogError("catalog is empty") }
            root = node
        } catch let error as CatalogError {
            throw error
        } catch {
            throw CatalogError("catalog is not valid YAML: \(error)")
        }
        let top = try Fields(root, context: "catalog", allowed: ["providers", "models", "defaults"])
        var defaultMaxTokens = 4096
        if let defaults = top["defaults"] {
            let fields = try Fields(defaults, context: "defaults", allowed: ["default_max_tokens"])
            if let value = try fields.int("default_max_tokens") { defaultMaxTokens = value }
        }

        var providers: [Provider] = []
        for (index, node) in try list(top["providers"], context: "providers").enumerated() {
            let context = "providers[\(index)]"
            let fields = try Fields(
                node, context: context,
                allowed: [
                    "name", "kind", "base_url", "api_key_env", "connect_timeout_ms", "request_timeout_ms", "on_client_disconnect",
                    "drain_timeout_ms",
                ])
            let name = try fields.requiredString("name")
            let kindText = try fields.requiredString("kind")
            guard let kind = ProviderKind(rawValue: kindText) else {
                throw CatalogError("\(context) (\(name)): kind '\(kindText)' is not one of openai, anthropic, gemini")
            }
            var baseURL = try fields.requiredString("base_url")
            guard baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else {
                throw CatalogError("\(context) (\(name)): base_url must start with http:// or https://")
            }
            while baseURL.hasSuffix("/") { baseURL.removeLast() }
            let keyEnv = try fields.string("api_key_env")
            let key = keyEnv.flatMap { environment[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            guard !providers.contains(where: { $0.name == name }) else {
                throw CatalogError("\(context): provider '\(name)' is defined twice")
            }
            let onDisconnect = try fields.string("on_client_disconnect") ?? (kind == .gemini ? "cancel" : "drain")
            guard onDisconnect == "drain" || onDisconnect == "cancel" else {
                throw CatalogError("\(context) (\(name)): on_client_disconnect must be drain or cancel")
            }
            providers.append(
                Provider(
                    name: name, kind: kind, baseURL: baseURL, apiKeyEnv: keyEnv, apiKey: key,
                    connectTimeoutMillis: try fields.int("connect_timeout_ms") ?? 5_000,
                    requestTimeoutMillis: try fields.int("request_timeout_ms") ?? 600_000,
                    drainsOnDisconnect: onDisconnect == "drain", drainTimeoutMillis: try fields.int("drain_timeout_ms") ?? 60_000))
        }

        var models: [Model] = []
        for (index, node) in try list(top["models"], context: "models").enumerated() {
            let context = "models[\(index)]"
            let fields = try Fields(
                node, context: context,
                allowed: [
                    "id", "provider", "upstream_model", "routes", "input_per_mtok", "output_per_mtok",
                    "cached_input_per_mtok", "cache_write_per_mtok", "context_length", "max_output_tokens",
                    "default_max_tokens", "capabilities", "display_name",
                ])
            let id = try fields.requiredString("id")
            let modelContext = "\(context) (\(id))"
            guard ModelID.isWellFormed(id) else {
                throw CatalogError("\(modelContext): id must look like provider/model-name")
            }
            var routes: [Route] = []
            if let routeNodes = fields["routes"] {
                for (routeIndex, routeNode) in try list(routeNodes, context: "\(modelContext).routes").enumerated() {
                    let route = try Fields(routeNode, context: "\(modelContext).routes[\(routeIndex)]", allowed: ["provider", "upstream_model"])
                    routes.append(Route(provider: try route.requiredString("provider"), upstreamModel: try route.requiredString("upstream_model")))
                }
            }
            if let provider = try fields.string("provider") {
                let upstream = try fields.string("upstream_model") ?? String(id.split(separator: "/", maxSplits: 1).last ?? "")
                routes.insert(Route(provider: provider, upstreamModel: upstream), at: 0)
            }
            guard !routes.isEmpty else { throw CatalogError("\(modelContext): needs a provider (or routes)") }
            for route in routes where !providers.contains(where: { $0.name == route.provider }) {
                throw CatalogError("\(modelContext): provider '\(route.provider)' is not defined under providers")
            }
            let input = try fields.requiredPrice("input_per_mtok", context: modelContext)
            let output = try fields.requiredPrice("output_per_mtok", context: modelContext)
            let prices = PriceSheet(
                inputPerMTok: input, outputPerMTok: output,
                cachedInputPerMTok: try fields.price("cached_input_per_mtok", context: modelContext),
                cacheWriteInputPerMTok: try fields.price("cache_write_per_mtok", context: modelContext))
            let maxOutput = try fields.int("max_output_tokens")
            var defaultMax = try fields.int("default_max_tokens") ?? defaultMaxTokens
            if let maxOutput { defaultMax = min(defaultMax, maxOutput) }
            guard !models.contains(where: { $0.id == id }) else { throw CatalogError("\(modelContext): defined twice") }
            var capabilities = Capabilities.all
            if let listed = fields["capabilities"] {
                capabilities = []
                for item in try list(listed, context: "\(modelContext).capabilities") {
                    guard let name = item.string, let capability = Capabilities.names.first(where: { $0.0 == name })?.1 else {
                        throw CatalogError("\(modelContext): unknown capability '\(item.string ?? "?")' (known: tools, vision, json_schema)")
                    }
                    capabilities.insert(capability)
                }
            }
            var model = Model(
                id: id, routes: routes, prices: prices, contextLength: try fields.int("context_length"), maxOutputTokens: maxOutput,
                defaultMaxTokens: defaultMax)
            model.capabilities = capabilities
            model.displayName = try fields.string("display_name")
            models.append(model)
        }
        return Catalog(providers: providers, models: models)
    }
}

/// The elements of a YAML sequence; anything else (a mapping, a scalar) is an error, not an empty list.
private func list(_ node: Node?, context: String) throws -> [Node] {
    guard let node else { return [] }
    guard let sequence = node.sequence else { throw CatalogError("\(context) must be a list") }
    return Array(sequence)
}

/// Model ids are `provider/model-name`: printable ASCII, no spaces, bounded.
public enum ModelID {
    public static func isWellFormed(_ id: String) -> Bool {
        let utf8 = id.utf8
        guard utf8.count >= 3, utf8.count <= 200, id.contains("/"), !id.hasPrefix("/"), !id.hasSuffix("/") else { return false }
        return utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }
}

/// A YAML mapping with strict field checking.
private struct Fields {
    let node: Node
    let context: String

    init(_ node: Node, context: String, allowed: Set<String>) throws {
        guard let mapping = node.mapping else { throw CatalogError("\(context): expected a mapping") }
        for key in mapping.keys {
            guard let name = key.string else { throw CatalogError("\(context): keys must be strings") }
            guard allowed.contains(name) else {
                throw CatalogError("\(context): unknown field '\(name)' (allowed: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
        self.node = node
        self.context = context
    }

    subscript(key: String) -> Node? { node[key] }

    func string(_ key: String) throws -> String? {
        guard let value = node[key] else { return nil }
        guard let text = value.scalar?.string, !text.isEmpty else { throw CatalogError("\(context): \(key) must be a non-empty string") }
        return text
    }

    func requiredString(_ key: String) throws -> String {
        guard let text = try string(key) else { throw CatalogError("\(context): missing \(key)") }
        return text
    }

    func int(_ key: String) throws -> Int? {
        guard let text = try string(key) else { return nil }
        guard let value = Int(String(text.filter { $0 != "_" })), value >= 0 else {
            throw CatalogError("\(context): \(key) must be a non-negative integer, got '\(text)'")
        }
        return value
    }

    /// Dollars per million tokens → nano-dollars per million tokens, exactly.
    func price(_ key: String, context: String) throws -> Int64? {
        guard let text = try string(key) else { return nil }
        guard let value = ExactDecimal.parse(text, scale: 9) else {
            throw CatalogError("\(context): \(key) '\(text)' must be a non-negative decimal with at most 9 decimals")
        }
        return value
    }

    func requiredPrice(_ key: String, context: String) throws -> Int64 {
        guard let value = try price(key, context: context) else { throw CatalogError("\(context): missing \(key)") }
        return value
    }
}
