import Dialects
import TokModelCore

/// JSON Schema (what OpenAI and Anthropic clients send) → the OpenAPI-3.0 subset Gemini's `parameters` and
/// `responseSchema` accept (wire-formats §11.4).
///
/// Gemini answers an unknown keyword with `400 Invalid JSON payload received. Unknown name …`, so this keeps a
/// list of what Gemini knows rather than a list of what it rejects, and converts what has an equivalent:
/// - `type` becomes Gemini's upper-case enum; `type: [t, "null"]` becomes `t` + `nullable: true`, several
///   non-null types become an `anyOf` of each;
/// - `anyOf`/`oneOf` become `anyOf`, with `{"type": "null"}` members turned into `nullable: true` and a single
///   remaining member folded into its parent; `allOf` members are merged into their parent;
/// - `const: v` becomes `enum: [v]`; `enum` is kept only when every value is a string (Gemini's rule), minus a
///   `null` member, which becomes `nullable`;
/// - local `$ref`s (`#/$defs/…`, `#/definitions/…`, any JSON pointer into the document) are inlined; a reference
///   back into a schema being expanded (a recursive type) is cut there to a plain `OBJECT`, since Gemini cannot
///   express recursion; a reference that cannot be resolved is refused;
/// - `format` is kept only where Gemini supports it (`enum`/`date-time` strings, `int32`/`int64` integers,
///   `float`/`double` numbers);
/// - `required` keeps only names that are among the `properties` (Gemini rejects the others);
/// - everything else is dropped: `$schema`, `$id`, `$comment`, `additionalProperties`, `default`, `examples`,
///   `strict`, `not`, `if`/`then`/`else`, `patternProperties`, `exclusiveMinimum`, …
enum GeminiSchema {
    /// A function's `parameters`, or nil when the function takes none (an empty object schema has made Gemini
    /// answer 400, so `parameters` is then omitted, as the reference advises).
    static func parameters(_ schema: JSONValue, function: String) throws(GatewayError) -> JSONValue? {
        var converter = Converter(root: schema, param: "tools")
        let node = try converter.convert(schema)
        if node.isEmpty { return nil }
        guard node.type == "OBJECT" else {
            throw GatewayError.invalidField("tools", "the parameters of function '\(function)' must be an object schema")
        }
        guard let properties = node.properties, !properties.isEmpty else { return nil }
        return node.json
    }

    /// A `responseSchema` for structured output.
    static func responseSchema(_ schema: JSONValue) throws(GatewayError) -> JSONValue {
        var converter = Converter(root: schema, param: "response_format")
        return try converter.convert(schema).json
    }

    /// One Gemini `Schema` object, with its members written in a fixed order.
    struct Node {
        var type: String?
        var format: String?
        var title: String?
        var description: String?
        var nullable = false
        var enumValues: [JSONValue]?
        var items: JSONValue?
        var minItems: JSONValue?
        var maxItems: JSONValue?
        var properties: [(String, JSONValue)]?
        var required: [String]?
        var minProperties: JSONValue?
        var maxProperties: JSONValue?
        var minLength: JSONValue?
        var maxLength: JSONValue?
        var pattern: String?
        var minimum: JSONValue?
        var maximum: JSONValue?
        var anyOf: [JSONValue]?
        var propertyOrdering: [JSONValue]?

        var isEmpty: Bool { json == .object([]) }

        var json: JSONValue {
            var out: [(String, JSONValue)] = []
            func add(_ key: String, _ value: JSONValue?) { if let value { out.append((key, value)) } }
            add("type", type.map(JSONValue.string))
            add("format", format.map(JSONValue.string))
            add("title", title.map(JSONValue.string))
            add("description", description.map(JSONValue.string))
            if nullable { out.append(("nullable", true)) }
            add("enum", enumValues.map(JSONValue.array))
            add("items", items)
            add("minItems", minItems)
            add("maxItems", maxItems)
            add("properties", properties.map(JSONValue.object))
            if let required, !required.isEmpty { out.append(("required", .array(required.map(JSONValue.string)))) }
            add("minProperties", minProperties)
            add("maxProperties", maxProperties)
            add("minLength", minLength)
            add("maxLength", maxLength)
            add("pattern", pattern.map(JSONValue.string))
            add("minimum", minimum)
            add("maximum", maximum)
            add("anyOf", anyOf.map(JSONValue.array))
            add("propertyOrdering", propertyOrdering.map(JSONValue.array))
            return .object(out)
        }

