import Dialects

/// The fixed model list of `GET /v1/models`, in OpenAI's list shape. Chat requests accept any model id;
/// this list exists for clients and health checks that enumerate models first.
public enum MockModels {
    public static let ids = ["mock-small", "mock-large", "gpt-4o-mini"]
    /// A fixed creation time keeps the body byte-for-byte stable.
    public static let created = 1_700_000_000
    public static let owner = "tokmodel-mock"

    public static var body: [UInt8] {
        JSONWriter.bytes(
            .object([
                ("object", "list"),
                (
                    "data",
                    .array(
                        ids.map { id in
                            .object([("id", .string(id)), ("object", "model"), ("created", .int(created)), ("owned_by", .string(owner))])
                        })
                ),
            ]))
    }
}
