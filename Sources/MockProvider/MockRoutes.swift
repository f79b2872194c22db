import Hummingbird

/// The mock's routes: the OpenAI, Anthropic and Gemini endpoints it imitates, and the `/mock/*` endpoints
/// tests use to inspect it (their counts and last body cover every dialect).
enum MockRoutes {
    static func router(configuration: MockProviderConfiguration, state: MockProviderState) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        let chat = MockChatHandler(configuration: configuration, state: state)
        // Some clients are configured with a base URL that lacks /v1.
        router.post("/v1/chat/completions", use: chat.respond)
        router.post("/chat/completions", use: chat.respond)
        router.post("/v1/messages", use: chat.respondAnthropic)
        router.post("/messages", use: chat.respondAnthropic)
        // `{target}` is `<model>:generateContent` or `<model>:streamGenerateContent`; the model has no slash.
        router.post("/v1beta/models/{target}", use: chat.respondGemini)
        router.post("/v1/models/{target}", use: chat.respondGemini)

        let modelsBody = MockModels.body
        router.get("/v1/models") { request, _ -> Response in
            guard MockAuthorization.accepts(request, requiredKey: configuration.requiredAPIKey) else {
                return MockResponses.error(.invalidAPIKey())
            }
            return MockResponses.json(modelsBody)
        }

        router.get("/mock/stats") { _, _ -> Response in
            MockResponses.json(state.stats.body)
        }
        router.get("/mock/last-request") { _, _ -> Response in
            guard let body = state.lastRequestBody else {
                return MockResponses.error(
                    MockError(status: 404, message: "No chat request received yet.", type: "invalid_request_error", code: "not_found"))
            }
            return Response(status: .ok, headers: MockResponses.jsonHeaders, body: ResponseBody(byteBuffer: body))
        }
        router.post("/mock/reset") { _, _ -> Response in
            state.reset()
            return MockResponses.json(state.stats.body)
        }
        return router
    }
}
