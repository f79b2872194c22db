import Testing
import TokModelCore

@Suite("Money")
struct MoneyTests {
    @Test(
        "parses dollar amounts exactly",
        arguments: [
            ("10", 10_000_000_000),
            ("10.5", 10_500_000_000),
            ("10.50", 10_500_000_000),
            ("0.000000001", 1),
            ("1_000.25", 1_000_250_000_000),
            ("0", 0),
            ("0.0", 0),
            ("007", 7_000_000_000),
            ("123.456789012", 123_456_789_012),
            ("0.1", 100_000_000),
            ("9223372036.854775807", Int64.max),
            // 40 characters is the longest accepted text.
            (String(repeating: "0", count: 39) + "1", 1_000_000_000),
        ] as [(String, Int64)])
    func parses(text: String, nanos: Int64) throws {
        #expect(try Money(dollars: text).nanos == nanos)
    }

    @Test(
        "rejects anything that is not a plain non-negative decimal with at most 9 decimals",
        arguments: [
            "-1", "-", "-0.5", "+1", "1e3", "1E3", "1.5e-3", "1.0000000001", "0.0000000001", ".", "", "abc", "1.2.3", " 1",
            "1 ", "1,000", "0x10", "_", "NaN", "inf", "١", "１",
            "9223372036.854775808",  // one nano above Int64.max
            "9223372037",  // whole dollars overflow once scaled
            "99999999999999999999",  // overflows before scaling
            String(repeating: "0", count: 41),  // 41 characters, although the value would be 0
            String(repeating: "0", count: 40) + "1",
        ])
    func rejects(text: String) {
        #expect(throws: MoneyError.invalidAmount(text)) { try Money(dollars: text) }
    }

    @Test(
        "dollarString has 2 to 9 decimals with trailing zeros trimmed",
        arguments: [
            (Int64(0), "0.00"),
            (1, "0.000000001"),
            (10, "0.00000001"),
            (1_000_000, "0.001"),
            (10_000_000, "0.01"),
            (100_000_000, "0.10"),
            (2_500, "0.0000025"),
            (12_963, "0.000012963"),
            (290_000, "0.00029"),
            (1_234_567_890, "1.23456789"),
            (10_000_000_000, "10.00"),
            (10_500_000_000, "10.50"),
            (-1, "-0.000000001"),
            (-10_500_000_000, "-10.50"),
            (-100_000_000, "-0.10"),
            (Int64.max, "9223372036.854775807"),
            (Int64.min, "-9223372036.854775808"),
        ])
    func dollarString(nanos: Int64, text: String) {
        #expect(Money(nanos: nanos).dollarString == text)
    }

    @Test("description is the dollar string with a dollar sign")
    func description() {
        #expect(Money(nanos: 10_000_000_000).description == "$10.00")
        #expect(Money(nanos: -2_500).description == "$-0.0000025")
    }

    @Test("dollarString parses back to the same amount", arguments: [Int64(0), 1, 9, 10, 999_999_999, 1_000_000_000, 123_456_789_012, Int64.max])
    func roundTrip(nanos: Int64) throws {
        let money = Money(nanos: nanos)
        #expect(try Money(dollars: money.dollarString) == money)
    }

    @Test("arithmetic and ordering work on nanos")
    func arithmetic() {
        let a = Money(nanos: 1_500)
        let b = Money(nanos: 500)
        #expect(a + b == Money(nanos: 2_000))
        #expect(b - a == Money(nanos: -1_000))
        #expect(b < a)
        #expect(!(a < b))
        #expect(Money.zero.nanos == 0)
        #expect(Money.nanosPerDollar == 1_000_000_000)
    }

    @Test("error descriptions name the amount")
    func errorDescriptions() {
        #expect(MoneyError.invalidAmount("1e3").description.contains("'1e3'"))
        #expect(MoneyError.notPositive("0").description.contains("greater than zero"))
    }
}

@Suite("ExactDecimal")
struct ExactDecimalTests {
    @Test(
        "parses at the requested scale",
        arguments: [
            ("15", 0, Int64(15) as Int64?),
            ("1.5", 0, nil),
            ("1.5", 1, 15),
            ("1.25", 2, 125),
            ("1.2", 2, 120),
            ("1.255", 2, nil),
            ("0.000001", 6, 1),
            ("0.0000001", 6, nil),
            ("2.50", 9, 2_500_000_000),
            ("1_000", 3, 1_000_000),
            ("9223372036854775807", 0, Int64.max),
            ("9223372036854775808", 0, nil),
            ("9.223372036854775807", 18, Int64.max),
            ("9.223372036854775808", 18, nil),
            ("10", 18, nil),
            ("0.000000000000000001", 18, 1),
            ("", 2, nil),
            ("-1", 2, nil),
            ("1.2.3", 2, nil),
        ])
    func parse(text: String, scale: Int, expected: Int64?) {
        #expect(ExactDecimal.parse(text, scale: scale) == expected)
    }
}
