import Dialects
import Testing

@Suite("JSONParser.parse")
struct JSONParserTests {
    @Test(
        "compact documents round-trip byte for byte through JSONWriter",
        arguments: [
            #"{"b":1,"a":[1.50,-0,1e400,-1.5E+10,0.0,1e-7,12345678901234567890123],"c":{"z":null,"y":true,"x":false},"d":"text","e":[],"f":{}}"#,
            #"[]"#,
            #"{}"#,
            #"1.50"#,
            #"-0"#,
            #"1e400"#,
            #"-0.0e-0"#,
            #""plain""#,
            #"null"#,
            #"true"#,
            #"[[[[]]],{"":{"":[null]}}]"#,
            #"{"a":1,"a":2}"#,
            #"{"é":"ü","emoji":"😀","cjk":"漢字"}"#,
        ])
    func roundTrip(document: String) throws {
        let value = try JSONParser.parse(document)
        #expect(JSONWriter.string(value) == document)
        #expect(try JSONParser.parse(Array(document.utf8)) == value)
    }

    @Test("member order, duplicates and number text are kept exactly")
    func orderAndNumbers() throws {
        let value = try JSONParser.parse(#" { "z" : 1.50 , "a" : [ -0 , 1e400 , 2E-3 ] , "m" : 1 , "z" : 10 } "#)
        let members = try #require(value.objectValue)
        #expect(members.map(\.0) == ["z", "a", "m", "z"])
        #expect(members[0].1 == .number("1.50"))
        #expect(members[1].1 == .array([.number("-0"), .number("1e400"), .number("2E-3")]))
        #expect(value["z"] == .number("10"))  // lookups see the last duplicate
        #expect(JSONWriter.string(value) == #"{"z":1.50,"a":[-0,1e400,2E-3],"m":1,"z":10}"#)
    }

    @Test("whitespace of every allowed kind is skipped")
    func whitespace() throws {
        let value = try JSONParser.parse(" \t\r\n[ 1 ,\t2\r\n,\n3 ] \n")
        #expect(value == [1, 2, 3])
    }

    @Test("every escape decodes")
    func escapes() throws {
        let value = try JSONParser.parse(#""\"\\\/\b\f\n\r\t\u00e9\u00E9\ud83d\ude00\uD83D\uDE00\u0000\u001f\uffff""#)
        #expect(value == .string("\"\\/\u{08}\u{0C}\n\r\t\u{E9}\u{E9}\u{1F600}\u{1F600}\u{0}\u{1F}\u{FFFF}"))
        // Escaped and raw forms decode to the same string, also in keys.
        let object = try JSONParser.parse(#"{"caf\u00e9":"\ud83d\ude00 x","café":"😀 x"}"#)
        let members = try #require(object.objectValue)
        #expect(members[0].0 == "café")
        #expect(members[0].0 == members[1].0)
        #expect(members[0].1 == members[1].1)
        // Escapes after a run of plain text, and plain text after escapes.
        #expect(try JSONParser.parse(#""abc\ndef\tghi""#) == .string("abc\ndef\tghi"))
    }

    @Test(
        "UTF-8 boundary scalars are accepted raw",
        arguments: [
            ([0xC2, 0x80], 0x80),
            ([0xDF, 0xBF], 0x7FF),
            ([0xE0, 0xA0, 0x80], 0x800),
            ([0xED, 0x9F, 0xBF], 0xD7FF),
            ([0xEE, 0x80, 0x80], 0xE000),
            ([0xEF, 0xBF, 0xBF], 0xFFFF),
            ([0xF0, 0x90, 0x80, 0x80], 0x10000),
            ([0xF4, 0x8F, 0xBF, 0xBF], 0x10FFFF),
        ] as [([UInt8], UInt32)])
    func utf8Boundaries(encoded: [UInt8], scalar: UInt32) throws {
        let document = [0x22] + encoded + [0x22]
        let expected = String(Character(try #require(Unicode.Scalar(scalar))))
        #expect(try JSONParser.parse(document) == .string(expected))
        #expect(try JSONParser.indexObject(Array(#"{"k":"#.utf8) + document + [0x7D]).count == 1)
    }

    struct Rejection: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var message: String
        var offset: Int?
        init(_ name: String, _ text: String, _ message: String, offset: Int? = nil) {
            self.init(name, Array(text.utf8), message, offset: offset)
        }
        init(_ name: String, _ bytes: [UInt8], _ message: String, offset: Int? = nil) {
            self.name = name
            self.bytes = bytes
            self.message = message
            self.offset = offset
        }
        var testDescription: String { name }
    }

    static let rejections: [Rejection] = [
        Rejection("empty input", "", "unexpected end of input", offset: 0),
        Rejection("whitespace only", " \t\r\n ", "unexpected end of input", offset: 5),
        Rejection("trailing garbage", "{} x", "unexpected data after the JSON value", offset: 3),
        Rejection("two values", "[1] [2]", "unexpected data after the JSON value", offset: 4),
        Rejection("trailing comma in an array", "[1,]", "unexpected character", offset: 3),
        Rejection("trailing comma in an object", #"{"a":1,}"#, "expected a member name", offset: 7),
        Rejection("leading zero", "01", "unexpected data after the JSON value", offset: 1),
        Rejection("leading zero in an array", "[01]", "expected ',' or ']' in an array", offset: 2),
        Rejection("negative leading zero", "-01", "unexpected data after the JSON value", offset: 2),
        Rejection("plus sign", "+1", "unexpected character", offset: 0),
        Rejection("leading dot", ".5", "unexpected character", offset: 0),
        Rejection("trailing dot", "1.", "invalid number"),
        Rejection("minus alone", "-", "invalid number"),
        Rejection("minus then letter", "-a", "unexpected character"),
        Rejection("empty exponent", "1e", "invalid number"),
        Rejection("signed empty exponent", "1e+", "invalid number"),
        Rejection("dot before exponent", "1.e5", "invalid number"),
        Rejection("hex number", "0x10", "unexpected data after the JSON value"),
        Rejection("NaN", "NaN", "unexpected character"),
        Rejection("Infinity", "-Infinity", "unexpected character"),
        Rejection("number too long", "1" + String(repeating: "0", count: 600), "number too long"),
        Rejection("unterminated string", #""abc"#, "unterminated string"),
        Rejection("unterminated string after escape", #""a\n"#, "unterminated string"),
        Rejection("unterminated escape", #""ab\"#, "unterminated escape"),
        Rejection("raw control character", "\"a\u{01}b\"", "control character in a string", offset: 2),
        Rejection("raw newline", "\"a\nb\"", "control character in a string"),
        Rejection("raw tab", "\"a\tb\"", "control character in a string"),
        Rejection("raw NUL after an escape", "\"\\n\u{0}\"", "control character in a string"),
        Rejection("invalid escape", #""\x""#, "invalid escape"),
        Rejection("escaped single quote", #""\'""#, "invalid escape"),
        Rejection("uppercase U escape", #""\U00e9""#, "invalid escape"),
        Rejection("truncated \\u escape", #""\u12""#, "truncated \\u escape"),
        Rejection("non-hex \\u escape", #""\u12zz""#, "invalid \\u escape"),
        Rejection("lone high surrogate", #""\ud800""#, "lone surrogate in a \\u escape"),
        Rejection("lone low surrogate", #""\udc00""#, "lone surrogate in a \\u escape"),
        Rejection("high surrogate then text", #""\ud83dx""#, "lone surrogate in a \\u escape"),
        Rejection("high surrogate then a non-surrogate", #""\ud800\u0041""#, "invalid surrogate pair in a \\u escape"),
        Rejection("two high surrogates", #""\ud800\ud800""#, "invalid surrogate pair in a \\u escape"),
        Rejection("reversed surrogate pair", #""\ude00\ud83d""#, "lone surrogate in a \\u escape"),
        Rejection("overlong NUL in a string", [0x22, 0xC0, 0x80, 0x22], "invalid UTF-8", offset: 1),
        Rejection("overlong 2-byte in a string", [0x22, 0xC1, 0xBF, 0x22], "invalid UTF-8"),
        Rejection("overlong 3-byte in a string", [0x22, 0xE0, 0x80, 0x80, 0x22], "invalid UTF-8"),
        Rejection("overlong 4-byte in a string", [0x22, 0xF0, 0x80, 0x80, 0x80, 0x22], "invalid UTF-8"),
        Rejection("encoded surrogate in a string", [0x22, 0xED, 0xA0, 0x80, 0x22], "invalid UTF-8"),
        Rejection("0xF5 in a string", [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], "invalid UTF-8"),
        Rejection("above U+10FFFF in a string", [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "invalid UTF-8"),
        Rejection("0xFF in a string", [0x22, 0xFF, 0x22], "invalid UTF-8"),
        Rejection("lone continuation byte in a string", [0x22, 0x80, 0x22], "invalid UTF-8"),
        Rejection("truncated 3-byte sequence in a string", [0x22, 0xE2, 0x82, 0x22], "invalid UTF-8"),
        Rejection("truncated 2-byte sequence in a string", [0x22, 0xC3, 0x22], "invalid UTF-8"),
        Rejection("truncated sequence at end of input", [0x22, 0xE2, 0x82], "invalid UTF-8"),
        Rejection("truncated 4-byte sequence at end of input", [0x22, 0xF0, 0x9F, 0x98], "invalid UTF-8"),
        Rejection("invalid UTF-8 after an escape", [0x22, 0x5C, 0x6E, 0xC0, 0x80, 0x22], "invalid UTF-8"),
        Rejection("invalid UTF-8 in a key", [0x7B, 0x22, 0xC0, 0x80, 0x22, 0x3A, 0x31, 0x7D], "invalid UTF-8"),
        Rejection("overlong outside strings", [0xC0, 0x80], "unexpected character", offset: 0),
        Rejection("encoded surrogate outside strings", [0x5B, 0xED, 0xA0, 0x80, 0x5D], "unexpected character", offset: 1),
        Rejection("0xF5 after a value", [0x7B, 0x7D, 0xF5], "unexpected data after the JSON value", offset: 2),
        Rejection("byte order mark", [0xEF, 0xBB, 0xBF, 0x7B, 0x7D], "unexpected character", offset: 0),
        Rejection("unclosed array", "[", "unexpected end of input"),
        Rejection("unclosed object", #"{"a""#, "unexpected end of input"),
        Rejection("missing colon", #"{"a" 1}"#, "expected ':' after a member name"),
        Rejection("non-string key", "{1:2}", "expected a member name"),
        Rejection("single-quoted key", "{'a':1}", "expected a member name"),
        Rejection("missing comma", "[1 2]", "expected ',' or ']' in an array"),
        Rejection("missing comma in an object", #"{"a":1 "b":2}"#, "expected ',' or '}' in an object"),
        Rejection("truncated literal", "tru", "invalid literal"),
        Rejection("misspelt literal", "nul1", "invalid literal"),
        Rejection("capitalised literal", "True", "unexpected character"),
        Rejection("form feed is not whitespace", "\u{0C}{}", "unexpected character", offset: 0),
        Rejection("NUL byte", [0x00], "unexpected character"),
    ]

    @Test("rejects invalid documents with a clear message", arguments: rejections)
    func rejects(rejection: Rejection) throws {
        let error = try #require(parseError(rejection.bytes))
        #expect(error.message == rejection.message)
        if let offset = rejection.offset { #expect(error.offset == offset) }
        #expect(error.description == "\(rejection.message) at byte \(error.offset)")
    }

    @Test("the same documents are rejected as member values, by both parse and indexObject", arguments: rejections)
    func rejectsNested(rejection: Rejection) {
        let nested = Array(#"{"k":"#.utf8) + rejection.bytes + Array("}".utf8)
        #expect(parseError(nested) != nil)
        #expect(indexError(nested) != nil)
        let inArray = Array(#"{"k":[1,"#.utf8) + rejection.bytes + Array("]}".utf8)
        #expect(parseError(inArray) != nil)
        #expect(indexError(inArray) != nil)
    }

    static func nestedArrays(_ depth: Int) -> [UInt8] {
        [UInt8](repeating: UInt8(ascii: "["), count: depth) + [UInt8](repeating: UInt8(ascii: "]"), count: depth)
    }

    static func nestedObjects(_ depth: Int) -> [UInt8] {
        Array(String(repeating: #"{"a":"#, count: depth).utf8) + Array("null".utf8) + [UInt8](repeating: UInt8(ascii: "}"), count: depth)
    }

    @Test("nesting: 64 levels pass, 65 fail")
    func depthLimit() throws {
        #expect(parseError(Self.nestedArrays(64)) == nil)
        #expect(parseError(Self.nestedObjects(64)) == nil)
        let arrays = try #require(parseError(Self.nestedArrays(65)))
        #expect(arrays.message == "nesting deeper than 64 levels")
        #expect(arrays.offset == 65)
        let objects = try #require(parseError(Self.nestedObjects(65)))
        #expect(objects.message == "nesting deeper than 64 levels")
        // indexObject counts the top-level object as the first level.
        let wrapped = { (depth: Int) in Array(#"{"k":"#.utf8) + Self.nestedArrays(depth - 1) + Array("}".utf8) }
        #expect(indexError(wrapped(64)) == nil)
        #expect(indexError(wrapped(65))?.message == "nesting deeper than 64 levels")
    }

    @Test("a custom depth limit is honoured by parse and indexObject")
    func customDepthLimit() {
        let two = JSONParser.Limits(maxDepth: 2)
        #expect(parseError(Self.nestedArrays(2), limits: two) == nil)
        #expect(parseError(Self.nestedArrays(3), limits: two)?.message == "nesting deeper than 2 levels")
        #expect(indexError(Array(#"{"a":[1]}"#.utf8), limits: two) == nil)
        #expect(indexError(Array(#"{"a":[[1]]}"#.utf8), limits: two)?.message == "nesting deeper than 2 levels")
        let hundred = JSONParser.Limits(maxDepth: 100)
        #expect(parseError(Self.nestedArrays(100), limits: hundred) == nil)
        #expect(parseError(Self.nestedArrays(101), limits: hundred) != nil)
    }

    @Test("absurd nesting fails fast instead of exhausting the stack")
    func absurdNesting() {
        let deep = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        #expect(parseError(deep)?.message == "nesting deeper than 64 levels")
        let deepObject = Array(#"{"k":"#.utf8) + deep
        #expect(indexError(deepObject)?.message == "nesting deeper than 64 levels")
    }

    @Test("parse works on raw buffers too")
    func rawBuffer() throws {
        let bytes = Array(#"{"a":[1,2]}"#.utf8)
        let value = try bytes.withUnsafeBytes { raw in try JSONParser.parse(raw) }
        #expect(value == ["a": [1, 2]])
    }
}

@Suite("JSONValue")
struct JSONValueTests {
    @Test("accessors")
    func accessors() throws {
        let value = try JSONParser.parse(#"{"s":"x","b":true,"n":12,"f":12.0,"e":1e3,"big":9223372036854775808,"frac":1.5,"a":[1],"o":{},"z":null}"#)
        #expect(value["s"]?.stringValue == "x")
        #expect(value["b"]?.boolValue == true)
        #expect(value["n"]?.int64Value == 12)
        #expect(value["f"]?.int64Value == 12)
        #expect(value["e"]?.int64Value == 1_000)
        #expect(value["big"]?.int64Value == nil)
        #expect(value["frac"]?.int64Value == nil)
        #expect(value["frac"]?.doubleValue == 1.5)
        #expect(value["a"]?.arrayValue?.count == 1)
        #expect(value["o"]?.objectValue?.isEmpty == true)
        #expect(value["z"]?.isNull == true)
        #expect(value["missing"] == nil)
        #expect(value["s"]?.int64Value == nil)
        #expect(JSONValue.string("x")["k"] == nil)
    }

    @Test("set keeps the position of an existing key; remove drops every copy")
    func editing() {
        var value: JSONValue = ["a": 1, "b": 2, "a": 3]
        value.set("a", 4)
        #expect(value == ["a": 1, "b": 2, "a": 4])
        value.set("c", true)
        #expect(value == ["a": 1, "b": 2, "a": 4, "c": true])
        value.remove("a")
        #expect(value == ["b": 2, "c": true])
        // Member order matters for equality.
        #expect(JSONValue(dictionaryLiteral: ("x", 1), ("y", 2)) != ["y": 2, "x": 1])
    }
}
