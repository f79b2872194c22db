import Conversation
import Dialects
import ResponsesCodec
import Testing
import TokModelCore

/// An OpenAI Responses client (`POST /v1/responses`) in front of each provider dialect.
@Suite("OpenAI Responses client × every provider")
struct ResponsesClientTests {
    @Test("streamed: the client's bytes are the golden ones", arguments: Provider.allCases, Transcript.allCases)
    func streamBytes(provider: Provider, transcript: Transcript) {
        assertStreamGolden(.responses, provider, transcript, golden: ResponsesGoldens.stream(provider, transcript))
    }

    @Test("streamed: what the OpenAI SDK's stream helpers accumulate is what the provider said", arguments: Provider.allCases, Transcript.allCases)
    func streamSemantics(provider: Provider, transcript: Transcript) {
        assertStreamSemantics(.responses, provider, transcript)
    }

    @Test("non-streamed: the Response object is the golden one", arguments: Provider.allCases, ResponseFixture.allCases)
    func response(provider: Provider, fixture: ResponseFixture) throws {
        try assertResponse(.responses, provider, fixture, golden: ResponsesGoldens.response(provider, fixture))
    }

    @Test("request: instructions, images, tools, a tool round and max tokens reach the provider", arguments: Provider.allCases)
    func request(provider: Provider) throws {
        // For Anthropic the golden has no `thinking`: the tool-use turn has no signed thinking to replay (§11.18 #13).
        try assertRequest(.responses, provider, golden: ResponsesGoldens.request(provider))
    }

    @Test("request: stream: true only changes the stream fields", arguments: Provider.allCases)
    func streamingRequest(provider: Provider) throws {
        try assertStreamingRequest(.responses, provider)
    }

    @Test("non-streamed: a provider's error body reaches the client in its error shape", arguments: Provider.allCases)
    func errorBody(provider: Provider) throws {
        try assertErrorBody(.responses, provider)
    }

    @Test("non-streamed: the Response echoes the request's parameters (§11.14)")
    func echo() throws {
        let body = try json(ClientRequests.responses)
        let request = try OpenAIResponses.decodeRequest(body)
        let answer = try Provider.anthropic.decodeResponse(try json(Provider.anthropic.response(.text)))
        let response = OpenAIResponses.encodeResponse(answer, clientModel: clientModel, echo: OpenAIResponses.Echo(request: request, body: body))
        #expect(response["instructions"] == "You are a weather bot.")
        #expect(response["max_output_tokens"] == 2048)
        #expect(response["reasoning"] == ["effort": "low", "summary": .null])
        #expect(response["tool_choice"] == "auto")
        #expect(response["tools"]?[0]?["name"] == "get_weather")
        #expect(response["tools"]?[0]?["strict"] == false)
        #expect(response["store"] == false)
    }

    @Test("streamed: a failure ends the stream with response.failed, its error coded for the SDK", arguments: Provider.allCases)
    func failure(provider: Provider) {
        for transcript in [Transcript.errorMidStream, .cutOff] {
            let stream = parseResponsesStream(translate(provider.stream(transcript), from: provider, to: .responses).bytes)
            #expect(stream.terminal == "response.failed")
            #expect(stream.response?["error"]?["code"] == "server_error", "\(transcript)")
            // The unfinished message is reported as such, with the text that did arrive.
            #expect(stream.response?["output"]?[0]?["status"] == "incomplete", "\(transcript)")
            #expect(stream.response?["output"]?[0]?["content"]?[0]?["text"]?.stringValue?.isEmpty == false, "\(transcript)")
        }
    }
}
