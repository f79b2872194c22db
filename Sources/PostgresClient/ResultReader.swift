internal import CLibPQ

/// Turns a `PGresult` into ``PostgresRows`` or a ``PostgresError`` and frees it.
///
/// Every result passes through here, which is what guarantees that no `PGresult` outlives the call that
/// produced it and that no caller ever holds memory owned by libpq.
enum ResultReader {
    /// Consumes `result` (it is always `PQclear`ed). `connection` is consulted for errors and to leave it
    /// ready for the next command.
    static func read(_ result: OpaquePointer?, from connection: OpaquePointer) throws(PostgresError) -> PostgresRows {
        guard let result else {
            // libpq returns NULL only when it could not even build a result: out of memory, or the command
            // could not be sent.
            throw error(fromConnection: connection)
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        switch status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return PostgresRows(storage: copy(result))
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            abandonCopy(status, on: connection)
            throw PostgresError(.unsupportedResult, "COPY is not supported by PostgresClient; use INSERT")
        default:
            throw error(from: result, connection: connection)
        }
    }

    private static func copy(_ result: OpaquePointer) -> ResultStorage {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        let columns = (0..<columnCount).map { column in
            PQfname(result, Int32(column)).map { String(cString: $0) } ?? ""
        }
        var cells: [String?] = []
        cells.reserveCapacity(rowCount * columnCount)
        for row in 0..<Int32(rowCount) {
            for column in 0..<Int32(columnCount) {
                if PQgetisnull(result, row, column) != 0 {
                    cells.append(nil)
                } else {
                    let length = Int(PQgetlength(result, row, column))
                    let bytes = UnsafeRawBufferPointer(start: PQgetvalue(result, row, column), count: length)
                    cells.append(String(decoding: bytes, as: UTF8.self))
                }
            }
        }
        let tuples = PQcmdTuples(result).map { String(cString: $0) } ?? ""
        let tag = PQcmdStatus(result).map { String(cString: $0) } ?? ""
        return ResultStorage(
            columns: columns,
            cells: cells,
            rowCount: rowCount,
            affectedRows: Int(tuples) ?? 0,
            commandTag: tag
        )
    }

    /// A server or libpq error carried in a failed result. If the session died along the way (status
    /// `CONNECTION_BAD`) it is reported as a connection failure whatever the SQLSTATE says.
    private static func error(from result: OpaquePointer, connection: OpaquePointer) -> PostgresError {
        func field(_ code: UInt8) -> String? {
            PQresultErrorField(result, Int32(code)).map { String(cString: $0) }
        }
        let sqlState = field(UInt8(ascii: "C"))  // PG_DIAG_SQLSTATE
        let primary = field(UInt8(ascii: "M"))  // PG_DIAG_MESSAGE_PRIMARY
        let detail = field(UInt8(ascii: "D"))  // PG_DIAG_MESSAGE_DETAIL
        var message = primary ?? PQresultErrorMessage(result).map { LibPQMessage.oneLine(String(cString: $0)) } ?? ""
        if message.isEmpty { message = LibPQMessage.connectionError(connection) }
        let code: PostgresError.Code = PQstatus(connection) == CONNECTION_BAD ? .connectionFailed : .queryFailed
        return PostgresError(code, message, sqlState: sqlState, detail: detail)
    }

    private static func error(fromConnection connection: OpaquePointer) -> PostgresError {
        let code: PostgresError.Code = PQstatus(connection) == CONNECTION_BAD ? .connectionFailed : .queryFailed
        return PostgresError(code, LibPQMessage.connectionError(connection))
    }

    /// Ends a `COPY` the caller did not ask for, so the connection returns to idle instead of waiting
    /// forever for COPY data that will never come.
    private static func abandonCopy(_ status: ExecStatusType, on connection: OpaquePointer) {
        if status == PGRES_COPY_IN || status == PGRES_COPY_BOTH {
            _ = PQputCopyEnd(connection, "COPY is not supported by PostgresClient")
        }
        if status == PGRES_COPY_OUT {
            var buffer: UnsafeMutablePointer<CChar>?
            while PQgetCopyData(connection, &buffer, 0) > 0 {
                PQfreemem(buffer)
                buffer = nil
            }
        }
        while let pending = PQgetResult(connection) {
            PQclear(pending)
        }
    }
}
