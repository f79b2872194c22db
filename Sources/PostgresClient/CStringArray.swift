/// Swift strings laid out as one buffer of NUL-terminated C strings, for libpq calls that take
/// `const char * const *` (parameter values, connection keywords).
///
/// One contiguous allocation replaces a `strdup`/`free` pair per string, and the pointers only exist inside
/// ``withPointers(_:)``, so none can outlive the buffer.
struct CStringArray {
    private var bytes: [CChar] = []
    /// Offset of each string in `bytes`; `nil` stands for a NULL pointer (SQL `NULL`).
    private var offsets: [Int?] = []

    /// - Throws: ``PostgresError/Code/invalidParameter`` when a string contains a NUL byte, which C would
    ///   silently treat as the end of the value.
    init(_ strings: [String?]) throws(PostgresError) {
        offsets.reserveCapacity(strings.count)
        for (position, string) in strings.enumerated() {
            guard let string else {
                offsets.append(nil)
                continue
            }
            offsets.append(bytes.count)
            for byte in string.utf8 {
                guard byte != 0 else {
                    throw PostgresError(.invalidParameter, "value $\(position + 1) contains a NUL byte, which PostgreSQL text cannot hold")
                }
                bytes.append(CChar(bitPattern: byte))
            }
            bytes.append(0)
        }
    }

    var count: Int { offsets.count }

    /// Calls `body` with one pointer per string, followed by a terminating NULL entry when
    /// `nullTerminated` is set (as `PQconnectdbParams` requires).
    func withPointers<Result>(
        nullTerminated: Bool = false,
        _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> Result
    ) -> Result {
        bytes.withUnsafeBufferPointer { buffer in
            var pointers: [UnsafePointer<CChar>?] = offsets.map { offset in
                guard let offset, let base = buffer.baseAddress else { return nil }
                return base + offset
            }
            if nullTerminated { pointers.append(nil) }
            return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
        }
    }
}
