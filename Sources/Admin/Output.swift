import Dialects
import Foundation

/// Printing tables, CSV and JSON.
enum Output {
    static func object(_ members: KeyValuePairs<String, JSONValue>) {
        print(JSONWriter.string(.object(members.map { ($0.key, $0.value) })))
    }

    static func json(_ value: JSONValue) {
        print(JSONWriter.string(value))
    }

    /// A plain-text table with left-aligned text and right-aligned numbers.
    static func table(headers: [String], rows: [[String]], numericColumns: Set<Int> = []) -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
                return numericColumns.contains(index) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var out = [line(headers), line(widths.map { String(repeating: "-", count: $0) })]
        out.append(contentsOf: rows.map(line))
        return out.joined(separator: "\n")
    }

    /// RFC 4180 CSV.
    static func csv(headers: [String], rows: [[String]]) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        return ([headers] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n")
    }
}
