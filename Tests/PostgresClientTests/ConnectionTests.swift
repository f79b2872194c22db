import PostgresClient
import Testing

@Suite("Connections and errors")
struct ConnectionTests {
    @Test("a duplicate key is a unique violation, not a connection failure")
    func uniqueViolation() throws {
        let db = try TestDatabase.connect()
        defer { db.close() }
        let table = TestDatabase.uniqueTableName("unique")
        try db.execute(script: "CREATE TEMP TABLE \(table) (id text PRIMARY KEY)")
        try db.query("INSERT INTO \(table) VALUES ($1)", ["evt-1"])
        let error = try #require(throws: PostgresError.self) {
            try db.query("INSERT INTO \(table) VALUES ($1)", ["evt-1"])
        }
        #expect(error.isUniqueViolation)
        #expect(error.sqlState == "23505")
        #expect(error.code == .queryFailed)
        #expect(!error.isConnectionFailure)
        #expect(!error.isSerializationFailure)
        #expect(error.detail?.contains("evt-1") == true)
        // The session survives a statement error.
        #expect(db.isHealthy)
        #expect(try db.query("SELECT count(*) AS n FROM \(table)").first?.int64("n") == 1)
    }

    @Test("a syntax error carries SQLSTATE 42601")
    func syntaxError() throws {
        let db = try TestDatabase.connect()
        defer { db.close() }
        let error = try #require(throws: PostgresError.self) {
            try db.query("SELEC 1")
        }
        #expect(error.sqlState == "42601")
        #expect(error.message.contains("syntax error"))
        #expect(!error.isConnectionFailure)
        #expect(!error.isUniqueViolation)
        #expect(String(describing: error).contains("42601"))
        #expect(try db.query("SELECT 2 AS two").first?.int("two") == 2)
    }

    @Test("a deadlock-free serialization failure code is recognised")
    func serializationFailureFromServer() throws {
        let db = try TestDatabase.connect()
        defer { db.close() }
        // RAISE lets the server produce a real error with a chosen SQLSTATE.
        let error = try #require(throws: PostgresError.self) {
            try db.execute(script: "DO $$ BEGIN RAISE EXCEPTION 'retry me' USING ERRCODE = 'serialization_failure'; END $$")
        }
        #expect(error.isSerializationFailure)
        #expect(error.sqlState == "40001")
        #expect(error.message == "retry me")
        #expect(!error.isConnectionFailure)
    }

    @Test("execute(script:) runs several statements; the session is set up for this module")
    func scriptsAndSessionSettings() throws {
        let db = try TestDatabase.connect()
        defer { db.close() }
        let table = TestDatabase.uniqueTableName("script")
        try db.execute(script: """
            CREATE TEMP TABLE \(table) (id int);
            INSERT INTO \(table) VALUES (1), (2);
            INSERT INTO \(table) VALUES (3);
            """)
        #expect(try db.query("SELECT count(*) AS n FROM \(table)").first?.int64("n") == 3)
        let settings = try db.query(
            """
            SELECT current_setting('client_min_messages') AS level, current_setting('application_name') AS app,
                   current_setting('client_encoding') AS encoding, current_setting('bytea_output') AS bytea
            """
        )
        #expect(settings.first?.string("level") == "warning")
        #expect(settings.first?.string("app") == "tokmodel")
        #expect(settings.first?.string("encoding") == "UTF8")
        #expect(settings.first?.string("bytea") == "hex")
        // A script stops at its first failing statement.
        #expect(throws: PostgresError.self) {
            try db.execute(script: "INSERT INTO \(table) VALUES (4); SELECT * FROM no_such_table_\(table);")
        }
        #expect(try db.query("SELECT count(*) AS n FROM \(table)").first?.int64("n") == 3)
    }

    @Test("an application_name in the URL wins over the default")
    func urlSettingsWin() throws {
        try TestDatabase.requireReachable()
        let url = try TestDatabase.url()
        let separator = url.contains("?") ? "&" : "?"
        let db = try PostgresConnection(url: url + separator + "application_name=pgc-test")
        defer { db.close() }
        #expect(try db.query("SELECT current_setting('application_name') AS app").first?.string("app") == "pgc-test")
    }

    @Test("COPY is refused and leaves the connection usable")
    func copyIsRefused() throws {
        let db = try TestDatabase.connect()
        defer { db.close() }
        let table = TestDatabase.uniqueTableName("copy")
        try db.execute(script: "CREATE TEMP TABLE \(table) (id int)")
        for statement in ["COPY \(table) FROM STDIN", "COPY (SELECT 1) TO STDOUT"] {
            let error = try #require(throws: PostgresError.self) { try db.query(statement) }
            #expect(error.code == .unsupportedResult)
            #expect(try db.query("SELECT 5 AS five").first?.int("five") == 5)
        }
    }

    @Test("close is idempotent and later queries report a connection failure")
    func closeTwice() throws {
        let db = try TestDatabase.connect()
        #expect(db.isHealthy)
        db.close()
        db.close()
        #expect(!db.isHealthy)
        let error = try #require(throws: PostgresError.self) { try db.query("SELECT 1") }
        #expect(error.isConnectionFailure)
    }

    @Test("a server terminating the session is a connection failure")
    func terminatedSession() throws {
        let db = try TestDatabase.connect()
        defer { db.close() }
        let error = try #require(throws: PostgresError.self) {
            try db.query("SELECT pg_terminate_backend(pg_backend_pid())")
        }
        #expect(error.isConnectionFailure)
        #expect(!db.isHealthy)
    }

    @Test("an unreachable server fails fast as a connection failure without leaking the password")
    func unreachableServer() throws {
        // Like every test here, fail when the test server is missing rather than pass without it.
        try TestDatabase.requireReachable()
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(throws: PostgresError.self) {
            try PostgresConnection(url: "postgres://ledger:Sup3r-S3cret-pw@127.0.0.1:1/tokmodel")
        }
        #expect(clock.now - start < .seconds(6))
        #expect(error.isConnectionFailure)
        #expect(error.code == .connectionFailed)
        #expect(!error.message.isEmpty)
        #expect(!String(describing: error).contains("Sup3r-S3cret-pw"))
    }

    @Test("a malformed URL is a configuration error whose message hides the URL")
    func malformedURL() throws {
        try TestDatabase.requireReachable()
        for url in [
            "postgres://ledger:bad%zzS3cret@127.0.0.1:5432/tokmodel",
            "postgres://ledger:S3cret@[::1:5432/tokmodel",
            "postgres://ledger:S3cret@127.0.0.1:5432/tokmodel?nonsense_option=S3cret",
        ] {
            let error = try #require(throws: PostgresError.self) { try PostgresConnection(url: url) }
            #expect(error.code == .invalidURL)
            #expect(!error.isConnectionFailure)
            #expect(!String(describing: error).contains("S3cret"), "leaked in: \(error)")
        }
    }
}
