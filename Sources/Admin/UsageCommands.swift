import ArgumentParser
import Dialects
import Ledger
import TokModelCore

struct Usage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Report usage and costs.", subcommands: [Report.self, Show.self])
    @OptionGroup var global: GlobalOptions

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Requests, tokens and cost of an account, grouped, with totals.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Account name.") var account: String
        @Option(help: "From this date or time (inclusive, ISO 8601, UTC).") var since: String?
        @Option(help: "Until this date (inclusive) or time (exclusive), ISO 8601, UTC.") var until: String?
        @Option(name: .customLong("group-by"), help: "model, key or day.") var groupBy: String = "model"
        @Option(help: "table, csv or json (--json implies json).") var format: Format = .table

        func run() async throws {
            guard let grouping = UsageGrouping(rawValue: groupBy) else { throw ValidationError("--group-by must be model, key or day") }
            let rows = try global.database().usageReport(accountName: account, since: since, until: until, groupBy: grouping)
            let total = UsageReportRow(
                group: "TOTAL", requests: rows.reduce(0) { $0 + $1.requests }, inputTokens: rows.reduce(0) { $0 + $1.inputTokens },
                outputTokens: rows.reduce(0) { $0 + $1.outputTokens }, cachedInputTokens: rows.reduce(0) { $0 + $1.cachedInputTokens },
                cost: rows.reduce(Money.zero) { $0 + $1.cost })
            let headers = [groupBy.uppercased(), "REQUESTS", "INPUT_TOKENS", "OUTPUT_TOKENS", "CACHED_TOKENS", "COST_USD"]
            func cells(_ row: UsageReportRow) -> [String] {
                [row.group, String(row.requests), String(row.inputTokens), String(row.outputTokens), String(row.cachedInputTokens), row.cost.dollarString]
            }
            switch global.json ? .json : format {
            case .json:
                func value(_ row: UsageReportRow) -> JSONValue {
                    .object([
                        ("group", .string(row.group)), ("requests", .int(row.requests)), ("input_tokens", .int(row.inputTokens)),
                        ("output_tokens", .int(row.outputTokens)), ("cached_input_tokens", .int(row.cachedInputTokens)),
                        ("cost_nano", .int(row.cost.nanos)), ("cost_usd", .string(row.cost.dollarString)),
                    ])
                }
                Output.object(["account": .string(account), "group_by": .string(groupBy), "rows": .array(rows.map(value)), "total": value(total)])
            case .csv:
                print(Output.csv(headers: headers, rows: rows.map(cells) + [cells(total)]))
            case .table:
                print(Output.table(headers: headers, rows: rows.map(cells) + [cells(total)], numericColumns: [1, 2, 3, 4, 5]))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show how one request was billed: tokens, prices applied, cost.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The request id (x-request-id of the response).") var requestID: String

        func run() async throws {
            let event = try global.database().usageEvent(requestID: requestID)
            if global.json {
                Output.object([
                    "request_id": .string(event.requestID), "account": .string(event.accountName), "key_id": .int(event.keyID),
                    "model": .string(event.model), "provider": .string(event.provider), "endpoint": .string(event.endpoint),
                    "input_tokens": .int(event.usage.inputTokens), "output_tokens": .int(event.usage.outputTokens),
                    "cached_input_tokens": .int(event.usage.cachedInputTokens), "cache_write_input_tokens": .int(event.usage.cacheWriteInputTokens),
                    "reasoning_tokens": .int(event.usage.reasoningTokens), "cost_nano": .int(event.cost.nanos),
                    "cost_usd": .string(event.cost.dollarString), "reserved_nano": .int(event.reserved.nanos),
                    "price_version": .string(event.priceVersion), "input_per_mtok_nano": .int(event.prices.inputPerMTok),
                    "output_per_mtok_nano": .int(event.prices.outputPerMTok), "usage_source": .string(event.usageSource),
                    "outcome": .string(event.outcome), "http_status": .int(event.httpStatus), "started_at": .string(event.startedAt),
                    "latency_ms": .int(event.latencyMillis), "first_byte_ms": .int(event.firstByteMillis),
                ])
            } else {
                print(
                    """
                    request    \(event.requestID)
                    account    \(event.accountName) (key \(event.keyID))
                    model      \(event.model) via \(event.provider), \(event.endpoint)
                    tokens     \(event.usage.inputTokens) in (\(event.usage.cachedInputTokens) cached), \(event.usage.outputTokens) out
                    prices     $\(Money(nanos: event.prices.inputPerMTok).dollarString)/Mtok in, $\(Money(nanos: event.prices.outputPerMTok).dollarString)/Mtok out (version \(event.priceVersion))
                    cost       $\(event.cost.dollarString) (\(event.cost.nanos) nano-dollars; held $\(event.reserved.dollarString))
                    usage      \(event.usageSource), \(event.outcome), HTTP \(event.httpStatus)
                    timing     started \(event.startedAt), first byte \(event.firstByteMillis) ms, total \(event.latencyMillis) ms
                    """)
            }
        }
    }
}
