#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock time for timestamps and deadlines shared between processes (not for measuring durations:
/// use `ContinuousClock` for those).
public enum WallClock {
    /// Milliseconds since the Unix epoch.
    public static func unixMillis() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
