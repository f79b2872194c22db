public import PostgresClient

/// PostgreSQL array literals for text-format parameters (`{"a","b"}`, `{1,2}`), so that a whole batch travels
/// as a few parameters of one statement.
extension PostgresParameter {
    public static func textArray(_ values: [String]) -> PostgresParameter {
        var out = "{"
        out.reserveCapacity(values.reduce(2) { $0 + $1.utf8.count + 3 })
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(",") }
            out.append("\"")
            for character in value.unicodeScalars {
                if character == "\"" || character == "\\" { out.append("\\") }
                out.unicodeScalars.append(character)
            }
            out.append("\"")
        }
        out.append("}")
        return PostgresParameter(out)
    }

    public static func int64Array(_ values: [Int64]) -> PostgresParameter {
        PostgresParameter("{" + values.map(String.init).joined(separator: ",") + "}")
    }

    public static func intArray(_ values: [Int]) -> PostgresParameter {
        PostgresParameter("{" + values.map(String.init).joined(separator: ",") + "}")
    }
}

/// Parses a PostgreSQL text array (`{a,"b c",NULL}`) into strings; NULL elements are dropped.
enum PostgresArrayText {
    static func parse(_ text: String) -> [String] {
        var scalars = Array(text.unicodeScalars)
        guard scalars.first == "{", scalars.last == "}" else { return [] }
        scalars = Array(scalars.dropFirst().dropLast())
        var out: [String] = []
        var current = String.UnicodeScalarView()
        var inQuotes = false
        var wasQuoted = false
        var index = 0
        while index < scalars.count {
            let c = scalars[index]
            if inQuotes {
                if c == "\\", index + 1 < scalars.count {
                    index += 1
                    current.append(scalars[index])
                } else if c == "\"" {
                    inQuotes = false
                } else {
                    current.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
                wasQuoted = true
            } else if c == "," {
                let element = String(current)
                if wasQuoted || element != "NULL" { out.append(element) }
                current = String.UnicodeScalarView()
                wasQuoted = false
            } else {
                current.append(c)
            }
            index += 1
        }
        let last = String(current)
        if !scalars.isEmpty, wasQuoted || last != "NULL" { out.append(last) }
        return out
    }
}
