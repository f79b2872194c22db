import Crypto
import Foundation
public import PostgresClient
import TokModelCore

#if canImport(Glibc)
import Glibc
#endif

/// Applies the numbered SQL files of `Migrations/` in order, each once, recording them in `schema_migrations`.
///
/// Safe to run again and from several processes at once: an advisory lock serialises runs, applied versions
/// are skipped, and a file whose content changed after it was applied stops the run with an error (an
/// applied migration is history; fix forward with a new file).
public enum Migrator {
    public struct Migration: Sendable, Equatable {
        public var version: Int
        public var name: String
        public var sql: String
        public var checksum: String
    }

    public struct MigrationError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Migrations found in `directory`: files named `NNNN_name.sql`, sorted by number.
    public static func load(directory: String) throws -> [Migration] {
        guard let dir = opendir(directory) else { throw MigrationError(description: "cannot open migrations directory '\(directory)'") }
        defer { closedir(dir) }
        var migrations: [Migration] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasSuffix(".sql"), let underscore = name.firstIndex(of: "_"), let version = Int(name[..<underscore]) else { continue }
            let sql = try FileText.read(path: directory + "/" + name)
            let digest = SHA256.hash(data: Array(sql.utf8))
            migrations.append(Migration(version: version, name: name, sql: sql, checksum: Hex.encode(digest)))
        }
        migrations.sort { $0.version < $1.version }
        for (a, b) in zip(migrations, migrations.dropFirst()) where a.version == b.version {
            throw MigrationError(description: "two migrations share version \(a.version): \(a.name), \(b.name)")
        }
        return migrations
    }

    /// Finds the migrations directory: `$TOKMODEL_MIGRATIONS_DIR`, `./Migrations`, or next to the executable's package.
    public static func defaultDirectory(environment: [String: String], executablePath: String) -> String {
        if let configured = environment["TOKMODEL_MIGRATIONS_DIR"], !configured.isEmpty { return configured }
        var candidates = ["Migrations"]
        // .build/<config>/tokmodel-admin → ../../Migrations
        let parts = executablePath.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count > 3 { candidates.append(parts.dropLast(3).joined(separator: "/") + "/Migrations") }
        candidates.append("/usr/share/tokmodel/migrations")
        for candidate in candidates where access(candidate + "/0001_ledger.sql", R_OK) == 0 { return candidate }
        return "Migrations"
    }

    /// Applies what is missing and returns the migrations applied by this call.
    @discardableResult
    public static func migrate(_ connection: PostgresConnection, migrations: [Migration]) throws -> [Migration] {
        // One migrator at a time across processes. Taken before creating `schema_migrations`: two concurrent
        // `CREATE TABLE IF NOT EXISTS` of the same table can fail with a unique violation in pg_type.
        try connection.query("SELECT pg_advisory_lock(7262010)")
        defer { _ = try? connection.query("SELECT pg_advisory_unlock(7262010)") }
        try connection.query("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """)

        var applied: [Int: String] = [:]
        for row in try connection.query("SELECT version, checksum FROM schema_migrations") {
            if let version = row.int("version"), let checksum = row.string("checksum") { applied[version] = checksum }
        }
        var done: [Migration] = []
        for migration in migrations {
            if let checksum = applied[migration.version] {
                guard checksum == migration.checksum else {
                    throw MigrationError(description: "migration \(migration.name) was changed after it was applied; add a new migration instead")
                }
                continue
            }
            let record = "INSERT INTO schema_migrations (version, name, checksum) VALUES (\(migration.version), '\(migration.name.replacingOccurrences(of: "'", with: "''"))', '\(migration.checksum)');"
            do {
                try connection.execute(script: "BEGIN;\n\(migration.sql)\n;\n\(record)\nCOMMIT;")
            } catch {
                _ = try? connection.query("ROLLBACK")
                throw MigrationError(description: "migration \(migration.name) failed: \(error)")
            }
            done.append(migration)
        }
        return done
    }

    /// The highest applied version, or 0 for an empty database.
    public static func currentVersion(_ connection: PostgresConnection) throws -> Int {
        let exists = try connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
        guard exists.first?.bool("present") == true else { return 0 }
        return try connection.query("SELECT coalesce(max(version), 0) AS v FROM schema_migrations").first?.int("v") ?? 0
    }
}
