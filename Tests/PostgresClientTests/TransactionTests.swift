import PostgresClient
import Testing

@Suite("Transactions")
struct TransactionTests {
    struct Abort: Error {}

    @Test("a throwing body rolls back and its error is rethrown unchanged")
    func rollbackOnThrow() throws {
        let db = try TestDatabase.connect()
        defer { db.close() }
        let table = TestDatabase.uniqueTableName("rollback")
        try db.execute(script: "CREATE TABLE \(table) (id int)")
        defer { try? db.execute(script: "DROP TABLE \(table)") }

        #expect(throws: Abort.self) {
            try db.transaction { tx in
                try tx.query("INSERT INTO \(table) VALUES ($1), ($2)", [1, 2])
                // Visible inside the transaction…
                #expect(try tx.query("SELECT count(*) AS n FROM \(table)").first?.int64("n") == 2)
                throw Abort()
            }
        }
        // …and gone after the rollback, seen from this and from another session.
        #expect(try db.query("SELECT count(*) AS n FROM \(table)").first?.int64("n") == 0)
        let other = try TestDatabase.connect()
        defer { other.close() }
        #expect(try other.query("SELECT count(*) AS n FROM \(table)").first?.int64("n") == 0)
        // The connection is out of the transaction: a plain insert now sticks.
        try db.query("INSERT INTO \(table) VALUES (3)")
        #expect(try other.query("SELECT count(*) AS n FROM \(table)").first?.int64("n") == 1)
    }

    @Test("a successful body commits and returns its value")
    func commit() throws {
        let db = try TestDatabase.connect()
        defer { db.close() }
        let table = TestDatabase.uniqueTableName("commit")
        try db.execute(script: "CREATE TABLE \(table) (id int)")
        defer { try? db.execute(script: "DROP TABLE \(table)") }

        let inserted = try db.transaction { tx in
            try tx.query("INSERT INTO \(table) SELECT generate_series(1, 4)").affectedRows
        }
        #expect(inserted == 4)
        let other = try TestDatabase.connect()
        defer { other.close() }
        #expect(try other.query("SELECT count(*) AS n FROM \(table)").first?.int64("n") == 4)
    }

    @Test("a swallowed statement error makes COMMIT report the rollback")
    func swallowedErrorIsReported() throws {
        let db = try TestDatabase.connect()
        defer { db.close() }
        let table = TestDatabase.uniqueTableName("aborted")
        try db.execute(script: "CREATE TEMP TABLE \(table) (id int PRIMARY KEY)")
        let error = try #require(throws: PostgresError.self) {
            try db.transaction { tx in
                try tx.query("INSERT INTO \(table) VALUES (1)")
                _ = try? tx.query("INSERT INTO \(table) VALUES (1)")  // unique violation, ignored
            }
        }
        #expect(error.code == .transactionRolledBack)
        #expect(try db.query("SELECT count(*) AS n FROM \(table)").first?.int64("n") == 0)
    }
}
