#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock seconds for a stream's `created`, read without Foundation. Reading the clock is the codec's
/// only contact with the outside world, and tests avoid it by passing `created` explicitly.
enum UnixClock {
    static func seconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec)
    }
}
