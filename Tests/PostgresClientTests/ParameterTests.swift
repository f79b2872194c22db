import PostgresClient
import Testing

@Suite("Parameters and rows")
struct ParameterTests {
    @Test("strings that look like SQL, quotes, backslashes and unicode stay data")
    func hostileStringsRoundTrip() throws {
        let db = try TestDatabase.connect()
        defer { db.close() }
        let table = TestDatabase.uniqueTableName("strings")
        try db.execute(script: "CREATE TABLE \(table) (id int PRIMARY KEY, value text)")
        defer { try? db.execute(script: "DROP TABLE \(table)") }

        let samples = [
            "'; DROP TABLE \(table); --",
            "Robert'); DELETE FROM \(table) WHERE ('1'='1",
            "O'Brien said \"hi\"",
            #"back\slash \\ double \' escaped"#,
            "$1 $2 %s ?",
            "ünïcødé — 日本語 🚀👩‍👩‍👧",
            "line\nbreak\ttab",
            "",
        ]
        for (id, sample) in samples.enumerated() {
            let inserted = try db.query("INSERT INTO \(table) (id, value) VALUES ($1, $2)", [.int(id), .string(sample)])
            #expect(inserted.affectedRows == 1)
        }

        let rows = try db.query("SELECT id, value FROM \(table) ORDER BY id")
        #expect(rows.count == samples.count)
        #expect(rows.map { $0.string("value") } == samples)
        // The empty string is a value, not NULL.
        #expect(rows.last?.isNull("value") == false)
        // Nothing was dropped or deleted by the injection-shaped values.
        #expect(try db.query("SELECT count(*) AS n FROM \(table)").first?.int64("n") == Int64(samples.count))
        // Each value also compares equal when sent back as a parameter.
        for (id, sample) in samples.enumerated() {
            let match = try db.query("SELECT id FROM \(table) WHERE value = $1", [.string(sample)])
            #expect(match.map { $0.int("id") } == [id])
        }
    }

