/// The complete result of one statement, copied out of libpq.
///
/// The `PGresult` is freed before ``PostgresConnection/query(_:_:)`` returns, so results are plain
/// immutable values: they can be kept, returned from ``PostgresPool/withConnection(_:)`` and sent across
/// tasks without any tie to the connection or its thread. Values are kept in PostgreSQL's text format and
/// decoded on access by ``PostgresRow``.
public struct PostgresRows: Sendable, RandomAccessCollection {
    let storage: ResultStorage

    init(storage: ResultStorage) {
        self.storage = storage
    }

    /// The result column names, in `SELECT` order. Empty for statements that return no rows.
    public var columns: [String] { storage.columns }

    /// How many rows an `INSERT`, `UPDATE`, `DELETE`, `MERGE`, `SELECT` or `COPY` touched, as reported in
    /// the command tag (libpq's `PQcmdTuples`); 0 for statements without a count.
    public var affectedRows: Int { storage.affectedRows }

    /// The command tag, e.g. `INSERT 0 3`, `UPDATE 2`, `COMMIT` or `ROLLBACK`.
    public var commandTag: String { storage.commandTag }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.rowCount }

    public subscript(position: Int) -> PostgresRow {
        precondition(indices.contains(position), "row index \(position) out of range 0..<\(count)")
        return PostgresRow(storage: storage, row: position)
    }
}

/// The immutable cells of one result, shared by a ``PostgresRows`` and every ``PostgresRow`` taken from it,
/// so iterating rows copies nothing.
final class ResultStorage: Sendable {
    let columns: [String]
    /// First occurrence wins when a query returns two columns with the same name, as in libpq's `PQfnumber`.
    let columnIndex: [String: Int]
    /// Row-major cells; `nil` is SQL `NULL`.
    let cells: [String?]
    let rowCount: Int
    let affectedRows: Int
    let commandTag: String

    init(columns: [String], cells: [String?], rowCount: Int, affectedRows: Int, commandTag: String) {
        var columnIndex: [String: Int] = [:]
        for (index, name) in columns.enumerated() where columnIndex[name] == nil {
            columnIndex[name] = index
        }
        self.columns = columns
        self.columnIndex = columnIndex
        self.cells = cells
        self.rowCount = rowCount
        self.affectedRows = affectedRows
        self.commandTag = commandTag
    }
}
