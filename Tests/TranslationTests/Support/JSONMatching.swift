import Dialects
import Testing
import TokModelCore

/// Parses JSON written in a test.
func json(_ text: String) throws -> JSONValue {
    try JSONParser.parse(Array(text.utf8))
}

/// Where two JSON values differ, by path: object members compared by key whatever their order (the last of
/// duplicate keys counts, as parsers do), arrays element by element, numbers by their text. Empty when equal.
func jsonDifferences(expected: JSONValue, actual: JSONValue, path: String = "$") -> [String] {
    switch (expected, actual) {
    case (.object(let e), .object(let a)):
        var differences: [String] = []
        let expectedKeys = uniqueKeys(e)
        let actualKeys = uniqueKeys(a)
        for key in expectedKeys {
            let expectedValue = expected[key] ?? .null
            guard let actualValue = actual[key] else {
                differences.append("\(path).\(key): missing (expected \(JSONWriter.string(expectedValue)))")
                continue
            }
            differences += jsonDifferences(expected: expectedValue, actual: actualValue, path: "\(path).\(key)")
        }
        for key in actualKeys where !expectedKeys.contains(key) {
            differences.append("\(path).\(key): unexpected \(JSONWriter.string(actual[key] ?? .null))")
        }
        return differences
    case (.array(let e), .array(let a)):
        var differences: [String] = []
        for index in 0..<max(e.count, a.count) {
            if index >= a.count {
                differences.append("\(path)[\(index)]: missing (expected \(JSONWriter.string(e[index])))")
            } else if index >= e.count {
                differences.append("\(path)[\(index)]: unexpected \(JSONWriter.string(a[index]))")
            } else {
                differences += jsonDifferences(expected: e[index], actual: a[index], path: "\(path)[\(index)]")
            }
        }
        return differences
    default:
        return expected == actual ? [] : ["\(path): expected \(JSONWriter.string(expected)), got \(JSONWriter.string(actual))"]
    }
}

private func uniqueKeys(_ members: [(String, JSONValue)]) -> [String] {
    var seen: Set<String> = []
    var keys: [String] = []
    for (key, _) in members where seen.insert(key).inserted { keys.append(key) }
    return keys
}

/// Records one issue listing every difference (and the whole actual value) when `actual` is not `expected`.
func expectJSON(
    _ actual: JSONValue, equals expected: JSONValue, _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    let differences = jsonDifferences(expected: expected, actual: actual)
    guard !differences.isEmpty else { return }
    Issue.record(
        Comment(
            rawValue: "\(context)\(context.isEmpty ? "" : ": ")JSON differs:\n  " + differences.joined(separator: "\n  ") + "\nactual: "
                + JSONWriter.string(actual)),
        sourceLocation: sourceLocation)
}

/// Compares text byte for byte; on a mismatch reports the first differing line with its neighbours.
func expectBytes(_ actual: String, equal expected: String, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual != expected else { return }
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    var line = 0
    while line < min(actualLines.count, expectedLines.count), actualLines[line] == expectedLines[line] { line += 1 }
    let expectedLine = line < expectedLines.count ? String(expectedLines[line]) : "<end>"
    let actualLine = line < actualLines.count ? String(actualLines[line]) : "<end>"
    Issue.record(
        Comment(
            rawValue: "\(context): client bytes differ from the golden at line \(line + 1)\n  expected: \(expectedLine.debugDescription)\n"
                + "  actual:   \(actualLine.debugDescription)\nwhole actual output:\n\(actual)"),
        sourceLocation: sourceLocation)
}

/// The gateway error `body` throws, or nil when it throws none (another error is recorded as an issue).
func thrownError<T>(_ body: () throws -> T, sourceLocation: SourceLocation = #_sourceLocation) -> GatewayError? {
    do {
        _ = try body()
        return nil
    } catch let error as GatewayError {
        return error
    } catch {
        Issue.record("not a GatewayError: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Whether `id` is a valid Anthropic tool-use id (`^[a-zA-Z0-9_-]+$`, wire-formats §11.6).
func isValidAnthropicID(_ id: String) -> Bool {
    !id.isEmpty
        && id.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-": true
            default: false
            }
        }
}

extension JSONValue {
    /// Array element access for test paths (`body["messages"]?[1]`).
    subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}
