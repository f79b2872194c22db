import AnthropicCodec
import Conversation
import Dialects
import Testing
import TokModelCore

@Suite("StreamWriter golden transcripts")
struct StreamWriterGoldenTests {
    /// Anthropic provider → canonical (reader) → Anthropic client (writer), compared byte for byte.
    @Test("Anthropic streams relayed through the canonical model", arguments: [
        (ProviderTranscripts.text, ClientTranscripts.text),
        (ProviderTranscripts.thinkingTextTool, ClientTranscripts.thinkingTextTool),
        (ProviderTranscripts.cachedUsage, ClientTranscripts.cachedUsage),
        (ProviderTranscripts.errorMidStream, ClientTranscripts.errorMidStream),
    ])
    func relayed(_ provider: String, _ expected: String) throws {
        let output = write(try read(provider))
        #expect(output == expected)
        _ = try accumulate(output)
    }

    @Test("an OpenAI-style stream (usage only at the end, parallel tool calls) becomes a valid Anthropic stream")
    func openAIStyle() throws {
        let output = write(ClientTranscripts.openAIStyle(finish: .toolUse))
        #expect(output == ClientTranscripts.openAIStyleRelayed)
        let message = try accumulate(output)
        #expect(message.blocks.map(\.type) == ["text", "tool_use", "tool_use"])
        #expect(message.blocks.map(\.inputJSON) == ["", #"{"city":"Paris"}"#, #"{"zone":"Asia/Tokyo"}"#])
        #expect(message.stopReason == "tool_use")
        #expect(message.usage == ["input_tokens": 20, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 100, "output_tokens": 40])
    }

    @Test("tool calls end in tool_use even when the provider said it stopped normally")
    func toolCallsOverrideEndTurn() throws {
        for reason in [StopReason.endTurn, .other("function_call"), .error] {
            let output = write(ClientTranscripts.openAIStyle(finish: reason))
            #expect(output == ClientTranscripts.openAIStyleRelayed, "\(reason)")
        }
    }

    @Test("two tool_use blocks, max_tokens and stop_sequence streams keep their shape and stop reason", arguments: [
        (ProviderTranscripts.twoTools, "tool_use", nil as String?, ["tool_use", "tool_use"]),
        (ProviderTranscripts.maxTokens, "max_tokens", nil, ["text"]),
        (ProviderTranscripts.stopSequence, "stop_sequence", "4", ["text"]),
    ])
    func shapes(_ provider: String, _ stopReason: String, _ stopSequence: String?, _ blocks: [String]) throws {
        let message = try accumulate(write(try read(provider)))
        #expect(message.stopReason == stopReason)
        #expect(message.stopSequence == stopSequence)
        #expect(message.blocks.map(\.type) == blocks)
    }

    @Test("two tool_use blocks relayed keep ids, names and complete inputs")
    func twoTools() throws {
        let message = try accumulate(write(try read(ProviderTranscripts.twoTools)))
        #expect(message.blocks.map(\.id) == ["toolu_01Paris", "toolu_01Tokyo"])
        #expect(message.blocks.map(\.name) == ["get_weather", "get_time"])
        #expect(message.blocks.map(\.inputJSON) == [#"{"city":"Paris"}"#, #"{"zone":"Asia/Tokyo"}"#])
        #expect(message.usage["input_tokens"] == 530 && message.usage["output_tokens"] == 64)
    }

    @Test("every provider transcript, fed at every split, relays to the same bytes")
    func relayIsSplitIndependent() throws {
        for transcript in [ProviderTranscripts.thinkingTextTool, ProviderTranscripts.skippedBlocks] {
            let expected = write(try read(transcript))
            _ = try accumulate(expected)
            for feeding in feedings(of: Array(transcript.utf8)) {
                let output = write(try read(feeding.chunks))
                #expect(output == expected, "\(feeding.name)")
                if output != expected { return }
            }
        }
    }
}

