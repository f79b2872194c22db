import Dialects
import Foundation
import Hummingbird
import Ledger
import MockProvider
import PostgresClient
import ServiceLifecycle
import TokModelCore

// MARK: - Settlements

/// $1 per million input tokens (1000 nanos a token), $2 per million output tokens (2000 nanos a token).
let testPrices = PriceSheet(inputPerMTok: 1_000_000_000, outputPerMTok: 2_000_000_000)

func makeSettlement(
    _ requestID: String = TestEnvironment.unique("req"), account: Int64, key: Int64, model: String = "test/model",
    input: Int64 = 100, output: Int64 = 50, reservation: Money = Money(nanos: 1_000_000), prices: PriceSheet = testPrices,
    startedAtMillis: Int64 = 1_767_225_600_000
) -> Settlement {
    Settlement(
        requestID: requestID, accountID: account, keyID: key, model: model, provider: "test", endpoint: "chat.completions",
        usage: Usage(inputTokens: input, outputTokens: output), usageSource: .provider, outcome: .completed, httpStatus: 200,
        reservation: reservation, admittedTokens: input + output, prices: prices, startedAtMillis: startedAtMillis,
        latencyMillis: 120, firstByteMillis: 40)
}

/// An account (unique name) with a key and, when `credit` is positive, a top-up of that many nanos.
struct TestAccount: Sendable {
    var account: AccountRow
    var key: KeyRow
    var secret: String

    var id: Int64 { account.id }
    var name: String { account.name }
    var keyID: Int64 { key.id }

    static func create(
        in pool: PostgresPool, credit: Int64 = 10_000_000, requestsPerMinute: Int64 = 0, tokensPerMinute: Int64 = 0,
        allowedModels: [String] = []
    ) async throws -> TestAccount {
        let name = TestEnvironment.unique("it")
        return try await pool.withConnection { db in
            var account = try db.createAccount(name: name)
            let (key, secret) = try db.createKey(
                accountName: name, name: "test key", requestsPerMinute: requestsPerMinute, tokensPerMinute: tokensPerMinute,
                allowedModels: allowedModels, expiresAtMillis: nil)
            if credit > 0 {
                account = try db.topUp(accountName: name, amount: Money(nanos: credit), reference: "initial").account
            }
            return TestAccount(account: account, key: key, secret: secret)
        }
    }
}

extension PostgresPool {
    func int64(_ sql: String, _ params: [PostgresParameter] = []) async throws -> Int64 {
        let rows = try await query(sql, params)
        guard let value = rows.first?.int64(0) else { throw SetupFailure("query returned no integer: \(sql)") }
        return value
    }

    /// The account's balance and version as PostgreSQL has them.
    func balance(of account: Int64) async throws -> (balance: Int64, version: Int64) {
        let rows = try await query("SELECT balance_nano, balance_version FROM accounts WHERE id = $1", [PostgresParameter(account)])
        guard let row = rows.first, let balance = row.int64("balance_nano"), let version = row.int64("balance_version") else {
            throw SetupFailure("no account \(account)")
        }
        return (balance, version)
    }

    /// The sum of the account's credit transactions: the balance must always equal it.
    func ledgerSum(of account: Int64) async throws -> Int64 {
        try await int64("SELECT coalesce(sum(amount_nano), 0)::bigint FROM credit_transactions WHERE account_id = $1", [PostgresParameter(account)])
    }
}

// MARK: - Mock provider

/// A chat completion request body with one user message.
func chatBody(_ text: String, model: String = "mock-small", stream: Bool = false, includeUsage: Bool = false) -> [UInt8] {
    var members: [(String, JSONValue)] = [
        ("model", .string(model)),
        ("messages", .array([.object([("role", "user"), ("content", .string(text))])])),
    ]
    if stream { members.append(("stream", true)) }
    if includeUsage { members.append(("stream_options", .object([("include_usage", true)]))) }
    return JSONWriter.bytes(.object(members))
}

/// Runs the mock provider on 127.0.0.1 with a port of the system's choice for the duration of `body`, which
/// receives its base URL (`http://127.0.0.1:PORT`).
func withMockProvider<T>(
    _ configuration: MockProviderConfiguration = MockProviderConfiguration(port: 0), _ body: (String) async throws -> T
) async throws -> T {
    var configuration = configuration
    configuration.port = 0
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    let app = buildMockProviderApplication(configuration: try configuration.validated()) { _, port in
        portContinuation.yield(port)
        portContinuation.finish()
    }
    let group = ServiceGroup(services: [app], logger: TestEnvironment.logger)
    return try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask {
            defer { portContinuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw SetupFailure("the mock provider did not start listening") }
        let result: Result<T, any Error>
        do {
            result = .success(try await body("http://127.0.0.1:\(port)"))
        } catch {
            result = .failure(error)
        }
        // Graceful shutdown lets streams still being served end; a stuck one is cancelled.
        await group.triggerGracefulShutdown()
        tasks.addTask { try await Task.sleep(for: .seconds(10)) }
        _ = try? await tasks.next()
        tasks.cancelAll()
        return try result.get()
    }
}
