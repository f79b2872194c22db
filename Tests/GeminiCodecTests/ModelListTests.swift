import Dialects
import GeminiCodec
import Testing
import TokModelCore

@Suite("Gemini model listing")
struct ModelListTests {
    static func models(_ count: Int) -> [ListedModel] {
        (0..<count).map { ListedModel(id: "p/m\($0)", displayName: "M\($0)") }
    }

    func names(_ page: JSONValue) -> [String] {
        page["models"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
    }

    @Test("the shape of an entry, as the google-genai SDK reads it")
    func shape() throws {
        let page = try GeminiModelList.page(
            models: [
                ListedModel(id: "openai/gpt-4o", displayName: "GPT-4o", contextLength: 128_000, maxOutputTokens: 16_384),
                ListedModel(id: "google/gemini-2.5-flash", displayName: "Gemini 2.5 Flash", description: "Fast."),
            ],
            pageSize: nil, pageToken: nil)
        let expected = try json(
            #"""
            {"models": [
              {"name": "models/openai/gpt-4o", "baseModelId": "openai/gpt-4o", "version": "001", "displayName": "GPT-4o",
               "description": "GPT-4o (openai/gpt-4o), served through TokModel.", "inputTokenLimit": 128000, "outputTokenLimit": 16384,
               "supportedGenerationMethods": ["generateContent", "streamGenerateContent", "countTokens"]},
              {"name": "models/google/gemini-2.5-flash", "baseModelId": "google/gemini-2.5-flash", "version": "001",
               "displayName": "Gemini 2.5 Flash", "description": "Fast.",
               "supportedGenerationMethods": ["generateContent", "streamGenerateContent", "countTokens"]}
            ]}
            """#)
        #expect(page == expected, "\(JSONWriter.string(page))")
    }

    @Test("an empty catalog still has a models member")
    func empty() throws {
        #expect(try GeminiModelList.page(models: [], pageSize: nil, pageToken: nil) == ["models": []])
    }

    @Test("pages follow each other through nextPageToken, which is absent on the last page")
    func pagination() throws {
        let all = Self.models(5)
        let first = try GeminiModelList.page(models: all, pageSize: 2, pageToken: nil)
        #expect(names(first) == ["models/p/m0", "models/p/m1"])
        let token1 = try #require(first["nextPageToken"]?.stringValue)
        #expect(token1.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        let second = try GeminiModelList.page(models: all, pageSize: 2, pageToken: token1)
        #expect(names(second) == ["models/p/m2", "models/p/m3"])
        let token2 = try #require(second["nextPageToken"]?.stringValue)
        let third = try GeminiModelList.page(models: all, pageSize: 2, pageToken: token2)
        #expect(names(third) == ["models/p/m4"])
        #expect(third["nextPageToken"] == nil)
        // A different page size may be used with a token.
        #expect(names(try GeminiModelList.page(models: all, pageSize: 10, pageToken: token1)) == ["models/p/m2", "models/p/m3", "models/p/m4"])
    }

    @Test("page size: default 50 (also for 0), clamped to 1000, negative refused")
    func pageSizes() throws {
        let all = Self.models(1200)
        #expect(names(try GeminiModelList.page(models: all, pageSize: nil, pageToken: nil)).count == 50)
        #expect(names(try GeminiModelList.page(models: all, pageSize: 0, pageToken: "")).count == 50)
        #expect(names(try GeminiModelList.page(models: all, pageSize: 5000, pageToken: nil)).count == 1000)
        #expect(names(try GeminiModelList.page(models: all, pageSize: 1200, pageToken: nil)).count == 1000)
        let error = thrownError { try GeminiModelList.page(models: all, pageSize: -1, pageToken: nil) }
        #expect(error?.param == "pageSize")
        #expect(error?.status == 400)
    }

    @Test(
        "tokens the listing did not issue are refused with a 400 naming pageToken",
        arguments: ["garbage!", "bzpx", "bzoxMh", "bzot", "eDox", "bzo", "bzoxMjM0NTY3ODkwMTIzNDU2Nzg5", "AAAA", "b", "bzoxMA=="])
    func badTokens(token: String) {
        let error = thrownError { try GeminiModelList.page(models: Self.models(3), pageSize: 1, pageToken: token) }
        #expect(error?.param == "pageToken", "\(token)")
        #expect(error?.status == 400)
    }

    @Test("a valid token past the end (the catalog shrank) gives an empty last page")
    func tokenPastEnd() throws {
        let first = try GeminiModelList.page(models: Self.models(10), pageSize: 8, pageToken: nil)
        let token = try #require(first["nextPageToken"]?.stringValue)
        #expect(try GeminiModelList.page(models: Self.models(3), pageSize: 8, pageToken: token) == ["models": []])
    }
}
