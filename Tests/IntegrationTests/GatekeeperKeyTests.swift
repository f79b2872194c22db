import HTTPTypes
import Testing

@testable import Edge

/// Where the edge finds the client's key: `Authorization: Bearer …` (OpenAI SDKs) or `x-api-key` (Anthropic's).
struct GatekeeperKeyTests {
    static let key = "tm-" + String(repeating: "A", count: 43)

    @Test(arguments: [
        "Bearer \(key)", "bearer \(key)", "BEARER \(key)", "BeArEr \(key)", "  Bearer \(key)", "Bearer   \(key)  ", "Bearer \t\(key)\t",
    ])
    func bearerTokenIsFoundWhateverTheCaseAndSpacing(_ value: String) throws {
        var headers = HTTPFields()
        headers[.authorization] = value
        #expect(try Gatekeeper.apiKey(from: headers) == Self.key)
    }

    @Test(arguments: ["Bearer", "Bearer ", "Bearer    ", "Basic \(key)", "Bearer\(key)", "Token \(key)", "Bearerx \(key)", "", "Béarer \(key)"])
    func otherAuthorizationValuesAreAMissingKey(_ value: String) {
        var headers = HTTPFields()
        headers[.authorization] = value
        #expect(Gatekeeper.bearerToken(value) == nil || Gatekeeper.bearerToken(value) == "")
        #expect(throws: Gatekeeper.Refusal.self) { try Gatekeeper.apiKey(from: headers) }
    }

    @Test func anthropicStyleHeaderAndNoHeader() throws {
        var headers = HTTPFields()
        #expect(throws: Gatekeeper.Refusal.self) { try Gatekeeper.apiKey(from: headers) }
        headers[Gatekeeper.xAPIKey] = " \(Self.key) "
        #expect(try Gatekeeper.apiKey(from: headers) == Self.key)
        // Authorization wins when both are sent.
        headers[.authorization] = "Bearer tm-other"
        #expect(try Gatekeeper.apiKey(from: headers) == "tm-other")
    }

    @Test func tokensKeepTheirBytes() {
        #expect(Gatekeeper.bearerToken("Bearer tm-ünï código") == "tm-ünï código")
        #expect(Gatekeeper.bearerToken("bearer x") == "x")
    }
}
