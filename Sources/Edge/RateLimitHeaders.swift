import Governance
import HTTPTypes

/// OpenAI's rate-limit response headers, so that clients and SDKs that read them (retry logic, dashboards)
/// work unchanged: `x-ratelimit-limit-requests`, `-remaining-requests`, `-reset-requests` and the `-tokens` trio.
enum RateLimitHeaders {
    static let limitRequests = HTTPField.Name("x-ratelimit-limit-requests")!
    static let remainingRequests = HTTPField.Name("x-ratelimit-remaining-requests")!
    static let resetRequests = HTTPField.Name("x-ratelimit-reset-requests")!
    static let limitTokens = HTTPField.Name("x-ratelimit-limit-tokens")!
    static let remainingTokens = HTTPField.Name("x-ratelimit-remaining-tokens")!
    static let resetTokens = HTTPField.Name("x-ratelimit-reset-tokens")!

    /// Adds the headers for the limits that are set (a limit of 0 means unlimited and sends nothing).
    static func add(_ limits: AdmissionDecision.Limits, to fields: inout HTTPFields) {
        if limits.requestLimit > 0 {
            fields[limitRequests] = String(limits.requestLimit)
            fields[remainingRequests] = String(max(0, limits.requestsRemaining))
            fields[resetRequests] = duration(millis: limits.requestsResetMillis)
        }
        if limits.tokenLimit > 0 {
            fields[limitTokens] = String(limits.tokenLimit)
            fields[remainingTokens] = String(max(0, limits.tokensRemaining))
            fields[resetTokens] = duration(millis: limits.tokensResetMillis)
        }
    }

    /// OpenAI's duration style: `20ms`, `1s`, `6m0s`, `1h2m3s`.
    static func duration(millis: Int64) -> String {
        let millis = max(0, millis)
        if millis < 1000 { return "\(millis)ms" }
        let totalSeconds = (millis + 999) / 1000
        let hours = totalSeconds / 3600
        let minutes = (totalSeconds % 3600) / 60
        let seconds = totalSeconds % 60
        if hours > 0 { return "\(hours)h\(minutes)m\(seconds)s" }
        if minutes > 0 { return "\(minutes)m\(seconds)s" }
        return "\(seconds)s"
    }
}
