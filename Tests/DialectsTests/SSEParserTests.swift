import Dialects
import Testing

private func feedAll(_ chunks: [[UInt8]], finish: Bool = true) throws -> [SSEEvent] {
    var parser = SSEParser()
    var events: [SSEEvent] = []
    for chunk in chunks { events += try parser.feed(chunk) }
    if finish, let last = parser.finish() { events.append(last) }
    return events
}

private func event(_ data: String, _ name: String? = nil) -> SSEEvent {
    SSEEvent(event: name, data: Array(data.utf8))
}

@Suite("SSEParser")
struct SSEParserTests {
    static let transcript = """
        : this is a comment

        event: ping
        data: {"a":1}

        data:no-space

        data: line1
        data: line2
        data:
        data: line4

        id: 7
        retry: 100
        data: x
        : a comment inside an event
        unknown: field

        data:  two spaces
        data

        event: only-event-no-data

        data: [DONE]


        """

    static let expected: [SSEEvent] = [
        event(#"{"a":1}"#, "ping"),
        event("no-space"),
        event("line1\nline2\n\nline4"),
        event("x"),
        event(" two spaces\n"),
        event("[DONE]"),
    ]

    @Test("a transcript gives the same events however it is split", arguments: ["\n", "\r\n", "\r"])
    func splits(lineEnding: String) throws {
        let bytes = Array(Self.transcript.replacing("\n", with: lineEnding).utf8)
        #expect(bytes.count > 100)
        for (name, chunks) in feedings(of: bytes) {
            #expect(try feedAll(chunks) == Self.expected, "\(name)")
        }
    }

    @Test("bytes without contiguous storage parse the same, in any split")
    func nonContiguousSequences() throws {
        let bytes = Array(Self.transcript.replacing("\n", with: "\r\n").utf8)
        for (name, chunks) in feedings(of: bytes) {
            var parser = SSEParser()
            var events: [SSEEvent] = []
            for chunk in chunks { events += try parser.feed(AnySequence(chunk)) }
            if let last = parser.finish() { events.append(last) }
            #expect(events == Self.expected, "\(name)")
        }
    }

    @Test("mixed line endings")
    func mixedLineEndings() throws {
        let bytes = Array("data: a\r\ndata: b\rdata: c\n\r\ndata: d\r\r".utf8)
        for (name, chunks) in feedings(of: bytes) {
            #expect(try feedAll(chunks, finish: false) == [event("a\nb\nc"), event("d")], "\(name)")
        }
    }

    @Test("events are returned as soon as their blank line arrives")
    func incremental() throws {
        var parser = SSEParser()
        #expect(try parser.feed(Array("data: one\n".utf8)).isEmpty)
        #expect(try parser.feed(Array("\ndata: tw".utf8)) == [event("one")])
        #expect(try parser.feed(Array("o\n\ndata: three\n\n".utf8)) == [event("two"), event("three")])
        #expect(parser.finish() == nil)
    }

    @Test("finish flushes a final event that has no blank line")
    func finish() throws {
        var parser = SSEParser()
        #expect(try parser.feed(Array("data: a\n\ndata: tail".utf8)) == [event("a")])
        #expect(parser.finish() == event("tail"))
        #expect(parser.finish() == nil)

        var withNewline = SSEParser()
        #expect(try withNewline.feed(Array("event: e\ndata: tail\n".utf8)).isEmpty)
        #expect(withNewline.finish() == event("tail", "e"))

        var nothing = SSEParser()
        #expect(try nothing.feed(Array(": comment only".utf8)).isEmpty)
        #expect(nothing.finish() == nil)

        var noData = SSEParser()
        #expect(try noData.feed(Array("event: e".utf8)).isEmpty)
        #expect(noData.finish() == nil)
    }

    @Test("the parser can be reused after finish")
    func reuse() throws {
        var parser = SSEParser()
        _ = try parser.feed(Array("event: a\ndata: 1".utf8))
        #expect(parser.finish() == event("1", "a"))
        #expect(try parser.feed(Array("data: 2\n\n".utf8)) == [event("2")])
    }

    @Test("a line longer than the limit is refused")
    func overflow() throws {
        var parser = SSEParser()
        parser.maxLineBytes = 10
        #expect(try parser.feed(Array("data: 1234\n\n".utf8)) == [event("1234")])
        #expect(throws: SSEParser.Overflow.self) { try parser.feed(Array("data: 12345".utf8)) }
    }

    @Test("isDone recognises exactly [DONE]", arguments: [("[DONE]", true), ("[DONE] ", false), (" [DONE]", false), ("[done]", false), ("", false), ("[DONE]\n", false)])
    func isDone(data: String, expected: Bool) {
        #expect(event(data).isDone == expected)
    }

    @Test("dataString decodes the data")
    func dataString() {
        #expect(event("héllo\nworld").dataString == "héllo\nworld")
    }

    @Test("encoded() writes the wire form")
    func encoded() {
        #expect(text(event("a\nb", "e").encoded()) == "event: e\ndata: a\ndata: b\n\n")
        #expect(text(event("x").encoded()) == "data: x\n\n")
        #expect(text(event("").encoded()) == "data: \n\n")
        #expect(text(event("a\n").encoded()) == "data: a\ndata: \n\n")
    }

    @Test("encoded() round-trips through the parser")
    func encodedRoundTrip() throws {
        let events = Self.expected + [
            event(""), event("\n"), event(" leading space"), event("a: b"), event("\n\nx\n"), event("é😀", "naïve"), event(":colon first"),
        ]
        for original in events {
            #expect(try feedAll([original.encoded()], finish: false) == [original])
        }
        let all = events.flatMap { $0.encoded() }
        for (name, chunks) in feedings(of: all) where name.hasPrefix("random") || name == "byte by byte" {
            #expect(try feedAll(chunks, finish: false) == events, "\(name)")
        }
    }
}
