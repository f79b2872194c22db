internal import CLibPQ

/// Opens and prepares a libpq session: the only place connection URLs and passwords are handled.
enum Connector {
    /// Settings applied in front of the caller's URL. `PQconnectdbParams` lets a later keyword override an
    /// earlier one, and the URL is expanded where `dbname` sits, so anything the URL sets wins over these.
    ///
    /// - `connect_timeout`: without it libpq waits for the kernel's TCP timeout (minutes) when the server's
    ///   host is unreachable, and the ledger would hang instead of spooling to disk.
    /// - `fallback_application_name`: names our sessions in `pg_stat_activity` unless the URL names them.
    private static let defaults: [(String, String)] = [
        ("connect_timeout", "5"),
        ("fallback_application_name", "tokmodel"),
    ]

    /// Settings applied after the URL, because the rest of this module depends on them: Swift strings are
    /// UTF-8, so the session must be too.
    private static let overrides: [(String, String)] = [
        ("client_encoding", "UTF8"),
    ]

    /// Session settings that cannot be passed as connection keywords without clobbering a URL's `options`.
    /// `client_min_messages = warning` keeps the server from sending NOTICEs we would discard anyway, and
    /// `bytea_output = hex` is the only format ``PostgresRow/bytea(_:)`` decodes.
    private static let sessionSetup = "SET client_min_messages TO warning; SET bytea_output TO hex"

    /// Connects (blocking, up to `connect_timeout`) and returns a ready `PGconn`, owned by the caller.
    static func connect(url: String) throws(PostgresError) -> OpaquePointer {
        let password = try password(in: url)
        let keywords = defaults.map(\.0) + ["dbname"] + overrides.map(\.0)
        let values = defaults.map(\.1) + [url] + overrides.map(\.1)
        let keywordArray = try CStringArray(keywords)
        let valueArray = try CStringArray(values)
        let connection = keywordArray.withPointers(nullTerminated: true) { keywordPointers in
            valueArray.withPointers(nullTerminated: true) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let message = LibPQMessage.redacting(password, in: LibPQMessage.connectionError(connection))
            PQfinish(connection)
            throw PostgresError(.connectionFailed, message)
        }
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        do throws(PostgresError) {
            _ = try ResultReader.read(PQexec(connection, sessionSetup), from: connection)
        } catch {
            PQfinish(connection)
            throw error
        }
        return connection
    }

    /// Validates `url` and returns its password, if any, so it can be scrubbed from error messages.
    ///
    /// libpq's parse errors quote the offending fragment, which may be the password or the whole URL, so
    /// every quoted fragment is removed from them.
    private static func password(in url: String) throws(PostgresError) -> String? {
        var errorText: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(url, &errorText) else {
            let message = errorText.map { LibPQMessage.oneLine(String(cString: $0)) } ?? "cannot parse the connection URL"
            PQfreemem(errorText)
            throw PostgresError(.invalidURL, LibPQMessage.redactingQuoted(message))
        }
        defer { PQconninfoFree(options) }
        var option = options
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == "password" {
                return option.pointee.val.map { String(cString: $0) }
            }
            option += 1
        }
        return nil
    }
}
