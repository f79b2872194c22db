import Dialects
import Testing

@Suite("JSONParser.indexObject")
struct IndexObjectTests {
    static let source = Array(
        #"{ "model" : "gpt-4o" , "n":1.50,"messages":[{"role":"user","content":"a\"b"}],"flag":true,"off":false,"nil":null, "obj" : {"a":[1,2]} ,"s\u00e9":"x","neg":-0}"#
            .utf8)

    @Test("members carry decoded keys, kinds and exact byte ranges")
    func members() throws {
        let members = try JSONParser.indexObject(Self.source)
        let expected: [(key: String, kind: JSONParser.Kind, value: String, member: String)] = [
            ("model", .string, #""gpt-4o""#, #""model" : "gpt-4o""#),
            ("n", .number, "1.50", #""n":1.50"#),
            ("messages", .array, #"[{"role":"user","content":"a\"b"}]"#, #""messages":[{"role":"user","content":"a\"b"}]"#),
            ("flag", .bool, "true", #""flag":true"#),
            ("off", .bool, "false", #""off":false"#),
            ("nil", .null, "null", #""nil":null"#),
            ("obj", .object, #"{"a":[1,2]}"#, #""obj" : {"a":[1,2]}"#),
            ("sé", .string, #""x""#, #""s\u00e9":"x""#),
            ("neg", .number, "-0", #""neg":-0"#),
        ]
        #expect(members.count == expected.count)
        for (member, want) in zip(members, expected) {
            #expect(member.key == want.key)
            #expect(member.kind == want.kind, "\(want.key)")
            #expect(text(Self.source[member.valueRange]) == want.value)
            #expect(text(Self.source[member.memberRange]) == want.member)
            #expect(member.memberRange.upperBound == member.valueRange.upperBound)
            // Each value slice is itself a complete JSON document equal to the parsed member.
            let parsed = try JSONParser.parse(Array(Self.source[member.valueRange]))
            #expect(try JSONParser.parse(Self.source)[want.key] == parsed)
        }
    }

    @Test("ranges are exact even with whitespace around the top-level object")
    func surroundingWhitespace() throws {
        let source = Array("\n\t {\"a\" :\t[ 1 ]\n}\r\n ".utf8)
        let members = try JSONParser.indexObject(source)
        let member = try #require(members.first)
        #expect(members.count == 1)
        #expect(text(source[member.valueRange]) == "[ 1 ]")
        #expect(text(source[member.memberRange]) == "\"a\" :\t[ 1 ]")
        #expect(member.kind == .array)
    }

    @Test("empty objects and duplicate keys")
    func emptyAndDuplicates() throws {
        #expect(try JSONParser.indexObject(Array("{}".utf8)).isEmpty)
        #expect(try JSONParser.indexObject(Array(" { } ".utf8)).isEmpty)
        let duplicates = try JSONParser.indexObject(Array(#"{"a":1,"a":2}"#.utf8))
        #expect(duplicates.map(\.key) == ["a", "a"])
        #expect(duplicates.map(\.valueRange) == [5..<6, 11..<12])
    }

    @Test("a top level that is not an object is rejected", arguments: ["[]", "[{}]", "\"s\"", "1", "null", "true", " [ ] "])
    func notAnObject(document: String) throws {
        let error = try #require(indexError(Array(document.utf8)))
        #expect(error.message == "expected a JSON object")
    }

    @Test(
        "nested values are validated although not built",
        arguments: [
            (#"{"a":[1,]}"#, "unexpected character"),
            (#"{"a":{"b":01}}"#, "expected ',' or '}' in an object"),
            (#"{"a":"\ud800"}"#, "lone surrogate in a \\u escape"),
            (#"{"a":{"b":"\q"}}"#, "invalid escape"),
            (#"{"a":[tru]}"#, "invalid literal"),
            (#"{"a":{"b" 1}}"#, "expected ':' after a member name"),
            (#"{"a":{1:1}}"#, "expected a member name"),
            (#"{"a":[1 2]}"#, "expected ',' or ']' in an array"),
            (#"{"a":1.}"#, "invalid number"),
            (#"{"a":1}}"#, "unexpected data after the JSON value"),
            (#"{"a":1,}"#, "expected a member name"),
            (#"{"a":1"#, "unexpected end of input"),
            (#"{"a" 1}"#, "expected ':' after a member name"),
            (#"{"a":1 "b":2}"#, "expected ',' or '}' in an object"),
            ("{\"a\":[\"x\ty\"]}", "control character in a string"),
        ])
    func nestedValidation(document: String, message: String) throws {
        let error = try #require(indexError(Array(document.utf8)))
        #expect(error.message == message)
    }

    @Test("invalid UTF-8 in nested strings and keys is rejected")
    func nestedUTF8() throws {
        let nested = Array(#"{"a":["#.utf8) + [0x22, 0xED, 0xA0, 0x80, 0x22] + Array("]}".utf8)
        #expect(indexError(nested)?.message == "invalid UTF-8")
        let nestedKey = Array(#"{"a":{"#.utf8) + [0x22, 0xC0, 0x80, 0x22] + Array(":1}}".utf8)
        #expect(indexError(nestedKey)?.message == "invalid UTF-8")
        let topKey = [0x7B, 0x22, 0xF5, 0x22] + Array(":1}".utf8)
        #expect(indexError(topKey)?.message == "invalid UTF-8")
    }

    @Test("indexObject and parse agree on random well-formed and corrupted documents")
    func agreesWithParse() throws {
        var generator = SplitMix64(seed: 2024)
        let base = Self.source
        for _ in 0..<3_000 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: index)
                default: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: index)
                }
                if bytes.isEmpty { bytes = [0x7B] }
            }
            let parsed = try? JSONParser.parse(bytes)
            let indexed = try? JSONParser.indexObject(bytes)
            if case .object(let members)? = parsed {
                let index = try #require(indexed, "parse accepted what indexObject rejected: \(text(bytes))")
                #expect(index.map(\.key) == members.map(\.0))
                for (member, (_, value)) in zip(index, members) {
                    #expect(try JSONParser.parse(Array(bytes[member.valueRange])) == value)
                }
            } else {
                #expect(indexed == nil, "indexObject accepted what parse rejected: \(text(bytes))")
            }
        }
    }
}
