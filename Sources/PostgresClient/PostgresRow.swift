/// One row of ``PostgresRows``, read by column name or zero-based column index.
///
/// Every accessor returns `nil` for SQL `NULL`. Asking for a column the query did not return, or decoding a
/// value as the wrong type (`int64` on `'abc'`), is a programming error rather than a data condition, so it
/// stops the program with a message naming the column, exactly like an out-of-range array index. Silently
/// answering `nil` there would make a misspelt column look like a `NULL` and bill zero.
public struct PostgresRow: Sendable {
    let storage: ResultStorage
    let row: Int

    /// The column names of the result this row belongs to.
    public var columns: [String] { storage.columns }

    /// The value in PostgreSQL's text output format, e.g. `t` for a boolean or `\x00ff` for `bytea`.
    public func string(_ column: String) -> String? {
        cell(at: index(of: column))
    }

    public func string(_ column: Int) -> String? {
        cell(at: checked(column))
    }

    public func int64(_ column: String) -> Int64? {
        decode(index(of: column), as: "an integer", Int64.init)
    }

    public func int64(_ column: Int) -> Int64? {
        decode(checked(column), as: "an integer", Int64.init)
    }

    public func int(_ column: String) -> Int? {
        decode(index(of: column), as: "an integer", Int.init)
    }

    public func int(_ column: Int) -> Int? {
        decode(checked(column), as: "an integer", Int.init)
    }

    /// Decodes PostgreSQL's `t`/`f` output (and `true`/`false`, in case a boolean parameter was echoed back
    /// as text).
    public func bool(_ column: String) -> Bool? {
        decode(index(of: column), as: "a boolean", Self.parseBool)
    }

    public func bool(_ column: Int) -> Bool? {
        decode(checked(column), as: "a boolean", Self.parseBool)
    }

    /// Decodes a `bytea` value in the hex format, which every session opened by this module uses.
    public func bytea(_ column: String) -> [UInt8]? {
        decode(index(of: column), as: "hex bytea", Hex.decodeBytea)
    }

    public func bytea(_ column: Int) -> [UInt8]? {
        decode(checked(column), as: "hex bytea", Hex.decodeBytea)
    }

    public func isNull(_ column: String) -> Bool {
        cell(at: index(of: column)) == nil
    }

    public func isNull(_ column: Int) -> Bool {
        cell(at: checked(column)) == nil
    }

    private func index(of column: String) -> Int {
        guard let index = storage.columnIndex[column] else {
            preconditionFailure("the result has no column \"\(column)\"; columns: \(storage.columns)")
        }
        return index
    }

    private func checked(_ column: Int) -> Int {
        precondition(storage.columns.indices.contains(column), "column index \(column) out of range 0..<\(storage.columns.count)")
        return column
    }

    private func cell(at column: Int) -> String? {
        storage.cells[row * storage.columns.count + column]
    }

    private func decode<Value>(_ column: Int, as kind: String, _ parse: (String) -> Value?) -> Value? {
        guard let text = cell(at: column) else { return nil }
        guard let value = parse(text) else {
            preconditionFailure("column \"\(storage.columns[column])\" does not hold \(kind)")
        }
        return value
    }

    private static func parseBool(_ text: String) -> Bool? {
        switch text {
        case "t", "true": true
        case "f", "false": false
        default: nil
        }
    }
}
