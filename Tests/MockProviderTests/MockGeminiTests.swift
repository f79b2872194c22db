import Dialects
import MockProvider
import Testing

@Suite struct MockGeminiTests {
    func request(_ body: [UInt8], stream: Bool = false) throws -> MockChatRequest {
        try MockChatRequest(geminiBody: body, model: "gemini-mock", stream: stream)
    }

    @Test func readsAGenerateContentRequest() throws {
        let body = geminiBody(
            "Hello [[mock:words=3]]", tools: geminiTools,
            generationConfig: ["maxOutputTokens": 40, "stopSequences": ["END"], "candidateCount": 2],
            extra: [("toolConfig", ["functionCallingConfig": ["mode": "ANY", "allowedFunctionNames": ["get_time"]]])])
        let parsed = try request(body, stream: true)
        #expect(parsed.model == "gemini-mock" && parsed.stream && parsed.maxTokens == 40 && parsed.choices == 2)
        #expect(parsed.stopSequences == ["END"] && parsed.toolChoice == .named("get_time"))
        #expect(parsed.tools.map(\.name) == ["get_weather", "get_time", "ping"])
        #expect(parsed.tools[1].parameters == timeSchema && parsed.tools[2].parameters == nil)
        #expect(parsed.lastUserText == "Hello [[mock:words=3]]")
        // 3 + systemInstruction (4 + ceil(9/4)) + user (4 + ceil(22/4))
        #expect(parsed.promptTokens == 3 + 7 + 10)
        // Gemini's upper-case schema types give the same arguments.
        #expect(try plannedAnswer(request(geminiBody("[[mock:tool]]", tools: geminiTools))).answer.toolCalls.first?.arguments == weatherArguments)
    }

    @Test func snakeCaseAndModesAreAccepted() throws {
        let body = JSONWriter.bytes([
            "contents": [["parts": [["text": "Hi"]]]], "system_instruction": ["parts": [["text": "abcd"]]],
            "generation_config": ["max_output_tokens": 2], "tool_config": ["function_calling_config": ["mode": "NONE"]],
        ])
        let parsed = try request(body)
        #expect(parsed.maxTokens == 2 && parsed.toolChoice == .none && parsed.promptTokens == 3 + 5 + 5)
        let any = try request(geminiBody(tools: geminiTools, extra: [("toolConfig", ["functionCallingConfig": ["mode": "ANY"]])]))
        #expect(any.toolChoice == .required)
        #expect(try plannedAnswer(any).answer.toolCalls.map(\.name) == ["get_weather"])
    }

    @Test(arguments: [
        #"{}"#, #"{"contents":[]}"#, #"{"contents":{}}"#, #"{"contents":[{"role":"system","parts":[{"text":"x"}]}]}"#,
        #"{"contents":[{"role":"user"}]}"#, #"{"contents":[{"parts":[{"text":"x"}]}],"generationConfig":{"maxOutputTokens":"many"}}"#,
        #"{"contents":[{"parts":[{"text":"x"}]}],"generationConfig":{"candidateCount":9}}"#,
        #"{"contents":[{"parts":[{"text":"x"}]}],"toolConfig":{"functionCallingConfig":{"mode":"SOMETIMES"}}}"#,
        #"{"contents":[{"parts":[{"text":"x"}]}],"tools":[{"functionDeclarations":[{"description":"no name"}]}]}"#,
    ])
    func invalidBodiesAre400s(body: String) throws {
        do {
            _ = try request(Array(body.utf8))
            Issue.record("accepted \(body)")
        } catch let error as MockError {
            #expect(error.status == 400 && error.geminiStatus == "INVALID_ARGUMENT")
            let json = try JSONParser.parse(error.geminiBody)
            #expect(json["error"]?["code"] == 400 && json["error"]?["status"] == "INVALID_ARGUMENT")
        }
    }

    @Test func errorShapes() throws {
        let statuses = [401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED", 404: "NOT_FOUND", 429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 503: "UNAVAILABLE"]
        for (code, status) in statuses {
            let json = try JSONParser.parse(MockError.simulated(status: code).body(for: .gemini))
            #expect(json["error"]?["code"] == .int(code) && json["error"]?["status"] == .string(status))
            #expect(json["error"]?["message"]?.stringValue?.isEmpty == false)
        }
        let wrong = try JSONParser.parse(MockError.invalidGeminiKey().geminiBody)
        #expect(wrong["error"]?["code"] == 401 && wrong["error"]?["details"]?.arrayValue?.first?["reason"] == "API_KEY_INVALID")
        #expect(try JSONParser.parse(MockError.missingGeminiKey().geminiBody)["error"]?["status"] == "PERMISSION_DENIED")
    }

    static let roundTrip: JSONValue = [
        ["role": "user", "parts": [["text": "Weather? [[mock:tools=2]]"]]],
        [
            "role": "model",
            "parts": [
                ["functionCall": ["name": "get_weather", "args": ["location": "Paris"]]],
                ["functionCall": ["name": "get_time", "args": ["zone": "CET"]]],
            ],
        ],
        [
            "role": "user",
            "parts": [
                ["functionResponse": ["name": "get_weather", "response": ["output": "Sunny"]]],
                ["functionResponse": ["name": "get_time", "response": ["hour": 12]]],
                ["inlineData": ["mimeType": "image/png", "data": "AAAA"]],
                ["inlineData": ["mimeType": "application/pdf", "data": "AAAA"]],
            ],
        ],
    ]

    @Test func promptTokensAndToolResults() throws {
        let parsed = try request(geminiBody(system: nil, contents: Self.roundTrip, tools: geminiTools))
        #expect(parsed.toolResultText == "Sunny" && parsed.priorToolCalls == 2)
        #expect(parsed.lastUserText == "Weather? [[mock:tools=2]]")
        // user 25 → 4+7; model {"location":"Paris"} 20 + {"zone":"CET"} 14 = 34 → 4+9;
        // results "Sunny" 5 + {"hour":12} 11 = 16 → 4+4, one image 85 (the PDF counts nothing).
        #expect(parsed.promptTokens == 3 + 11 + 13 + 8 + 85)
        let answer = try plannedAnswer(parsed).answer
        #expect(answer.text == "Tool result received: Sunny" && answer.toolCalls.isEmpty)
    }

    @Test func responseBody() throws {
        let parsed = try request(geminiBody("Hi [[mock:text_then_tool]][[mock:tools=2]][[mock:words=4]]", tools: geminiTools))
        let answer = try plannedAnswer(parsed).answer
        let json = try JSONParser.parse(MockGeminiBody.encode(answer, responseID: "mock-resp-9", model: "gemini-mock"))
        #expect(
            json
                == [
                    "candidates": [
                        [
                            "content": [
                                "parts": [
                                    ["text": "This is a mock"],
                                    ["functionCall": ["name": "get_weather", "args": ["location": "value-location", "days": 42, "metric": true]]],
                                    ["functionCall": ["name": "get_time", "args": ["zone": "value-zone", "precision": 42]]],
                                ],
                                "role": "model",
                            ],
                            "finishReason": "STOP", "index": 0,
                        ]
                    ],
                    "usageMetadata": [
                        "promptTokenCount": .int(parsed.promptTokens), "candidatesTokenCount": 29, "totalTokenCount": .int(parsed.promptTokens + 29),
                    ],
                    "modelVersion": "gemini-mock", "responseId": "mock-resp-9",
                ])
    }

