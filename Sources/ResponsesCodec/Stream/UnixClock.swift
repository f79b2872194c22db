#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock seconds for a streamed answer's `created_at` when the caller gives none: the canonical
/// `.start` event carries no timestamp. Read once per stream, without Foundation.
enum UnixClock {
    static func seconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec)
    }
}
