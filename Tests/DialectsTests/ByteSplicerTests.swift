import Dialects
import Testing

/// Splices `source` with `edit` and returns the result as text, after checking that it parses to `expected`.
private func splice(
    _ source: String, expected: JSONValue, sourceLocation: SourceLocation = #_sourceLocation, _ edit: (inout ByteSplicer) -> Void
) throws -> String {
    let bytes = Array(source.utf8)
    var splicer = ByteSplicer(source: bytes, members: try JSONParser.indexObject(bytes))
    edit(&splicer)
    let result = splicer.result()
    let parsed = try JSONParser.parse(result)
    #expect(parsed == expected, "\(text(result))", sourceLocation: sourceLocation)
    #expect(try JSONParser.indexObject(result).count == parsed.objectValue?.count, sourceLocation: sourceLocation)
    return text(result)
}

@Suite("ByteSplicer")
struct ByteSplicerTests {
    @Test("no edits returns the source unchanged")
    func noEdits() throws {
        let source = #"{ "a" :1.50 ,"b":[ -0 ]}"#
        #expect(try splice(source, expected: ["a": .number("1.50"), "b": [.number("-0")]]) { _ in } == source)
        #expect(try splice(source, expected: ["a": .number("1.50"), "b": [.number("-0")]]) { $0.remove("absent") } == source)
    }