        /// Fills what this node lacks from `other` (used for `allOf` members and single `anyOf` members); this
        /// node's own values win, properties and required names are united.
        mutating func absorb(_ other: Node) {
            type = type ?? other.type
            format = format ?? other.format
            title = title ?? other.title
            description = description ?? other.description
            nullable = nullable || other.nullable
            enumValues = enumValues ?? other.enumValues
            items = items ?? other.items
            minItems = minItems ?? other.minItems
            maxItems = maxItems ?? other.maxItems
            if let theirs = other.properties {
                var mine = properties ?? []
                for (key, value) in theirs where !mine.contains(where: { $0.0 == key }) { mine.append((key, value)) }
                properties = mine
            }
            if let theirs = other.required {
                var mine = required ?? []
                for name in theirs where !mine.contains(name) { mine.append(name) }
                required = mine
            }
            minProperties = minProperties ?? other.minProperties
            maxProperties = maxProperties ?? other.maxProperties
            minLength = minLength ?? other.minLength
            maxLength = maxLength ?? other.maxLength
            pattern = pattern ?? other.pattern
            minimum = minimum ?? other.minimum
            maximum = maximum ?? other.maximum
            anyOf = anyOf ?? other.anyOf
            propertyOrdering = propertyOrdering ?? other.propertyOrdering
        }
    }

    struct Converter {
        let root: JSONValue
        /// The request field named in errors.
        let param: String
        /// `$ref`s being expanded, to cut recursion.
        var expanding: [String] = []
        /// Schema nodes converted so far: `$ref` expansion can grow a small document exponentially.
        var budget = 5_000

        init(root: JSONValue, param: String) {
            self.root = root
            self.param = param
        }

        func invalid(_ why: String) -> GatewayError { GatewayError.invalidField(param, why) }

        mutating func convert(_ schema: JSONValue) throws(GatewayError) -> Node {
            budget -= 1
            guard budget >= 0 else { throw invalid("the JSON schema is too large once its $refs are expanded") }
            switch schema {
            case .bool(true): return Node()
            case .object: break
            default: throw invalid("a JSON schema must be an object")
            }
            if let reference = schema["$ref"] {
                return try resolve(reference, siblings: schema)
            }
            var node = Node()
            try readType(schema["type"], into: &node)
            node.title = schema["title"]?.stringValue
            node.description = schema["description"]?.stringValue
            if schema["nullable"]?.boolValue == true { node.nullable = true }
            readEnum(schema, into: &node)
            if let format = schema["format"]?.stringValue, Self.supports(format: format, type: node.type) {
                node.format = format
            }
            if let items = schema["items"], case .object = items {
                node.items = try convert(items).json
                if node.type == nil { node.type = "ARRAY" }
            }
            if let properties = schema["properties"]?.objectValue {
                var converted: [(String, JSONValue)] = []
                for (name, property) in properties { converted.append((name, try convert(property).json)) }
                node.properties = converted
                if node.type == nil, node.anyOf == nil { node.type = "OBJECT" }
            }
            if let required = schema["required"]?.arrayValue {
                let names = node.properties?.map(\.0) ?? []
                node.required = required.compactMap(\.stringValue).filter { names.contains($0) }
            }
            for key in ["minItems", "maxItems", "minProperties", "maxProperties", "minLength", "maxLength", "minimum", "maximum"] {
                guard let value = schema[key], case .number = value else { continue }
                switch key {
                case "minItems": node.minItems = value
                case "maxItems": node.maxItems = value
                case "minProperties": node.minProperties = value
                case "maxProperties": node.maxProperties = value
                case "minLength": node.minLength = value
                case "maxLength": node.maxLength = value
                case "minimum": node.minimum = value
                default: node.maximum = value
                }
            }
            node.pattern = schema["pattern"]?.stringValue
            if let ordering = schema["propertyOrdering"]?.arrayValue, ordering.allSatisfy({ $0.stringValue != nil }) {
                node.propertyOrdering = ordering
            }
            if let variants = (schema["anyOf"] ?? schema["oneOf"])?.arrayValue {
                try readAnyOf(variants, into: &node)
            }
            if let members = schema["allOf"]?.arrayValue {
                for member in members { node.absorb(try convert(member)) }
            }
            return node
        }