@Suite("StreamWriter sequencing")
struct StreamWriterSequencingTests {
    @Test("blocks a provider interleaves are written one after the other, buffered, with indices 0, 1")
    func interleavedToolCalls() throws {
        let events: [StreamEvent] = [
            .start(id: "chatcmpl-1", model: "m"),
            .blockStart(index: 0, kind: .toolCall(id: "call_A", name: "a")),
            .blockStart(index: 1, kind: .toolCall(id: "call_B", name: "b")),
            .toolArgumentsDelta(index: 1, json: #"{"b":2}"#),
            .toolArgumentsDelta(index: 0, json: #"{"a":"#),
            .blockStop(index: 1),
            .toolArgumentsDelta(index: 0, json: "1}"),
            .blockStop(index: 0),
            .finish(.toolUse, stopSequence: nil),
            .end,
        ]
        let message = try accumulate(write(events))
        #expect(message.blocks.map(\.id) == ["call_A", "call_B"])
        #expect(message.blocks.map(\.inputJSON) == [#"{"a":1}"#, #"{"b":2}"#])
        #expect(message.stopReason == "tool_use")
        #expect(message.usage == ["input_tokens": 0, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 0])
    }

    @Test("canonical indices that skip numbers still give contiguous Anthropic indices")
    func renumbering() throws {
        let events: [StreamEvent] = [
            .start(id: "x", model: "m"),
            .blockStart(index: 3, kind: .text), .textDelta(index: 3, text: "a"), .blockStop(index: 3),
            .blockStart(index: 7, kind: .toolCall(id: "call_1", name: "f")), .toolArgumentsDelta(index: 7, json: "{}"), .blockStop(index: 7),
            .finish(.toolUse, stopSequence: nil), .end,
        ]
        let message = try accumulate(write(events))
        #expect(message.blocks.map(\.type) == ["text", "tool_use"])
        #expect(message.id == "msg_x")
    }

    @Test("blocks still open at finish are closed, buffered ones flushed complete")
    func closeAtFinish() throws {
        let events: [StreamEvent] = [
            .start(id: "msg_1", model: "m"),
            .blockStart(index: 0, kind: .text), .textDelta(index: 0, text: "Hi"),
            .blockStart(index: 1, kind: .toolCall(id: "call_1", name: "f")), .toolArgumentsDelta(index: 1, json: #"{"k":true}"#),
            .finish(.toolUse, stopSequence: nil), .usage(Usage(inputTokens: 5, outputTokens: 6)), .end,
        ]
        let message = try accumulate(write(events))
        #expect(message.blocks.map(\.type) == ["text", "tool_use"])
        #expect(message.blocks[0].text == "Hi")
        #expect(message.blocks[1].inputJSON == #"{"k":true}"#)
        #expect(message.usage["input_tokens"] == 5 && message.usage["output_tokens"] == 6)
    }

    @Test("deltas without a block start open a block of their kind; tool arguments without a call are dropped")
    func implicitBlocks() throws {
        let events: [StreamEvent] = [
            .start(id: "msg_1", model: "m"),
            .thinkingDelta(index: 0, text: "hmm"), .blockStop(index: 0),
            .toolArgumentsDelta(index: 1, json: "{}"),
            .textDelta(index: 2, text: "Answer"), .blockStop(index: 2),
            .textDelta(index: 0, text: "late delta for a closed block"),
            .finish(.endTurn, stopSequence: nil), .end,
        ]
        let message = try accumulate(write(events))
        #expect(message.blocks.map(\.type) == ["thinking", "text"])
        #expect(message.blocks.map(\.text) == ["hmm", "Answer"])
        #expect(message.stopReason == "end_turn")
    }

    @Test("deltas that do not fit their block's kind, and empty deltas, are not written")
    func mismatchedDeltas() throws {
        let output = write([
            .start(id: "msg_1", model: "m"),
            .blockStart(index: 0, kind: .text), .toolArgumentsDelta(index: 0, json: "{}"), .thinkingSignature(index: 0, signature: "s"),
            .textDelta(index: 0, text: ""), .textDelta(index: 0, text: "ok"), .blockStop(index: 0),
            .finish(.endTurn, stopSequence: nil), .end,
        ])
        let message = try accumulate(output)
        #expect(message.blocks == [.init(type: "text", text: "ok")])
        #expect(message.eventNames.filter { $0 == "content_block_delta" }.count == 1)
    }

    @Test("thinking from a provider without signatures is a thinking block with an empty signature")
    func unsignedThinking() throws {
        let message = try accumulate(
            write([
                .start(id: "c", model: "m"), .blockStart(index: 0, kind: .thinking), .thinkingDelta(index: 0, text: "Reasoning."),
                .blockStop(index: 0), .blockStart(index: 1, kind: .text), .textDelta(index: 1, text: "Hi"), .blockStop(index: 1),
                .finish(.endTurn, stopSequence: nil), .end,
            ]))
        #expect(message.blocks.map(\.type) == ["thinking", "text"])
        #expect(message.blocks[0].signature == "")
    }
}

@Suite("StreamWriter message events")
struct StreamWriterMessageTests {
    @Test("an answer with no content is still message_start, message_delta, message_stop")
    func emptyAnswer() throws {
        let output = write([.start(id: "msg_e", model: "m"), .finish(.endTurn, stopSequence: nil), .usage(Usage(inputTokens: 3, outputTokens: 1)), .end])
        let message = try accumulate(output)
        #expect(message.eventNames == ["message_start", "ping", "message_delta", "message_stop"])
        #expect(message.blocks.isEmpty)
        #expect(message.stopReason == "end_turn")
    }

    @Test("tool_use as the stop reason without any tool call becomes end_turn; max_tokens wins over tool calls")
    func stopReasonFollowsContent() throws {
        let noCalls = try accumulate(write([.start(id: "a", model: "m"), .finish(.toolUse, stopSequence: nil), .end]))
        #expect(noCalls.stopReason == "end_turn")
        var events = ClientTranscripts.openAIStyle(finish: .maxTokens)
        events.removeAll { if case .usage = $0 { true } else { false } }
        let truncated = try accumulate(write(events))
        #expect(truncated.stopReason == "max_tokens")
        #expect(truncated.usage["output_tokens"] == 0)
    }

    @Test("canonical stop reasons as Anthropic stop reasons", arguments: [
        (StopReason.endTurn, "end_turn", nil as String?), (.stopSequence, "stop_sequence", "STOP"), (.maxTokens, "max_tokens", nil),
        (.contentFilter, "refusal", nil), (.pause, "pause_turn", nil), (.contextWindow, "model_context_window_exceeded", nil),
        (.other("weird"), "end_turn", nil),
    ])
    func stopReasons(_ reason: StopReason, _ wire: String, _ sequence: String?) throws {
        let message = try accumulate(write([.start(id: "a", model: "m"), .finish(reason, stopSequence: "STOP"), .end]))
        #expect(message.stopReason == wire)
        #expect(message.stopSequence == sequence)
    }

    @Test("without .start, message_start is still first, with a fresh msg_ id")
    func missingStart() throws {
        let message = try accumulate(write([.blockStart(index: 0, kind: .text), .textDelta(index: 0, text: "x"), .blockStop(index: 0), .end]))
        #expect(message.id.hasPrefix("msg_") && message.id.count > 10)
        #expect(message.stopReason == "end_turn")
    }

    @Test("usage sent before the first content is in message_start; later usage in message_delta")
    func usagePlacement() throws {
        let output = write([
            .start(id: "msg_u", model: "m"), .usage(Usage(inputTokens: 100, outputTokens: 1, cachedInputTokens: 60, cacheWriteInputTokens: 30)),
            .blockStart(index: 0, kind: .text), .textDelta(index: 0, text: "x"), .blockStop(index: 0),
            .usage(Usage(inputTokens: 100, outputTokens: 9, cachedInputTokens: 60, cacheWriteInputTokens: 30)),
            .finish(.endTurn, stopSequence: nil), .end,
        ])
        #expect(
            output.hasPrefix(
                #"event: message_start"# + "\n"
                    + #"data: {"type":"message_start","message":{"id":"msg_u","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":10,"cache_creation_input_tokens":30,"cache_read_input_tokens":60,"output_tokens":1}}}"#
                    + "\n\n"))
        let message = try accumulate(output)
        #expect(message.usage == ["input_tokens": 10, "cache_creation_input_tokens": 30, "cache_read_input_tokens": 60, "output_tokens": 9])
    }

    @Test("an error before any content is a lone error event; nothing is written after an error or the end")
    func errorAndEnd() throws {
        var writer = AnthropicMessages.StreamWriter(clientModel: "c", includeUsage: true)
        let failure = GatewayError(.upstreamFailed, "The provider failed.", code: "upstream_error")
        #expect(
            text(writer.write(.error(failure)))
                == "event: error\n" + #"data: {"type":"error","error":{"type":"api_error","message":"The provider failed."}}"# + "\n\n")
        #expect(writer.write(.end).isEmpty)
        #expect(writer.write(.textDelta(index: 0, text: "x")).isEmpty)

        var finished = AnthropicMessages.StreamWriter(clientModel: "c", includeUsage: false)
        #expect(!finished.write(.end).isEmpty)
        #expect(finished.write(.end).isEmpty)
        #expect(finished.write(.start(id: "again", model: "m")).isEmpty)
    }

    @Test("tool-call ids are made valid Anthropic ids; a missing id is minted")
    func toolIDs() throws {
        let message = try accumulate(
            write([
                .start(id: "g", model: "m"),
                .blockStart(index: 0, kind: .toolCall(id: "functions.Bash:0", name: "Bash")), .blockStop(index: 0),
                .blockStart(index: 1, kind: .toolCall(id: "", name: "Read")), .blockStop(index: 1),
                .finish(.toolUse, stopSequence: nil), .end,
            ]))
        let ids = message.blocks.compactMap(\.id)
        #expect(ids.count == 2)
        #expect(ids.allSatisfy(isAnthropicID))
        #expect(ids[0].hasPrefix("functions_Bash_0_"))
        #expect(ids[1].hasPrefix("toolu_"))
    }
}
