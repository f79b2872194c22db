import Conversation
import Dialects
import ResponsesCodec
import Testing
import TokModelCore

private let createdAt: Int64 = 1_767_225_600

private func writer() -> OpenAIResponses.StreamWriter {
    OpenAIResponses.StreamWriter(clientModel: "openai/gpt-4.1", includeUsage: false, createdAt: createdAt)
}

private func events(_ transcript: [StreamEvent]) throws -> [WireEvent] {
    try parse(write(transcript, with: writer()))
}

/// The Response envelope as OpenAI writes it, for the golden transcript (request parameters at their
/// defaults).
private func envelope(id: String, status: String, output: String, usage: String, incomplete: String = "null", error: String = "null") -> String {
    #"{"id":"\#(id)","object":"response","created_at":1767225600,"status":"\#(status)","background":false,"error":\#(error),"#
        + #""incomplete_details":\#(incomplete),"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"#
        + #""model":"openai/gpt-4.1","output":\#(output),"parallel_tool_calls":true,"previous_response_id":null,"#
        + #""prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","#
        + #""store":false,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"#
        + #""top_logprobs":0,"top_p":1.0,"truncation":"disabled","usage":\#(usage),"user":null,"metadata":{}}"#
}

/// Checks what every Responses stream must satisfy: `event:` equals `type`; sequence numbers 0, 1, 2…;
/// created and in_progress first and one terminal event last; items added in output-index order; every
/// item-scoped event names the item added at its output index and not yet done; deltas add up to the
/// done texts; the terminal response lists exactly the finished items.
private func checkInvariants(_ events: [WireEvent], _ name: String) {
    #expect(events.count >= 3, "\(name)")
    #expect(events.first?.type == "response.created", "\(name)")
    #expect(events.dropFirst().first?.type == "response.in_progress", "\(name)")
    var open: [Int64: String] = [:]
    var added: [String] = []
    var finished: [Int64: JSONValue] = [:]
    var texts: [String: String] = [:]
    for (position, event) in events.enumerated() {
        #expect(event.name == event.type, "\(name): event \(position)")
        #expect(event.sequenceNumber == Int64(position), "\(name): event \(position)")
        let terminal = ["response.completed", "response.incomplete", "response.failed", "error"].contains(event.type)
        #expect(terminal == (position == events.count - 1), "\(name): \(event.type) at \(position)")
        let outputIndex = event["output_index"]?.int64Value
        switch event.type {
        case "response.output_item.added":
            let id = event["item"]?["id"]?.stringValue ?? ""
            #expect(outputIndex == Int64(added.count), "\(name): output_index")
            #expect(!id.isEmpty && !added.contains(id), "\(name): item id \(id)")
            open[outputIndex ?? -1] = id
            added.append(id)
        case "response.output_item.done":
            let id = event["item"]?["id"]?.stringValue
            #expect(outputIndex.flatMap { open[$0] } == id, "\(name): done item id")
            open[outputIndex ?? -1] = nil
            finished[outputIndex ?? -1] = event["item"]
        default:
            if let itemID = event["item_id"]?.stringValue {
                #expect(outputIndex.flatMap { open[$0] } == itemID, "\(name): \(event.type) item_id \(itemID)")
                if let delta = event["delta"]?.stringValue { texts[itemID, default: ""] += delta }
                if let done = event["text"]?.stringValue ?? event["arguments"]?.stringValue {
                    let streamed = texts[itemID, default: ""]
                    #expect(done == streamed || (done == "{}" && streamed.isEmpty), "\(name): \(event.type) text")
                }
            }
        }
    }
    if let last = events.last, last.type != "response.failed" {
        #expect(open.isEmpty, "\(name): items left open")
        let output = last["response"]?["output"]?.arrayValue ?? []
        #expect(output == finished.sorted { $0.key < $1.key }.map(\.value), "\(name): terminal output")
        #expect(output.compactMap { $0["id"]?.stringValue } == added, "\(name): terminal output ids")
    }
}

@Suite("OpenAIResponses.StreamWriter")
struct StreamWriterTests {
    @Test("golden: a text answer, byte for byte")
    func goldenText() {
        let item = #"{"id":"msg_7a_0","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Hello, world"}],"role":"assistant"}"#
        let usage = #"{"input_tokens":12,"input_tokens_details":{"cached_tokens":8,"cache_write_tokens":0},"output_tokens":3,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":15}"#
        let opening = envelope(id: "resp_7a", status: "in_progress", output: "[]", usage: "null")
        let expected = """
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":\(opening)}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":\(opening)}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_7a_0","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_7a_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_7a_0","output_index":0,"content_index":0,"delta":"Hello","logprobs":[]}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":5,"item_id":"msg_7a_0","output_index":0,"content_index":0,"delta":", world","logprobs":[]}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":6,"item_id":"msg_7a_0","output_index":0,"content_index":0,"text":"Hello, world","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":7,"item_id":"msg_7a_0","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"Hello, world"}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":8,"output_index":0,"item":\(item)}

            event: response.completed
            data: {"type":"response.completed","sequence_number":9,"response":\(envelope(id: "resp_7a", status: "completed", output: "[\(item)]", usage: usage))}


            """
        let actual = text(write(Transcripts.text, with: writer()))
        #expect(actual == expected)
    }