        /// `type` as a string or a list of strings.
        func readType(_ value: JSONValue?, into node: inout Node) throws(GatewayError) {
            guard let value else { return }
            var names: [String]
            switch value {
            case .string(let name): names = [name]
            case .array(let list):
                names = []
                for item in list {
                    guard let name = item.stringValue else { throw invalid("a schema's type list must hold strings") }
                    names.append(name)
                }
            default: throw invalid("a schema's type must be a string or a list of strings")
            }
            if names.contains(where: { $0.lowercased() == "null" }) {
                node.nullable = true
                names.removeAll { $0.lowercased() == "null" }
            }
            var types: [String] = []
            for name in names {
                guard let type = Self.geminiType(name) else { throw invalid("unknown JSON schema type '\(name)'") }
                if !types.contains(type) { types.append(type) }
            }
            if types.count == 1 {
                node.type = types[0]
            } else if types.count > 1 {
                node.anyOf = types.map { ["type": .string($0)] }
            }
        }

        /// `enum` (strings only) or `const`.
        func readEnum(_ schema: JSONValue, into node: inout Node) {
            var values: [JSONValue]
            if let list = schema["enum"]?.arrayValue {
                values = list
            } else if let constant = schema["const"] {
                values = [constant]
            } else {
                return
            }
            if values.contains(.null) {
                node.nullable = true
                values.removeAll { $0 == .null }
            }
            // Gemini enums are strings; a list with numbers or booleans is dropped rather than changing the type
            // of what the model must produce.
            guard !values.isEmpty, values.allSatisfy({ $0.stringValue != nil }) else { return }
            node.enumValues = values
            if node.type == nil { node.type = "STRING" }
        }

        mutating func readAnyOf(_ variants: [JSONValue], into node: inout Node) throws(GatewayError) {
            var converted: [Node] = []
            for variant in variants {
                if Self.isNullSchema(variant) {
                    node.nullable = true
                    continue
                }
                converted.append(try convert(variant))
            }
            if converted.count == 1, node.type == nil, node.anyOf == nil {
                node.absorb(converted[0])
            } else if !converted.isEmpty {
                node.anyOf = converted.map(\.json)
            }
        }

        /// Inlines a local reference; members next to `$ref` (a description, say) win over the target's.
        mutating func resolve(_ reference: JSONValue, siblings: JSONValue) throws(GatewayError) -> Node {
            guard let pointer = reference.stringValue, pointer.hasPrefix("#") else {
                throw invalid("only local $refs (\"#/…\") can be sent to Gemini")
            }
            if expanding.contains(pointer) { return Node(type: "OBJECT") }
            guard let target = Self.lookUp(pointer, in: root) else {
                throw invalid("the $ref '\(pointer)' points nowhere in the schema")
            }
            expanding.append(pointer)
            defer { expanding.removeLast() }
            var rest = siblings
            rest.remove("$ref")
            var node = try convert(rest)
            node.absorb(try convert(target))
            return node
        }

        /// Resolves a JSON pointer fragment (`#/a/b`, with `~1` and `~0` escapes).
        static func lookUp(_ pointer: String, in root: JSONValue) -> JSONValue? {
            var current = root
            let path = pointer.dropFirst()
            guard !path.isEmpty else { return root }
            guard path.hasPrefix("/") else { return nil }
            for token in path.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
                let key = String(token).replacing("~1", with: "/").replacing("~0", with: "~")
                switch current {
                case .object: guard let next = current[key] else { return nil }; current = next
                case .array(let items): guard let index = Int(key), items.indices.contains(index) else { return nil }; current = items[index]
                default: return nil
                }
            }
            return current
        }

        static func isNullSchema(_ schema: JSONValue) -> Bool {
            schema["type"]?.stringValue?.lowercased() == "null"
        }

        static func geminiType(_ name: String) -> String? {
            switch name.lowercased() {
            case "string": "STRING"
            case "number": "NUMBER"
            case "integer": "INTEGER"
            case "boolean": "BOOLEAN"
            case "array": "ARRAY"
            case "object": "OBJECT"
            default: nil
            }
        }

        static func supports(format: String, type: String?) -> Bool {
            switch type {
            case "STRING": format == "enum" || format == "date-time"
            case "INTEGER": format == "int32" || format == "int64"
            case "NUMBER": format == "float" || format == "double"
            default: false
            }
        }
    }
}
