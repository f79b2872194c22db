import ArgumentParser
import Dialects
import Governance
import Ledger
import PostgresClient
import RedisClient
import TokModelCore

struct Accounts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create, list and limit accounts.", subcommands: [Create.self, List.self, Update.self])
    @OptionGroup var global: GlobalOptions

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account (with a zero balance).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Account name: 1-64 letters, digits, '.', '_' or '-'.")
        var name: String

        func run() async throws {
            let account = try global.database().createAccount(name: name)
            await global.publish("the new account") { store in
                try await store.settle(accountID: account.id, balance: account.balance, version: account.version, releasing: [])
            }
            if global.json {
                Output.json(AccountJSON.value(account))
            } else {
                print("created account \(account.name) (id \(account.id))")
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set account-wide limits across all its keys; takes effect on the next request. Options left out stay.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Account name.") var name: String
        @Option(help: "Requests per minute for the whole account (0 = unlimited).") var rpm: Int64?
        @Option(help: "Tokens per minute for the whole account (0 = unlimited).") var tpm: Int64?
        @Option(name: .customLong("max-concurrent"), help: "Requests in flight at once for the whole account (0 = unlimited).") var maxConcurrent: Int64?

        func run() async throws {
            let account = try global.database().updateAccountLimits(name: name, requestsPerMinute: rpm, tokensPerMinute: tpm, maxConcurrent: maxConcurrent)
            await global.publish("the account's limits") { store in
                try await store.putAccountLimits(
                    accountID: account.id, requestsPerMinute: account.requestsPerMinute, tokensPerMinute: account.tokensPerMinute,
                    maxConcurrent: account.maxConcurrent)
            }
            if global.json {
                Output.json(AccountJSON.value(account))
            } else {
                print("updated account \(account.name): rpm \(account.requestsPerMinute), tpm \(account.tokensPerMinute), max concurrent \(account.maxConcurrent)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts with their balances.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let accounts = try global.database().accounts()
            if global.json {
                Output.json(.array(accounts.map(AccountJSON.value)))
            } else {
                print(
                    Output.table(
                        headers: ["ID", "NAME", "BALANCE_USD", "CREATED"],
                        rows: accounts.map { [String($0.id), $0.name, $0.balance.dollarString, $0.createdAt] }, numericColumns: [0, 2]))
            }
        }
    }
}

enum AccountJSON {
    static func value(_ account: AccountRow) -> JSONValue {
        .object([
            ("id", .int(account.id)), ("name", .string(account.name)), ("balance_nano", .int(account.balance.nanos)),
            ("balance_usd", .string(account.balance.dollarString)), ("created_at", .string(account.createdAt)),
            ("rpm", .int(account.requestsPerMinute)), ("tpm", .int(account.tokensPerMinute)), ("max_concurrent", .int(account.maxConcurrent)),
        ])
    }
}

struct Credits: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Top up and inspect prepaid credits.", subcommands: [TopUp.self, Balance.self])
    @OptionGroup var global: GlobalOptions

    struct TopUp: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "topup", abstract: "Add credits to an account. With --reference, repeating the same top-up adds it once.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Account name.") var account: String
        @Option(help: "Dollars, e.g. 10.00 (at most 9 decimals).") var amount: String
        @Option(help: "An idempotency reference, e.g. an invoice number.") var reference: String?

        func run() async throws {
            let money: Money
            do {
                money = try Money(dollars: amount)
            } catch {
                throw LedgerUserError(error.description)
            }
            guard money.nanos > 0 else { throw LedgerUserError("amount '\(amount)' must be greater than zero") }
            let result = try global.database().topUp(accountName: account, amount: money, reference: reference)
            let account = result.account
            await global.publish("the top-up") { store in
                try await store.settle(accountID: account.id, balance: account.balance, version: account.version, releasing: [])
            }
            if global.json {
                Output.object([
                    "applied": .bool(result.applied), "account": .string(account.name), "amount_nano": .int(money.nanos),
                    "balance_nano": .int(account.balance.nanos), "balance_usd": .string(account.balance.dollarString),
                ])
            } else if result.applied {
                print("added $\(money.dollarString) to \(account.name); balance is now $\(account.balance.dollarString)")
            } else {
                print("reference '\(reference ?? "")' was already applied; balance of \(account.name) is $\(account.balance.dollarString)")
            }
        }
    }

    struct Balance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an account's balance.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Account name.") var account: String

        func run() async throws {
            let row = try global.database().account(named: account)
            // Redis' view: what the edge may still hold for requests in flight.
            var held: Money?
            do {
                let store = try global.governance()
                defer { store.redis.shutdown() }
                held = try await store.accountView(accountID: row.id).held
            } catch {
                held = nil
            }
            if global.json {
                var value = AccountJSON.value(row)
                value.set("held_nano", held.map { .int($0.nanos) } ?? .null)
                value.set("available_nano", held.map { .int((row.balance - $0).nanos) } ?? .null)
                Output.json(value)
            } else {
                let holds = held.map { $0.nanos > 0 ? ", $\($0.dollarString) held by requests in flight" : "" } ?? " (Redis unreachable)"
                print("\(row.name): $\(row.balance.dollarString) (\(row.balance.nanos) nano-dollars)\(holds)")
            }
        }
    }
}
