/// An amount of money in nano-dollars (10⁻⁹ USD).
///
/// Money is never a floating-point number anywhere in TokModel: PostgreSQL stores `bigint` nano-dollars, Redis
/// stores integer nano-dollars, and the ledger RPC carries them as 64-bit integers. Int64 holds up to about
/// 9.2 billion dollars per amount, far beyond any account. See docs/money.md for the rounding rule.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The amount in nano-dollars. Negative for debits.
    public var nanos: Int64

    public init(nanos: Int64) { self.nanos = nanos }

    public static let zero = Money(nanos: 0)
    /// Nano-dollars in one dollar.
    public static let nanosPerDollar: Int64 = 1_000_000_000

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.nanos < rhs.nanos }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(nanos: lhs.nanos + rhs.nanos) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(nanos: lhs.nanos - rhs.nanos) }

    /// Parses a dollar amount written as a decimal (`"10"`, `"10.5"`, `"0.000000001"`), exactly.
    ///
    /// Accepts at most nine fractional digits (one nano-dollar); anything finer, a sign, an exponent or an
    /// amount that does not fit in 64 bits is an error rather than a silently rounded value.
    public init(dollars text: String) throws(MoneyError) {
        guard let nanos = ExactDecimal.parse(text, scale: 9) else { throw MoneyError.invalidAmount(text) }
        self.nanos = nanos
    }

    /// Formats as dollars with at least two and at most nine decimals, e.g. `10.00`, `0.000002500`→`0.0000025`.
    public var dollarString: String {
        let negative = nanos < 0
        let magnitude = nanos.magnitude
        let whole = magnitude / UInt64(Money.nanosPerDollar)
        var fraction = String(magnitude % UInt64(Money.nanosPerDollar))
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        while fraction.count > 2, fraction.hasSuffix("0") { fraction.removeLast() }
        return (negative ? "-" : "") + "\(whole).\(fraction)"
    }

    public var description: String { "$" + dollarString }
}

public enum MoneyError: Error, Equatable, CustomStringConvertible {
    case invalidAmount(String)
    case notPositive(String)

    public var description: String {
        switch self {
        case .invalidAmount(let text):
            return "invalid amount '\(text)': write dollars as a plain decimal with at most 9 decimals, e.g. 10.00"
        case .notPositive(let text):
            return "amount '\(text)' must be greater than zero"
        }
    }
}

/// Exact parsing of non-negative decimal strings into scaled integers (no binary floating point involved).
public enum ExactDecimal {
    /// Parses `text` as a non-negative decimal and returns it multiplied by 10^scale, or nil when the text is
    /// not a plain decimal, has more than `scale` fractional digits, or overflows Int64.
    public static func parse(_ text: String, scale: Int) -> Int64? {
        let trimmed = text.utf8
        guard (0...18).contains(scale), !trimmed.isEmpty, trimmed.count <= 40 else { return nil }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var sawDigit = false
        var inFraction = false
        for byte in trimmed {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                let digit = Int64(byte - UInt8(ascii: "0"))
                if inFraction {
                    fractionDigits += 1
                    guard fractionDigits <= scale else { return nil }
                    fraction = fraction * 10 + digit
                } else {
                    let (times10, o1) = whole.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times10.addingReportingOverflow(digit)
                    guard !o1, !o2 else { return nil }
                    whole = sum
                }
            case UInt8(ascii: "."):
                guard !inFraction else { return nil }
                inFraction = true
            case UInt8(ascii: "_"):
                continue  // YAML-style digit grouping: 1_000.00
            default:
                return nil
            }
        }
        guard sawDigit else { return nil }
        var multiplier: Int64 = 1
        for _ in 0..<scale { multiplier *= 10 }
        var fractionScale: Int64 = 1
        for _ in 0..<(scale - fractionDigits) { fractionScale *= 10 }
        let (scaledWhole, o1) = whole.multipliedReportingOverflow(by: multiplier)
        let (total, o2) = scaledWhole.addingReportingOverflow(fraction * fractionScale)
        guard !o1, !o2 else { return nil }
        return total
    }
}
