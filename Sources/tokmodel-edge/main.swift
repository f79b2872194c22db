import ArgumentParser
import NIOCore
import NIOPosix

// Swift concurrency runs on NIO's event loops: request handlers, the Redis and ledger clients' continuations
// and the HTTP server share threads, with no hop between NIO and a separate cooperative pool.
_ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
do {
    let command = try EdgeCommand.parse()
    try await command.run()
} catch {
    EdgeCommand.exit(withError: error)
}