    @Test("every transcript keeps the stream invariants", arguments: Transcripts.all.map(\.0))
    func invariants(name: String) throws {
        let transcript = try #require(Transcripts.all.first { $0.0 == name }?.1)
        checkInvariants(try events(transcript), name)
    }

    @Test("two function calls: one function_call item each, output indices 0 and 1")
    func twoFunctionCalls() throws {
        let events = try events(Transcripts.twoFunctionCalls)
        #expect(
            events.map(\.type) == [
                "response.created", "response.in_progress",
                "response.output_item.added", "response.function_call_arguments.delta", "response.function_call_arguments.delta",
                "response.function_call_arguments.done", "response.output_item.done",
                "response.output_item.added", "response.function_call_arguments.delta",
                "response.function_call_arguments.done", "response.output_item.done",
                "response.completed",
            ])
        #expect(
            events[2]["item"]
                == ["id": "fc_01TwoCalls_0", "type": "function_call", "status": "in_progress", "arguments": "", "call_id": "call_A", "name": "get_weather"])
        #expect(events[5]["arguments"] == #"{"city":"Paris"}"#)
        #expect(events[5]["name"] == "get_weather")
        #expect(events[7]["output_index"] == 1)
        #expect(events[7]["item"]?["id"] == "fc_01TwoCalls_1")
        #expect(events[7]["item"]?["call_id"] == "call_B")
        #expect(events[10]["item"]?["arguments"] == #"{"tz":"Europe/Rome"}"#)
        #expect(events[10]["item"]?["status"] == "completed")
        let response = try #require(events.last?["response"])
        #expect(response["status"] == "completed")
        #expect(response["id"] == "resp_01TwoCalls")
        #expect(response["output"]?.arrayValue?.map { $0["call_id"] } == ["call_A", "call_B"])
        #expect(response["usage"]?["total_tokens"] == 110)
    }

    @Test("interleaved argument fragments go to the right item")
    func interleaved() throws {
        let events = try events(Transcripts.interleavedCalls)
        let deltas = events.filter { $0.type == "response.function_call_arguments.delta" }
        #expect(deltas.map { $0["item_id"] } == ["fc_mix_0", "fc_mix_1", "fc_mix_0"])
        #expect(deltas.map { $0["output_index"] } == [0, 1, 0])
        let output = try #require(events.last?["response"]?["output"]?.arrayValue)
        #expect(output.map { $0["arguments"] } == [#"{"x":1}"#, #"{"y":2}"#])
        #expect(events.last?["response"]?["usage"] == .null)
    }

    @Test("text then a function call: output indices count items, not canonical blocks")
    func textThenFunctionCall() throws {
        let events = try events(Transcripts.textThenFunctionCall)
        #expect(
            events.map(\.type) == [
                "response.created", "response.in_progress",
                "response.output_item.added", "response.content_part.added", "response.output_text.delta",
                "response.output_text.done", "response.content_part.done", "response.output_item.done",
                "response.output_item.added", "response.function_call_arguments.delta", "response.function_call_arguments.done",
                "response.output_item.done", "response.completed",
            ])
        #expect(events[2]["output_index"] == 0)
        #expect(events[2]["item"]?["id"] == "msg_01Mixed_0")
        #expect(events[8]["output_index"] == 1)
        #expect(events[8]["item"]?["id"] == "fc_01Mixed_1")
        #expect(events[8]["item"]?["call_id"] == "toolu_01")
        #expect(
            events.last?["response"]?["usage"]
                == [
                    "input_tokens": 200, "input_tokens_details": ["cached_tokens": 150, "cache_write_tokens": 0], "output_tokens": 50,
                    "output_tokens_details": ["reasoning_tokens": 0], "total_tokens": 250,
                ])
    }

    @Test("thinking streams as a reasoning summary before the message; consecutive text blocks share one message")
    func thinking() throws {
        let events = try events(Transcripts.thinkingThenText)
        #expect(
            events.map(\.type) == [
                "response.created", "response.in_progress",
                "response.output_item.added", "response.reasoning_summary_part.added",
                "response.reasoning_summary_text.delta", "response.reasoning_summary_text.delta",
                "response.reasoning_summary_text.done", "response.reasoning_summary_part.done", "response.output_item.done",
                "response.output_item.added", "response.content_part.added", "response.output_text.delta", "response.output_text.delta",
                "response.output_text.done", "response.content_part.done", "response.output_item.done", "response.completed",
            ])
        #expect(events[2]["item"] == ["id": "rs_01Think_0", "type": "reasoning", "summary": []])
        #expect(events[3]["summary_index"] == 0)
        #expect(events[6]["text"] == "The user greets me. Greet back.")
        #expect(events[8]["item"]?["summary"] == [["type": "summary_text", "text": "The user greets me. Greet back."]])
        #expect(events[13]["text"] == "Hi! How can I help?")
        #expect(events.last?["response"]?["usage"]?["output_tokens_details"] == ["reasoning_tokens": 45])
    }

    @Test("a stop sequence completes normally")
    func stopSequence() throws {
        let response = try #require(try events(Transcripts.stopSequence).last)
        #expect(response.type == "response.completed")
        #expect(response["response"]?["status"] == "completed")
        #expect(response["response"]?["incomplete_details"] == .null)
    }

    @Test("max tokens: response.incomplete with the reason; the cut-off message is incomplete")
    func maxTokens() throws {
        let events = try events(Transcripts.maxTokens)
        let itemDone = try #require(events.first { $0.type == "response.output_item.done" })
        #expect(itemDone["item"]?["status"] == "incomplete")
        let last = try #require(events.last)
        #expect(last.type == "response.incomplete")
        #expect(last["response"]?["status"] == "incomplete")
        #expect(last["response"]?["incomplete_details"] == ["reason": "max_output_tokens"])
        #expect(last["response"]?["usage"]?["output_tokens"] == 3)
    }

    @Test("content filter and a provider error stop reason end as incomplete and failed")
    func otherTerminals() throws {
        let filtered = try events([.start(id: "x", model: "m"), .finish(.contentFilter, stopSequence: nil), .end])
        #expect(filtered.map(\.type) == ["response.created", "response.in_progress", "response.incomplete"])
        #expect(filtered.last?["response"]?["incomplete_details"] == ["reason": "content_filter"])
        let failed = try events([.start(id: "x", model: "m"), .finish(.error, stopSequence: nil), .end])
        #expect(failed.last?.type == "response.failed")
        #expect(failed.last?["response"]?["error"]?["code"] == "server_error")
    }

    @Test("an error mid-stream: response.failed with the error and the partial output, then nothing")
    func errorMidStream() throws {
        var writer = writer()
        var bytes: [UInt8] = []
        for event in Transcripts.errorMidStream { bytes += writer.write(event) }
        #expect(writer.write(.textDelta(index: 0, text: "late")).isEmpty)
        #expect(writer.write(.end).isEmpty)
        let events = try parse(bytes)
        #expect(
            events.map(\.type) == [
                "response.created", "response.in_progress", "response.output_item.added", "response.content_part.added",
                "response.output_text.delta", "response.failed",
            ])
        let response = try #require(events.last?["response"])
        #expect(response["status"] == "failed")
        #expect(response["error"] == ["code": "server_error", "message": "The provider closed the connection mid-stream."])
        #expect(response["output"]?.arrayValue?.first?["status"] == "incomplete")
        #expect(response["output"]?.arrayValue?.first?["content"]?.arrayValue?.first?["text"] == "Partial")
        #expect(response["usage"]?["input_tokens"] == 7)
        #expect(events.last?.sequenceNumber == 5)
    }

    @Test("a rate-limit error keeps OpenAI's rate_limit_exceeded code")
    func rateLimitError() throws {
        let events = try events([.start(id: "x", model: "m"), .error(GatewayError(.rateLimited(retryAfterSeconds: 3), "Slow down.", code: "rate_limited")), .end])
        #expect(events.map(\.type) == ["response.created", "response.in_progress", "response.failed"])
        #expect(events.last?["response"]?["error"]?["code"] == "rate_limit_exceeded")
        #expect(events.last?["response"]?["output"] == [])
    }

    @Test("a stream without .start still opens properly; .end without .finish completes")
    func lenientOpening() throws {
        let events = try events([.textDelta(index: 0, text: "hi"), .end])
        #expect(events.first?["response"]?["id"] == "resp_0")
        #expect(events.last?.type == "response.completed")
        checkInvariants(events, "lenient")
    }

    @Test("blocks left open at .end are closed before the terminal event")
    func openBlocksClosedAtEnd() throws {
        let events = try events([
            .start(id: "x", model: "m"), .blockStart(index: 0, kind: .thinking), .thinkingDelta(index: 0, text: "hm"),
            .blockStart(index: 1, kind: .toolCall(id: "c", name: "f")), .finish(.maxTokens, stopSequence: nil), .end,
        ])
        checkInvariants(events, "open at end")
        #expect(events.last?["response"]?["output"]?.arrayValue?.last?["status"] == "incomplete")
        #expect(events.last?["response"]?["output"]?.arrayValue?.last?["arguments"] == "{}")
    }

    @Test("the request's parameters are echoed in the streamed response objects")
    func echo() throws {
        let request = try decode(#"{"model":"m","input":"x","tools":[{"type":"function","name":"f"}],"tool_choice":"required","temperature":0.3}"#)
        let writer = OpenAIResponses.StreamWriter(clientModel: "alias", request: request, createdAt: 42)
        let events = try parse(write(Transcripts.text, with: writer))
        for event in [events[0], events[1], events[events.count - 1]] {
            let response = try #require(event["response"])
            #expect(response["model"] == "alias")
            #expect(response["created_at"] == 42)
            #expect(response["tool_choice"] == "required")
            #expect(response["temperature"] == .number("0.3"))
            #expect(response["tools"]?.arrayValue?.first?["name"] == "f")
        }
    }

    @Test("streamed and non-streamed answers to the same reply carry the same output")
    func streamMatchesNonStream() throws {
        let streamed = try #require(try events(Transcripts.textThenFunctionCall).last?["response"])
        let response = ChatResponse(
            id: "msg_01Mixed", model: "claude", created: createdAt,
            blocks: [
                .thinking(Thinking(text: "", signature: "EqQB")), .text("Let me check."),
                .toolCall(ToolCall(id: "toolu_01", name: "get_weather", arguments: #"{"city":"Oslo"}"#)),
            ],
            stopReason: .toolUse, usage: Usage(inputTokens: 200, outputTokens: 50, cachedInputTokens: 150))
        #expect(OpenAIResponses.encodeResponse(response, clientModel: "openai/gpt-4.1") == streamed)
    }
}

@Suite("OpenAIResponses.StreamWriter through SSEParser")
struct StreamWriterParsingTests {
    @Test("every event's type equals its event: line, whole and split at every byte")
    func splitEverywhere() throws {
        var all: [UInt8] = []
        for (_, transcript) in Transcripts.all { all += write(transcript, with: writer()) }
        let whole = try parse(all)
        #expect(whole.count > 60)
        for event in whole { #expect(event.name == event.type) }
        let sample = write(Transcripts.textThenFunctionCall, with: writer())
        let reference = try parse(sample)
        for split in 0...sample.count {
            let parsed = try parse([Array(sample[..<split]), Array(sample[split...])])
            #expect(parsed.map(\.payload) == reference.map(\.payload), "split at \(split)")
            #expect(parsed.map(\.name) == reference.map(\.name), "split at \(split)")
        }
        let byteByByte = try parse(sample.map { [$0] })
        #expect(byteByByte.map(\.payload) == reference.map(\.payload))
    }

    @Test("JSON text with newlines stays on one data: line")
    func newlinesEscaped() throws {
        let bytes = write([.start(id: "x", model: "m"), .textDelta(index: 0, text: "line 1\nline 2\r\n\"q\""), .end], with: writer())
        let events = try parse(bytes)
        #expect(events.first { $0.type == "response.output_text.delta" }?["delta"] == "line 1\nline 2\r\n\"q\"")
        #expect(!text(bytes).contains("\ndata: line 2"))
    }
}

@Suite("OpenAIResponses.CompactStreamWriter")
struct CompactStreamWriterTests {
    @Test("only the text deltas' bytes, nothing else")
    func textOnly() {
        var writer = OpenAIResponses.CompactStreamWriter()
        var bytes: [UInt8] = []
        for event in Transcripts.thinkingThenText + Transcripts.twoFunctionCalls { bytes += writer.write(event) }
        #expect(text(bytes) == "Hi! How can I help?")
        #expect(writer.usage == Usage(inputTokens: 80, outputTokens: 30))
        #expect(writer.stopReason == .toolUse)
    }

    @Test("UTF-8 passes through; an error is kept for the edge, not written")
    func utf8AndError() {
        var writer = OpenAIResponses.CompactStreamWriter()
        var bytes: [UInt8] = []
        for event in [StreamEvent.start(id: "x", model: "m"), .textDelta(index: 0, text: "Grüße 👋")] + Transcripts.errorMidStream {
            bytes += writer.write(event)
        }
        #expect(bytes == Array("Grüße 👋Partial".utf8))
        #expect(writer.error?.code == "upstream_error")
    }
}
