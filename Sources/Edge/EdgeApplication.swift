import Dialects
import Governance
public import Hummingbird
import LedgerProtocol
public import Logging
import RedisClient
import TokModelCore
import UnixSignals
import UpstreamClient

/// Renders routing failures (unknown path, wrong method) as JSON errors in OpenAI's shape with a request id,
/// instead of Hummingbird's empty 404.
struct UnknownEndpointMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed {
            let dialect: Dialect = request.uri.path.hasPrefix("/v1/messages") ? .anthropic : .openAI
            return Responses.error(.unknownEndpoint(request.method.rawValue, request.uri.path), dialect: dialect, requestID: RequestID.generate())
        }
    }
}

/// Builds the edge: routes, the Redis, upstream and ledger clients, and the HTTP server.
public struct EdgeApplication: Sendable {
    let gateway: Gateway
    let redis: RedisConnection

    public init(configuration: EdgeConfiguration, environment: [String: String], logger: Logger) throws {
        let catalog = try Catalog.load(path: configuration.catalogPath, environment: environment)
        let redis = RedisConnection(configuration: try RedisConfiguration(url: configuration.redisURL), logger: logger)
        let journal = try SettlementJournal(directory: configuration.journalDirectory, slots: configuration.journalSlots, logger: logger)
        let ledger = LedgerClient(configuration: .init(socketPath: configuration.ledgerSocketPath), logger: logger, journal: journal)
        self.redis = redis
        self.gateway = Gateway(
            configuration: configuration, catalog: catalog,
            gatekeeper: Gatekeeper(
                governance: GovernanceStore(redis: redis), keyCache: KeyCache(),
                speculation: configuration.speculativeDispatch ? SpeculationGate(maxAge: .milliseconds(configuration.speculationWindowMillis)) : nil,
                logger: logger),
            upstream: UpstreamClient(logger: logger), ledger: ledger, logger: logger)
        for model in catalog.modelIDs.compactMap({ catalog.models[$0] }) where catalog.activeRoute(for: model) == nil {
            logger.notice("model has no available provider (missing API key?)", metadata: ["gw.model": "\(model.id)"])
        }
    }

    func buildRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: UnknownEndpointMiddleware())
        let chat = ChatCompletionsEndpoint(gateway: gateway)
        router.post("/v1/chat/completions") { request, context in await chat.handle(request, context: context) }
        router.post("/chat/completions") { request, context in await chat.handle(request, context: context) }
        for (path, ingress) in [
            ("/v1/messages", Ingress.anthropicMessages), ("/v1/responses", .responses), ("/v1/responses/compact", .responsesCompact),
        ] {
            let endpoint = TranslatingEndpoint(gateway: gateway, ingress: ingress)
            router.post(RouterPath(path)) { request, context in await endpoint.handle(request, context: context) }
        }
        let models = ModelsEndpoint(catalog: gateway.catalog)
        router.get("/v1/models") { request, context in models.list(request, context: context) }
        router.get("/v1/models/**") { request, context in models.get(request, context: context) }
        router.get("/v1beta/models") { request, context in models.geminiList(request, context: context) }
        router.get("/v1beta/models/**") { request, context in models.geminiGet(request, context: context) }
        router.get("/health") { _, _ in Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n"))) }
        return router
    }

    /// The Hummingbird application; its service group also runs the ledger client, which it stops after the
    /// HTTP server (so settlements of the last streams are still handed over).
    public func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: buildRouter(),
            server: .http1PinnedToEventLoop,
            configuration: .init(address: .hostname(gateway.configuration.host, port: gateway.configuration.port), serverName: nil),
            services: [gateway.ledger],
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: gateway.logger)
    }

    /// Runs until SIGTERM/SIGINT: the server drains its requests, then the ledger client hands over what remains.
    public func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onServerRunning: onServerRunning).runService(gracefulShutdownSignals: [.sigterm, .sigint])
        gateway.upstream.shutdown()
        redis.shutdown()
    }
}
