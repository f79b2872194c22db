/// A connection URL that refuses to be printed, dumped or mirrored, because it may carry a password and
/// the pool must keep it for reconnecting.
struct ConnectionURL: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let value: String

    var description: String { "<redacted PostgreSQL URL>" }
    var debugDescription: String { description }
    var customMirror: Mirror { Mirror(self, children: []) }
}
