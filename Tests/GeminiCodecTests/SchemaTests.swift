import Conversation
import Dialects
import GeminiCodec
import Testing
import TokModelCore

/// JSON Schema → Gemini Schema, seen through the `parameters` of a tool and the `responseSchema`.
@Suite("Gemini schema conversion")
struct SchemaTests {
    /// The converted `parameters` of a one-tool request.
    func parameters(_ schema: JSONValue) throws -> JSONValue? {
        let request = ChatRequest(model: "m", turns: [Turn(role: .user, blocks: [.text("q")])], tools: [FunctionTool(name: "f", parameters: schema)])
        let body = try GeminiGenerateContent.encodeRequest(request, upstreamModel: "g")
        return body["tools"]?[0]?["functionDeclarations"]?[0]?["parameters"]
    }

    /// The converted schema of one property `p`.
    func property(_ schema: JSONValue) throws -> JSONValue? {
        try parameters(["type": "object", "properties": ["p": schema]])?["properties"]?["p"]
    }

    func error(_ schema: JSONValue) -> GatewayError? {
        thrownError { () throws(GatewayError) -> JSONValue? in
            let request = ChatRequest(model: "m", turns: [Turn(role: .user, blocks: [.text("q")])], tools: [FunctionTool(name: "f", parameters: schema)])
            return try GeminiGenerateContent.encodeRequest(request, upstreamModel: "g")
        }
    }

