import LedgerProtocol

/// Everything `tokmodel-edge` needs to start.
public struct EdgeConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var catalogPath: String
    public var redisURL: String
    public var ledgerSocketPath: String
    /// Largest request body accepted, in bytes (413 above). Defaults to 32 MiB (images as data URLs are big).
    public var maxRequestBytes = 32 << 20
    /// Largest non-streamed provider answer read, in bytes. Defaults to 64 MiB.
    public var maxUpstreamResponseBytes = 64 << 20
    /// How long a hold outlives the provider's request timeout before the ledger's sweeper may release it.
    public var holdGraceMillis: Int64 = 120_000
    /// Where this edge keeps its settlement journal (``SettlementJournal``); the ledger of the host must look in
    /// the same place. Defaults to next to the ledger's socket.
    public var journalDirectory: String
    /// Slots of the journal: requests in flight (each has a provisional settlement) plus settlements not yet
    /// acknowledged. Beyond it, new ones are kept in memory only (logged). 512 bytes each, touched at start.
    public var journalSlots = SettlementJournal.defaultSlots
    public static let journalSlotRange = 64...1_048_576
    /// Whether a request whose key's last admission here left room for it goes to its provider while Redis
    /// admits it (`SpeculationBook`), instead of after. Admission stays authoritative either way.
    public var speculativeDispatch = true
    /// How long an admission's report of what it left is trusted for sending the key's next requests ahead.
    public var speculationWindowMillis = 1_000
    public static let speculationWindowRange = 1...60_000

    public init(host: String, port: Int, catalogPath: String, redisURL: String, ledgerSocketPath: String) {
        self.host = host
        self.port = port
        self.catalogPath = catalogPath
        self.redisURL = redisURL
        self.ledgerSocketPath = ledgerSocketPath
        self.journalDirectory = SettlementJournal.defaultDirectory(forSocket: ledgerSocketPath)
    }

    /// Parses `host:port` (`[::1]:8080` for IPv6).
    public static func parseListen(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), port >= 0, port < 65536 else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }
}
