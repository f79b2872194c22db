import Hummingbird

/// The optional key check: with a required key, the request must carry exactly `Authorization: Bearer <key>`
/// (the form every OpenAI client sends), which lets tests prove the gateway swapped in the provider key.
enum MockAuthorization {
    static func accepts(_ request: Request, requiredKey: String?) -> Bool {
        guard let requiredKey else { return true }
        guard let header = request.headers[.authorization] else { return false }
        let expected = "Bearer " + requiredKey
        return header.utf8.elementsEqual(expected.utf8)
    }
}
