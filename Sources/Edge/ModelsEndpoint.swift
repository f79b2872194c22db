import Dialects
import GeminiCodec
import HTTPTypes
import Hummingbird
import TokModelCore

/// `GET /v1/models` and `GET /v1/models/{id}` in OpenAI's shape, listing the models the catalog can serve now.
/// Listing needs no key: the catalog is not a secret, and SDKs list models before anything else.
struct ModelsEndpoint: Sendable {
    let catalog: Catalog

    func list(_ request: Request, context: some RequestContext) -> Response {
        if Self.isGoogleClient(request) { return geminiList(request, context: context) }
        let data = catalog.servableModels.map(Self.entry)
        return Responses.json(JSONWriter.bytes(.object([("object", "list"), ("data", .array(data))])), requestID: RequestID.generate())
    }

    func get(_ request: Request, context: some RequestContext) -> Response {
        if Self.isGoogleClient(request) { return geminiGet(request, context: context) }
        let requestID = RequestID.generate()
        // Model ids contain a slash, so the route captures the rest of the path.
        let id = String(request.uri.path.dropFirst("/v1/models/".count))
        guard let model = catalog.models[id], catalog.activeRoute(for: model) != nil else {
            return Responses.error(.unknownModel(id), dialect: .openAI, requestID: requestID)
        }
        return Responses.json(JSONWriter.bytes(Self.entry(model)), requestID: requestID)
    }

    /// `GET /v1beta/models` in Gemini's list shape (`models/<id>` names, token limits, generation methods),
    /// paginated with `pageSize` and `pageToken`, so the `google-genai` SDK can list the catalog.
    func geminiList(_ request: Request, context: some RequestContext) -> Response {
        let requestID = RequestID.generate()
        let query = request.uri.queryParameters
        var pageSize: Int?
        if let text = query["pageSize"] {
            guard let size = Int(String(text)) else {
                return Responses.error(.invalidField("pageSize", "expected an integer"), dialect: .gemini, requestID: requestID)
            }
            pageSize = size
        }
        do {
            let page = try GeminiModelList.page(models: listed, pageSize: pageSize, pageToken: query["pageToken"].map(String.init))
            return Responses.json(JSONWriter.bytes(page), requestID: requestID)
        } catch {
            return Responses.error(error, dialect: .gemini, requestID: requestID)
        }
    }

    /// `GET /v1beta/models/{id}`: one model in Gemini's shape.
    func geminiGet(_ request: Request, context: some RequestContext) -> Response {
        let requestID = RequestID.generate()
        let path = request.uri.path
        var id = String(path.dropFirst(path.hasPrefix("/v1beta/") ? "/v1beta/models/".count : "/v1/models/".count))
        if id.hasPrefix("models/") { id.removeFirst("models/".count) }
        guard listed.contains(where: { $0.id == id }),
            let page = try? GeminiModelList.page(models: listed.filter { $0.id == id }, pageSize: 1, pageToken: nil),
            let entry = page["models"]?.arrayValue?.first
        else {
            return Responses.error(.unknownModel(id), dialect: .gemini, requestID: requestID)
        }
        return Responses.json(JSONWriter.bytes(entry), requestID: requestID)
    }

    /// The `google-genai` SDK lists models at `/v1/models` by default (or `/v1beta/models`): recognise it by
    /// Google's headers or `?key=`, and answer in Gemini's shape, so one base URL serves every SDK.
    static func isGoogleClient(_ request: Request) -> Bool {
        if let name = HTTPField.Name("x-goog-api-key"), request.headers[name] != nil { return true }
        if let name = HTTPField.Name("x-goog-api-client"), request.headers[name] != nil { return true }
        return request.uri.queryParameters["key"] != nil
    }

    var listed: [ListedModel] {
        catalog.servableModels.map { model in
            ListedModel(id: model.id, displayName: model.displayName ?? model.id, contextLength: model.contextLength, maxOutputTokens: model.maxOutputTokens)
        }
    }

    static func entry(_ model: Catalog.Model) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(model.id)), ("object", "model"), ("created", 0), ("owned_by", .string(model.ownedBy)),
        ]
        if let context = model.contextLength { members.append(("context_length", .int(context))) }
        return .object(members)
    }
}