    @Test("keywords Gemini rejects are dropped; types are upper-cased; order is fixed")
    func dropsUnknownKeywords() throws {
        let converted = try parameters([
            "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "x", "$comment": "c", "title": "Args", "type": "object",
            "additionalProperties": false, "strict": true, "examples": [["q": "a"]],
            "properties": [
                "q": ["type": "string", "description": "Query", "default": "", "minLength": 1, "maxLength": 200, "pattern": "^[a-z]+$", "examples": ["a"]],
                "n": ["type": "integer", "exclusiveMinimum": 0, "maximum": 10, "multipleOf": 2],
                "tags": ["type": "array", "items": ["type": "string"], "minItems": 1, "uniqueItems": true],
            ],
            "required": ["q"], "not": ["required": ["n"]],
        ])
        #expect(
            converted == [
                "type": "OBJECT", "title": "Args",
                "properties": [
                    "q": ["type": "STRING", "description": "Query", "minLength": 1, "maxLength": 200, "pattern": "^[a-z]+$"],
                    "n": ["type": "INTEGER", "maximum": 10],
                    "tags": ["type": "ARRAY", "items": ["type": "STRING"], "minItems": 1],
                ],
                "required": ["q"],
            ])
    }

    @Test("nullable types: [t, null], anyOf with null, enum with null")
    func nullable() throws {
        #expect(try property(["type": ["string", "null"]]) == ["type": "STRING", "nullable": true])
        #expect(try property(["anyOf": [["type": "integer"], ["type": "null"]], "description": "d"]) == ["type": "INTEGER", "description": "d", "nullable": true])
        #expect(try property(["enum": ["a", "b", nil]]) == ["type": "STRING", "nullable": true, "enum": ["a", "b"]])
        #expect(try property(["type": "null"]) == ["nullable": true])
    }

    @Test("several types become anyOf; oneOf becomes anyOf")
    func unions() throws {
        #expect(try property(["type": ["string", "number"]]) == ["anyOf": [["type": "STRING"], ["type": "NUMBER"]]])
        #expect(
            try property(["oneOf": [["type": "string"], ["type": "object", "properties": ["k": ["type": "boolean"]]]]]) == [
                "anyOf": [["type": "STRING"], ["type": "OBJECT", "properties": ["k": ["type": "BOOLEAN"]]]]
            ])
    }

    @Test("const becomes enum; non-string enums are dropped, keeping the type")
    func enums() throws {
        #expect(try property(["const": "fixed"]) == ["type": "STRING", "enum": ["fixed"]])
        #expect(try property(["type": "integer", "enum": [1, 2, 3]]) == ["type": "INTEGER"])
        #expect(try property(["type": "string", "format": "enum", "enum": ["x"]]) == ["type": "STRING", "format": "enum", "enum": ["x"]])
    }

    @Test("format is kept only where Gemini supports it")
    func formats() throws {
        #expect(try property(["type": "string", "format": "date-time"]) == ["type": "STRING", "format": "date-time"])
        #expect(try property(["type": "string", "format": "email"]) == ["type": "STRING"])
        #expect(try property(["type": "integer", "format": "int64"]) == ["type": "INTEGER", "format": "int64"])
        #expect(try property(["type": "number", "format": "int32"]) == ["type": "NUMBER"])
    }

    @Test("required keeps only declared properties")
    func requiredFiltered() throws {
        let converted = try parameters(["type": "object", "properties": ["a": ["type": "string"]], "required": ["a", "ghost", 3]])
        #expect(converted?["required"] == ["a"])
    }

    @Test("local $refs are inlined, siblings win, recursion is cut to OBJECT")
    func references() throws {
        let converted = try parameters([
            "type": "object",
            "$defs": [
                "Address": ["type": "object", "description": "Postal", "properties": ["city": ["type": "string"]], "required": ["city"]],
                "Node": ["type": "object", "properties": ["child": ["$ref": "#/$defs/Node"], "name": ["type": "string"]]],
            ],
            "definitions": ["Id": ["type": "string", "pattern": "^[0-9]+$"]],
            "properties": [
                "home": ["$ref": "#/$defs/Address", "description": "Home address"],
                "id": ["$ref": "#/definitions/Id"],
                "tree": ["$ref": "#/$defs/Node"],
                "maybe": ["anyOf": [["$ref": "#/definitions/Id"], ["type": "null"]]],
            ],
        ])
        #expect(
            converted?["properties"] == [
                "home": ["type": "OBJECT", "description": "Home address", "properties": ["city": ["type": "STRING"]], "required": ["city"]],
                "id": ["type": "STRING", "pattern": "^[0-9]+$"],
                "tree": ["type": "OBJECT", "properties": ["child": ["type": "OBJECT"], "name": ["type": "STRING"]]],
                "maybe": ["type": "STRING", "nullable": true, "pattern": "^[0-9]+$"],
            ])
    }

    @Test("JSON-pointer escapes in $refs are honoured")
    func pointerEscapes() throws {
        let converted = try parameters(["type": "object", "$defs": ["a/b~c": ["type": "boolean"]], "properties": ["x": ["$ref": "#/$defs/a~1b~0c"]]])
        #expect(converted?["properties"]?["x"] == ["type": "BOOLEAN"])
    }

    @Test("unresolvable, remote and malformed schemas are refused with the tools param")
    func refusals() {
        #expect(error(["type": "object", "properties": ["x": ["$ref": "#/$defs/Missing"]]])?.param == "tools")
        #expect(error(["type": "object", "properties": ["x": ["$ref": "https://example.com/s.json"]]])?.param == "tools")
        #expect(error(["type": "object", "properties": ["x": "string"]])?.param == "tools")
        #expect(error(["type": "object", "properties": ["x": ["type": "decimal"]]])?.param == "tools")
        #expect(error(["type": "object", "properties": ["x": ["type": 5]]])?.param == "tools")
    }

    @Test("a $ref expansion that explodes is refused instead of building a huge request")
    func expansionBudget() {
        // Each level refers to the next one twice: 2^20 nodes once expanded.
        var defs: [(String, JSONValue)] = [("L20", ["type": "string"])]
        for level in 0..<20 {
            let next: JSONValue = ["$ref": .string("#/$defs/L\(level + 1)")]
            defs.append(("L\(level)", ["type": "object", "properties": ["a": next, "b": next]]))
        }
        let schema: JSONValue = ["type": "object", "$defs": .object(defs), "properties": ["root": ["$ref": "#/$defs/L0"]]]
        #expect(error(schema)?.message.contains("too large") == true)
    }

    @Test("allOf members merge into their parent")
    func allOf() throws {
        let converted = try property([
            "description": "Merged",
            "allOf": [
                ["type": "object", "properties": ["a": ["type": "string"]], "required": ["a"]],
                ["properties": ["b": ["type": "number"]], "required": ["b"]],
            ],
        ])
        #expect(
            converted == [
                "type": "OBJECT", "description": "Merged", "properties": ["a": ["type": "STRING"], "b": ["type": "NUMBER"]], "required": ["a", "b"],
            ])
    }

    @Test("type is inferred from properties and items when missing")
    func inferredTypes() throws {
        #expect(try property(["items": ["type": "integer"]]) == ["type": "ARRAY", "items": ["type": "INTEGER"]])
        #expect(try parameters(["properties": ["a": ["type": "string"]]]) == ["type": "OBJECT", "properties": ["a": ["type": "STRING"]]])
    }
}
