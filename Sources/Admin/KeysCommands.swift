import ArgumentParser
import Dialects
import Foundation
import Governance
import Ledger
import TokModelCore

struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Issue, list, update and revoke API keys.", subcommands: [Create.self, List.self, Update.self, Revoke.self])
    @OptionGroup var global: GlobalOptions

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a key. Its secret is printed once and stored nowhere.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Account the key spends from.") var account: String
        @Option(help: "A label for the key.") var name: String = ""
        @Option(help: "Requests per minute (0 = unlimited).") var rpm: Int64 = 0
        @Option(help: "Tokens per minute (0 = unlimited).") var tpm: Int64 = 0
        @Option(help: "Comma-separated model ids or provider/* patterns the key may use (default: all).") var models: String?
        @Option(help: "Expiry, ISO 8601 date or time in UTC (e.g. 2027-01-01).") var expires: String?
        @Option(name: .customLong("max-concurrent"), help: "Requests in flight at once (0 = unlimited).") var maxConcurrent: Int64 = 0
        @Option(name: .customLong("spend-limit"), help: "Most the key may spend in total, in dollars.") var spendLimit: String?
        @Option(name: .customLong("daily-spend-limit"), help: "Most the key may spend per UTC day, in dollars.") var dailySpendLimit: String?
        @Option(name: .customLong("monthly-spend-limit"), help: "Most the key may spend per UTC month, in dollars.") var monthlySpendLimit: String?

        func validate() throws {
            guard maxConcurrent >= 0 else { throw ValidationError("--max-concurrent must not be negative") }
            guard rpm >= 0 else { throw ValidationError("--rpm must not be negative") }
            guard tpm >= 0 else { throw ValidationError("--tpm must not be negative") }
        }

        func run() async throws {
            let allowed = models.map { $0.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty } } ?? []
            var expiresAt: Int64?
            if let expires {
                guard let millis = ISODates.millis(expires) else {
                    throw LedgerUserError("invalid --expires '\(expires)': use ISO 8601, e.g. 2027-01-01 or 2027-01-01T00:00:00Z")
                }
                expiresAt = millis
            }
            let (key, secret) = try global.database().createKey(
                accountName: account, name: name, requestsPerMinute: rpm, tokensPerMinute: tpm, allowedModels: allowed, expiresAtMillis: expiresAt,
                maxConcurrent: maxConcurrent, spendLimit: try DollarOption.parse(spendLimit, "--spend-limit") ?? .zero,
                dailySpendLimit: try DollarOption.parse(dailySpendLimit, "--daily-spend-limit") ?? .zero,
                monthlySpendLimit: try DollarOption.parse(monthlySpendLimit, "--monthly-spend-limit") ?? .zero)
            await global.publish("the new key") { store in try await store.putKey(key.governanceRecord) }
            if global.json {
                var value = KeyJSON.value(key)
                value.set("secret", .string(secret))
                Output.json(value)
            } else {
                print("created key \(key.id) for account \(key.accountName) (\(key.displayPrefix)…)")
                print("secret (shown once; store it now):")
                print(secret)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List keys (never their secrets).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this account's keys.") var account: String?

        func run() async throws {
            let keys = try global.database().keys(accountName: account)
            if global.json {
                Output.json(.array(keys.map(KeyJSON.value)))
            } else {
                print(
                    Output.table(
                        headers: ["ID", "ACCOUNT", "NAME", "PREFIX", "RPM", "TPM", "STATUS", "CREATED"],
                        rows: keys.map { key in
                            [
                                String(key.id), key.accountName, key.name, key.displayPrefix, String(key.requestsPerMinute), String(key.tokensPerMinute),
                                key.revokedAt == nil ? "active" : "revoked", key.createdAt,
                            ]
                        }, numericColumns: [0, 4, 5]))
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a key's limits; takes effect on its next request at every edge. Options left out stay as they are.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The key's id (see keys list).") var keyID: String
        @Option(help: "Requests per minute (0 = unlimited).") var rpm: Int64?
        @Option(help: "Tokens per minute (0 = unlimited).") var tpm: Int64?
        @Option(name: .customLong("max-concurrent"), help: "Requests in flight at once (0 = unlimited).") var maxConcurrent: Int64?
        @Option(name: .customLong("spend-limit"), help: "Total spend limit in dollars (0 = none).") var spendLimit: String?
        @Option(name: .customLong("daily-spend-limit"), help: "Spend limit per UTC day in dollars (0 = none).") var dailySpendLimit: String?
        @Option(name: .customLong("monthly-spend-limit"), help: "Spend limit per UTC month in dollars (0 = none).") var monthlySpendLimit: String?
        @Option(help: "Comma-separated model ids or provider/* patterns ('' = all).") var models: String?
        @Option(help: "Expiry (ISO 8601, UTC), or 'never'.") var expires: String?

        func run() async throws {
            guard let id = Int64(keyID), id > 0 else { throw LedgerUserError("invalid key id '\(keyID)': use the numeric id shown by keys list") }
            var expiry: Int64??
            if let expires {
                if expires == "never" {
                    expiry = .some(nil)
                } else if let millis = ISODates.millis(expires) {
                    expiry = .some(millis)
                } else {
                    throw LedgerUserError("invalid --expires '\(expires)': use ISO 8601, e.g. 2027-01-01, or 'never'")
                }
            }
            let update = KeyLimitsUpdate(
                requestsPerMinute: rpm, tokensPerMinute: tpm, maxConcurrent: maxConcurrent,
                spendLimit: try DollarOption.parse(spendLimit, "--spend-limit"),
                dailySpendLimit: try DollarOption.parse(dailySpendLimit, "--daily-spend-limit"),
                monthlySpendLimit: try DollarOption.parse(monthlySpendLimit, "--monthly-spend-limit"),
                allowedModels: models.map { $0.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty } },
                expiresAtMillis: expiry)
            let key = try global.database().updateKey(id: id, update)
            await global.publish("the key's new limits") { store in try await store.putKey(key.governanceRecord) }
            if global.json {
                Output.json(KeyJSON.value(key))
            } else {
                print("updated key \(key.id) (\(key.displayPrefix)…) of account \(key.accountName)")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key: refused on its next request at every edge.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The key's id (see keys list).") var keyID: String

        func run() async throws {
            guard let id = Int64(keyID), id > 0 else { throw LedgerUserError("invalid key id '\(keyID)': use the numeric id shown by keys list") }
            let key = try global.database().revokeKey(id: id)
            await global.publish("the revocation") { store in try await store.putKey(key.governanceRecord) }
            if global.json {
                Output.json(KeyJSON.value(key))
            } else {
                print("revoked key \(key.id) (\(key.displayPrefix)…) of account \(key.accountName)")
            }
        }
    }
}

enum KeyJSON {
    static func value(_ key: KeyRow) -> JSONValue {
        .object([
            ("id", .int(key.id)), ("account", .string(key.accountName)), ("name", .string(key.name)), ("prefix", .string(key.displayPrefix)),
            ("rpm", .int(key.requestsPerMinute)), ("tpm", .int(key.tokensPerMinute)), ("models", .array(key.allowedModels.map { .string($0) })),
            ("expires_at_ms", key.expiresAtMillis.map { .int($0) } ?? .null), ("revoked_at", key.revokedAt.map { .string($0) } ?? .null),
            ("created_at", .string(key.createdAt)), ("max_concurrent", .int(key.maxConcurrent)),
            ("spend_limit_nano", .int(key.spendLimit.nanos)), ("daily_spend_limit_nano", .int(key.dailySpendLimit.nanos)),
            ("monthly_spend_limit_nano", .int(key.monthlySpendLimit.nanos)),
        ])
    }
}

enum DollarOption {
    /// A dollar amount option (zero allowed: it means "no limit").
    static func parse(_ text: String?, _ name: String) throws -> Money? {
        guard let text else { return nil }
        do {
            return try Money(dollars: text)
        } catch {
            throw LedgerUserError("invalid \(name) '\(text)': write dollars as a plain decimal, e.g. 25.00")
        }
    }
}

enum ISODates {
    /// Unix milliseconds of `2027-01-01` (UTC midnight) or a full ISO 8601 timestamp.
    static func millis(_ text: String) -> Int64? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return Int64(date.timeIntervalSince1970 * 1000) }
        formatter.formatOptions = [.withFullDate]
        if let date = formatter.date(from: text) { return Int64(date.timeIntervalSince1970 * 1000) }
        return nil
    }
}