    @Test("replacing a member's value keeps every other byte")
    func replace() throws {
        let source = #"{ "model" :  "a",  "x":1.50 , "y" : 1e400 }"#
        let result = try splice(source, expected: ["model": "gpt-4o", "x": .number("1.50"), "y": .number("1e400")]) {
            $0.set("model", rawValue: Array(#""gpt-4o""#.utf8))
        }
        #expect(result == #"{ "model" :  "gpt-4o",  "x":1.50 , "y" : 1e400 }"#)
        let structured = try splice(source, expected: ["model": "a", "x": ["k": [true, nil]], "y": .number("1e400")]) {
            $0.set("x", ["k": [true, nil]])
        }
        #expect(structured == #"{ "model" :  "a",  "x":{"k":[true,null]} , "y" : 1e400 }"#)
    }

    @Test("replacing a duplicated key changes the last copy")
    func replaceDuplicate() throws {
        let result = try splice(#"{"a":1,"a":2}"#, expected: ["a": 1, "a": 3]) { $0.set("a", 3) }
        #expect(result == #"{"a":1,"a":3}"#)
    }

    @Test("appending to empty and non-empty objects")
    func append() throws {
        #expect(try splice("{}", expected: ["k": 1]) { $0.set("k", 1) } == #"{"k":1}"#)
        #expect(try splice(" { \n} ", expected: ["k": 1]) { $0.set("k", 1) } == " { \n\"k\":1} ")
        #expect(try splice(#"{"a":1}"#, expected: ["a": 1, "k": 2]) { $0.set("k", 2) } == #"{"a":1,"k":2}"#)
        #expect(try splice(#"{"a":1 }"#, expected: ["a": 1, "k": 2]) { $0.set("k", 2) } == #"{"a":1 ,"k":2}"#)
        let two = try splice(#"{"a":1}"#, expected: ["a": 1, "k": 2, "q\"\n": "v"]) {
            $0.set("k", 2)
            $0.set("q\"\n", "v")
        }
        #expect(two == #"{"a":1,"k":2,"q\"\n":"v"}"#)
    }

    @Test("removing the first, a middle, the last and the only member")
    func remove() throws {
        let source = #"{"a":1,"b":2,"c":3}"#
        #expect(try splice(source, expected: ["b": 2, "c": 3]) { $0.remove("a") } == #"{"b":2,"c":3}"#)
        #expect(try splice(source, expected: ["a": 1, "c": 3]) { $0.remove("b") } == #"{"a":1,"c":3}"#)
        #expect(try splice(source, expected: ["a": 1, "b": 2]) { $0.remove("c") } == #"{"a":1,"b":2}"#)
        #expect(try splice(#"{"a":1}"#, expected: [:]) { $0.remove("a") } == "{}")
        let spaced = #"{ "a" : 1 , "b" : 2 }"#
        #expect(try splice(spaced, expected: ["b": 2]) { $0.remove("a") } == #"{ "b" : 2 }"#)
        #expect(try splice(spaced, expected: ["a": 1]) { $0.remove("b") } == #"{ "a" : 1 }"#)
        #expect(try splice(#"{"a":1,"b":2,"a":3}"#, expected: ["b": 2]) { $0.remove("a") } == #"{"b":2}"#)
    }

    @Test("removing several members, adjacent or not")
    func removeSeveral() throws {
        let source = #"{"a":1,"b":2,"c":3,"d":4}"#
        #expect(try splice(source, expected: ["c": 3, "d": 4]) { $0.remove("a"); $0.remove("b") } == #"{"c":3,"d":4}"#)
        #expect(try splice(source, expected: ["c": 3, "d": 4]) { $0.remove("b"); $0.remove("a") } == #"{"c":3,"d":4}"#)
        #expect(try splice(source, expected: ["a": 1, "d": 4]) { $0.remove("b"); $0.remove("c") } == #"{"a":1,"d":4}"#)
        #expect(try splice(source, expected: ["b": 2, "c": 3]) { $0.remove("a"); $0.remove("d") } == #"{"b":2,"c":3}"#)
        #expect(try splice(source, expected: ["d": 4]) { $0.remove("a"); $0.remove("b"); $0.remove("c") } == #"{"d":4}"#)
        #expect(try splice(source, expected: [:]) { for key in ["a", "b", "c", "d"] { $0.remove(key) } } == "{}")
        #expect(try splice(#"{"a":1,"b":2}"#, expected: [:]) { $0.remove("a"); $0.remove("b") } == "{}")
    }

    @Test("remove, replace and append combined")
    func combination() throws {
        let source = #"{"a":1,"b":2.50,"c":3}"#
        let result = try splice(source, expected: ["b": .number("2.50"), "c": "x", "d": true]) {
            $0.remove("a")
            $0.set("c", "x")
            $0.set("d", true)
        }
        #expect(result == #"{"b":2.50,"c":"x","d":true}"#)
        // Removing everything then appending leaves no stray comma.
        #expect(try splice(#"{"a":1}"#, expected: ["b": 2]) { $0.remove("a"); $0.set("b", 2) } == #"{"b":2}"#)
        #expect(try splice(#"{"a":1,"b":2}"#, expected: ["z": nil]) { $0.remove("b"); $0.remove("a"); $0.set("z", nil) } == #"{"z":null}"#)
    }

    @Test("every combination of removals and a replacement on an oddly spaced object gives the expected value")
    func exhaustive() throws {
        let source = " {\n\t\"m\" :  \"old\" ,\"n\":1.50,  \"o\" : [ -0 , 1e400 ],\"p\":{ \"q\" : null } ,\"r\":\"é\\u00e9\"\r\n} "
        let bytes = Array(source.utf8)
        let original = try JSONParser.parse(bytes)
        let keys = ["m", "n", "o", "p", "r"]
        for mask in 0..<(1 << keys.count) {
            for replaced in [nil] + keys {
                var splicer = ByteSplicer(source: bytes, members: try JSONParser.indexObject(bytes))
                var expected = original
                if let replaced {
                    splicer.set(replaced, rawValue: Array("42.0".utf8))
                    expected.set(replaced, .number("42.0"))
                }
                for (bit, key) in keys.enumerated() where mask & (1 << bit) != 0 {
                    splicer.remove(key)
                    expected.remove(key)
                }
                let result = splicer.result()
                let parsed = try #require(try? JSONParser.parse(result), "mask \(mask), replaced \(replaced ?? "-"): \(text(result))")
                #expect(parsed == expected, "mask \(mask), replaced \(replaced ?? "-"): \(text(result))")
                // Untouched number text and whitespace survive.
                if mask & 0b00010 == 0 && replaced != "n" { #expect(text(result).contains("\"n\":1.50")) }
                if mask & 0b00100 == 0 && replaced != "o" { #expect(text(result).contains("[ -0 , 1e400 ]")) }
                #expect(text(result).hasPrefix(" {"))
                #expect(text(result).hasSuffix("\r\n} "))
            }
        }
    }
}