    @Test("integers, booleans and NULL of every spelling")
    func scalarsAndNull() throws {
        let db = try TestDatabase.connect()
        defer { db.close() }
        let rows = try db.query(
            """
            SELECT $1::bigint AS big, $2::bigint AS small, $3::int AS plain, $4::boolean AS yes, $5::boolean AS no,
                   $6::text AS null_literal, $7::bigint AS null_int, $8::text AS null_static, $9::boolean AS null_bool,
                   42 AS literal_int, true AS literal_bool
            """,
            [.int64(.max), PostgresParameter(Int64.min), 7, true, .bool(false), nil, .int64(nil), .null, .bool(nil)]
        )
        #expect(rows.count == 1)
        #expect(rows.columns == [
            "big", "small", "plain", "yes", "no", "null_literal", "null_int", "null_static", "null_bool",
            "literal_int", "literal_bool",
        ])
        let row = try #require(rows.first)
        #expect(row.int64("big") == .max)
        #expect(row.int64("small") == .min)
        #expect(row.int("plain") == 7)
        #expect(row.bool("yes") == true)
        #expect(row.bool("no") == false)
        #expect(row.string("yes") == "t")
        for column in ["null_literal", "null_int", "null_static", "null_bool"] {
            #expect(row.isNull(column))
            #expect(row.string(column) == nil)
        }
        #expect(row.int64("null_int") == nil)
        #expect(row.bool("null_bool") == nil)
        // The same cells by position.
        #expect(row.int64(0) == .max)
        #expect(row.bool(3) == true)
        #expect(row.isNull(5))
        #expect(row.int(9) == 42)
        #expect(row.bool(10) == true)
        #expect(!row.isNull(9))
    }

    @Test("NULL parameters are stored as NULL")
    func nullIsStored() throws {
        let db = try TestDatabase.connect()
        defer { db.close() }
        let table = TestDatabase.uniqueTableName("nulls")
        try db.execute(script: "CREATE TEMP TABLE \(table) (id int, note text, amount bigint)")
        try db.query("INSERT INTO \(table) VALUES ($1, $2, $3), ($4, $5, $6)", [1, nil, .int64(nil), 2, "x", 5])
        let nullCount = try db.query("SELECT count(*) AS n FROM \(table) WHERE note IS NULL AND amount IS NULL")
        #expect(nullCount.first?.int64("n") == 1)
        let present = try db.query("SELECT note, amount FROM \(table) WHERE id = 2")
        #expect(present.first?.string("note") == "x")
        #expect(present.first?.int64("amount") == 5)
    }

    @Test("bytea round-trips every byte value, including NUL and an empty value")
    func byteaRoundTrip() throws {
        let db = try TestDatabase.connect()
        defer { db.close() }
        let table = TestDatabase.uniqueTableName("bytes")
        try db.execute(script: "CREATE TABLE \(table) (id int PRIMARY KEY, data bytea)")
        defer { try? db.execute(script: "DROP TABLE \(table)") }

        let everyByte = (0...255).map(UInt8.init)
        try db.query(
            "INSERT INTO \(table) VALUES ($1, $2), ($3, $4), ($5, $6)",
            [1, PostgresParameter(bytea: everyByte), 2, .bytea([]), 3, .bytea(nil)]
        )
        let rows = try db.query("SELECT id, data, length(data) AS size FROM \(table) ORDER BY id")
        #expect(rows.count == 3)
        #expect(rows[0].bytea("data") == everyByte)
        #expect(rows[0].int("size") == 256)
        #expect(rows[1].bytea("data") == [])
        #expect(rows[1].int("size") == 0)
        #expect(rows[2].bytea("data") == nil)
        // The server sees the real bytes, not their text: byte 0x27 (') is at position 0x27 + 1.
        let quote = try db.query("SELECT get_byte(data, 39) AS b FROM \(table) WHERE id = 1")
        #expect(quote.first?.int("b") == 39)
    }

    @Test("a NUL inside a text parameter is rejected instead of silently truncated")
    func nulInTextIsRejected() throws {
        let db = try TestDatabase.connect()
        defer { db.close() }
        #expect {
            try db.query("SELECT $1::text AS v", ["abc\u{0}def"])
        } throws: { error in
            (error as? PostgresError)?.code == .invalidParameter
        }
        // The connection is untouched and still usable.
        #expect(try db.query("SELECT 1 AS one").first?.int("one") == 1)
    }

    @Test("affected rows, command tags and empty results")
    func commandResults() throws {
        let db = try TestDatabase.connect()
        defer { db.close() }
        let table = TestDatabase.uniqueTableName("counts")
        try db.execute(script: "CREATE TEMP TABLE \(table) (id int, n int); INSERT INTO \(table) SELECT g, 0 FROM generate_series(1, 5) g")
        let updated = try db.query("UPDATE \(table) SET n = n + 1 WHERE id <= $1", [3])
        #expect(updated.affectedRows == 3)
        #expect(updated.commandTag == "UPDATE 3")
        #expect(updated.isEmpty)
        #expect(updated.columns.isEmpty)
        let none = try db.query("SELECT id FROM \(table) WHERE id > $1", [100])
        #expect(none.isEmpty)
        #expect(none.columns == ["id"])
        let sum = try db.query("SELECT sum(n) AS total FROM \(table)")
        #expect(sum.first?.int64("total") == 3)
        let deleted = try db.query("DELETE FROM \(table)")
        #expect(deleted.affectedRows == 5)
    }

    @Test("rows can be iterated and kept after the connection is closed")
    func rowsOutliveConnection() throws {
        let db = try TestDatabase.connect()
        let rows = try db.query("SELECT g AS n, 'row ' || g AS label FROM generate_series(1, 4) g")
        db.close()
        #expect(rows.map { $0.int64("n") } == [1, 2, 3, 4])
        var labels: [String] = []
        for row in rows {
            labels.append(row.string("label") ?? "?")
        }
        #expect(labels == ["row 1", "row 2", "row 3", "row 4"])
    }
}
