import Dialects
import Hummingbird
import TokModelCore

/// `GET /v1/models` and `GET /v1/models/{id}` in OpenAI's shape, listing the models the catalog can serve now.
/// Listing needs no key: the catalog is not a secret, and SDKs list models before anything else.
struct ModelsEndpoint: Sendable {
    let catalog: Catalog

    func list(_ request: Request, context: some RequestContext) -> Response {
        let data = catalog.servableModels.map(Self.entry)
        return Responses.json(JSONWriter.bytes(.object([("object", "list"), ("data", .array(data))])), requestID: RequestID.generate())
    }

    func get(_ request: Request, context: some RequestContext) -> Response {
        let requestID = RequestID.generate()
        // Model ids contain a slash, so the route captures the rest of the path.
        let id = String(request.uri.path.dropFirst("/v1/models/".count))
        guard let model = catalog.models[id], catalog.activeRoute(for: model) != nil else {
            return Responses.error(.unknownModel(id), dialect: .openAI, requestID: requestID)
        }
        return Responses.json(JSONWriter.bytes(Self.entry(model)), requestID: requestID)
    }

    static func entry(_ model: Catalog.Model) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(model.id)), ("object", "model"), ("created", 0), ("owned_by", .string(model.ownedBy)),
        ]
        if let context = model.contextLength { members.append(("context_length", .int(context))) }
        return .object(members)
    }
}
