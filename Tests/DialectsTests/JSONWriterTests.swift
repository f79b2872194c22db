import Dialects
import Testing

@Suite("JSONWriter")
struct JSONWriterTests {
    @Test(
        "writeString escapes quotes, backslashes and control characters only",
        arguments: [
            ("", #""""#),
            ("plain", #""plain""#),
            ("a\"b", #""a\"b""#),
            ("a\\b", #""a\\b""#),
            ("line\nnext", #""line\nnext""#),
            ("tab\there", #""tab\there""#),
            ("cr\rhere", #""cr\rhere""#),
            ("\u{01}", #""\u0001""#),
            ("\u{00}", #""\u0000""#),
            ("\u{08}\u{0C}", #""\u0008\u000c""#),
            ("\u{1F}", #""\u001f""#),
            ("\u{7F}", "\"\u{7F}\""),
            ("/", #""/""#),
            ("é😀漢", "\"é😀漢\""),
            ("\u{2028}\u{2029}", "\"\u{2028}\u{2029}\""),
        ])
    func writeString(input: String, output: String) {
        var out: [UInt8] = []
        JSONWriter.writeString(input, into: &out)
        #expect(out == Array(output.utf8))
        #expect(JSONWriter.quoted(input) == output)
        #expect(JSONWriter.quoted(Substring(input)) == output)
    }

    @Test("non-ASCII passes through as the same UTF-8 bytes")
    func utf8PassThrough() {
        let input = "é😀"
        var out: [UInt8] = []
        JSONWriter.writeString(input, into: &out)
        #expect(out == [0x22, 0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80, 0x22])
    }

    @Test("writeString appends to what is already there")
    func appends() {
        var out = Array("x:".utf8)
        JSONWriter.writeString("y", into: &out)
        #expect(text(out) == #"x:"y""#)
    }

    @Test("every string written parses back to itself")
    func roundTrip() throws {
        var strings = (0..<0x20).map { String(Character(Unicode.Scalar(UInt8($0)))) }
        strings += ["\"\\\"", "a\u{0}b", "mixed \u{01} é \n \" \\ 😀", String(repeating: "\\", count: 10)]
        var generator = SplitMix64(seed: 5)
        for _ in 0..<500 {
            let length = Int.random(in: 0...20, using: &generator)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                let pick = Int.random(in: 0..<4, using: &generator)
                let value: UInt32 =
                    switch pick {
                    case 0: UInt32.random(in: 0..<0x80, using: &generator)
                    case 1: UInt32.random(in: 0x80..<0xD800, using: &generator)
                    case 2: UInt32.random(in: 0xE000..<0x10000, using: &generator)
                    default: UInt32.random(in: 0x10000...0x10FFFF, using: &generator)
                    }
                scalars.append(Unicode.Scalar(value)!)
            }
            strings.append(String(scalars))
        }
        for string in strings {
            var out: [UInt8] = []
            JSONWriter.writeString(string, into: &out)
            #expect(try JSONParser.parse(out) == .string(string))
        }
    }

    @Test("values are written compactly")
    func values() {
        let value: JSONValue = ["a": [1, true, false, nil, "s"], "b": [:], "c": [], "d": .number("-1.50e+3")]
        #expect(JSONWriter.string(value) == #"{"a":[1,true,false,null,"s"],"b":{},"c":[],"d":-1.50e+3}"#)
        #expect(JSONWriter.bytes(.int(-42)) == Array("-42".utf8))
        #expect(JSONWriter.bytes(.int(UInt64.max)) == Array("18446744073709551615".utf8))
    }
}