    @Test func maxTokensCandidatesAndUsageDirectives() throws {
        func body(_ text: String, config: JSONValue? = nil) throws -> JSONValue {
            let answer = try plannedAnswer(request(geminiBody(text, generationConfig: config))).answer
            return try JSONParser.parse(MockGeminiBody.encode(answer, responseID: "r", model: "g"))
        }
        let cut = try body("Hi", config: ["maxOutputTokens": 2, "candidateCount": 2])
        #expect(cut["candidates"]?.arrayValue?.map { $0["finishReason"] } == ["MAX_TOKENS", "MAX_TOKENS"])
        #expect(cut["candidates"]?.arrayValue?.map { $0["index"] } == [0, 1])
        #expect(cut["candidates"]?.arrayValue?.first?["content"]?["parts"] == [["text": "This is"]])
        #expect(cut["usageMetadata"]?["candidatesTokenCount"] == 4)
        #expect(try body("Hi [[mock:no_usage]]")["usageMetadata"] == nil)
        #expect(try body("Hi [[mock:zero_usage]]")["usageMetadata"] == ["promptTokenCount": 0, "candidatesTokenCount": 0, "totalTokenCount": 0])
        #expect(try body("[[mock:words=0]]")["candidates"]?.arrayValue?.first?["content"]?["parts"] == [["text": ""]])
    }

    @Test func streamChunksCarryCumulativeUsageAndWholeFunctionCalls() throws {
        let parsed = try request(geminiBody("Hi [[mock:text_then_tool]][[mock:tools=2]][[mock:words=5]]", tools: geminiTools), stream: true)
        let answer = try plannedAnswer(parsed).answer
        let events = MockGeminiBody.events(for: answer, responseID: "mock-resp-1", model: "gemini-mock", chunkCount: 2)
        #expect(events.map(\.kind) == [.content(0), .content(1), .content(2), .finish])
        for event in events {
            #expect(event.bytes.starts(with: Array("data: {".utf8)) && event.bytes.suffix(4).elementsEqual("\r\n\r\n".utf8))
        }
        let chunks = try sse(events).map(json)
        let parts = chunks.map { $0["candidates"]?.arrayValue?.first?["content"]?["parts"] }
        #expect(parts[0] == [["text": "This is a "]] && parts[1] == [["text": "mock reply"]])
        #expect(parts[2] == [["functionCall": ["name": "get_weather", "args": ["location": "value-location", "days": 42, "metric": true]]]])
        #expect(parts[3] == [["functionCall": ["name": "get_time", "args": ["zone": "value-zone", "precision": 42]]]])
        #expect(chunks.map { $0["candidates"]?.arrayValue?.first?["finishReason"] } == [nil, nil, nil, "STOP"])
        #expect(chunks.map { $0["usageMetadata"]?["candidatesTokenCount"] } == [3, 5, 20, 30])
        #expect(chunks.allSatisfy { $0["usageMetadata"]?["promptTokenCount"] == .int(parsed.promptTokens) })
        #expect(chunks.last?["usageMetadata"]?["totalTokenCount"] == .int(parsed.promptTokens + 30))
        #expect(chunks.allSatisfy { $0["responseId"] == "mock-resp-1" && $0["modelVersion"] == "gemini-mock" })
        #expect(!chunks.contains { $0["candidates"]?.arrayValue?.first?["content"]?["parts"]?.arrayValue?.first?["functionCall"]?["id"] != nil })
    }

    @Test func emptyAnswerIsOneFinishChunk() throws {
        let answer = try plannedAnswer(request(geminiBody("[[mock:words=0]]"), stream: true)).answer
        let events = MockGeminiBody.events(for: answer, responseID: "r", model: "g", chunkCount: 8)
        #expect(events.map(\.kind) == [.finish])
        let chunk = try json(try #require(sse(events).first))
        #expect(chunk["candidates"]?.arrayValue?.first?["content"]?["parts"] == [["text": ""]])
        #expect(chunk["candidates"]?.arrayValue?.first?["finishReason"] == "STOP")
    }
}
