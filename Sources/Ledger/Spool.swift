import LedgerProtocol
import NIOCore
public import TokModelCore

#if canImport(Glibc)
import Glibc
#endif

/// The ledger's local write-ahead file for settlements it could not commit to PostgreSQL.
///
/// A batch is appended as one record (`u32 length` + a settle frame in the RPC encoding) and fsynced before
/// the ledger acknowledges it, so an acknowledged settlement survives a crash of the ledger or the machine's
/// power. When PostgreSQL is back the records are replayed (replays are harmless: request ids are unique) and
/// the file is truncated. A record torn by a crash in the middle of an append was never acknowledged and is
/// ignored. Only the settlement processor's loop touches the file, so there is no concurrent access.
extension String {
    fileprivate func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self + replacement
    }
}

public final class Spool: @unchecked Sendable {
    // @unchecked: used only from the SettlementProcessor's run loop.
    public let path: String
    private var fd: Int32 = -1

    public init(directory: String) throws {
        mkdir(directory, 0o700)
        path = directory + "/settlements.spool"
        fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw LedgerUserError("cannot open spool file \(path): \(String(cString: strerror(errno)))") }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Appends a batch and fsyncs it. Throws when the disk refuses (the batch is then not acknowledged).
    public func append(_ settlements: [Settlement]) throws {
        var body = LedgerCodec.encode(LedgerFrame(correlationID: 0, message: .settle(settlements)))
        var record = ByteBuffer()
        record.writeInteger(UInt32(body.readableBytes))
        record.writeBuffer(&body)
        let bytes = record.readableBytesView
        let written = bytes.withContiguousStorageIfAvailable { raw in write(fd, raw.baseAddress, raw.count) } ?? -1
        guard written == bytes.count else {
            throw LedgerUserError("spool write failed: \(String(cString: strerror(errno)))")
        }
        guard fsync(fd) == 0 else { throw LedgerUserError("spool fsync failed: \(String(cString: strerror(errno)))") }
    }

    public var isEmpty: Bool { size == 0 }

    var size: Int { max(0, Int(lseek(fd, 0, SEEK_END))) }

    /// Every complete record, in order. A record that is complete but cannot be decoded (disk corruption) is
    /// copied to `settlements.corrupt` for an operator and skipped, so it cannot block the rest.
    public func readAll() throws -> [Settlement] {
        let size = self.size
        guard size > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: size)
        let read = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, size, 0) }
        guard read == size else { throw LedgerUserError("spool read failed") }
        var buffer = ByteBuffer(bytes: bytes)
        var settlements: [Settlement] = []
        while let length: UInt32 = buffer.readInteger() {
            guard var record = buffer.readSlice(length: Int(length)) else { break }  // torn tail: never acknowledged
            let raw = record
            do {
                guard case .settle(let batch) = try LedgerCodec.decode(&record).message else { continue }
                settlements.append(contentsOf: batch)
            } catch {
                setAside(raw)
            }
        }
        return settlements
    }

    func setAside(_ record: ByteBuffer) {
        let corrupt = open(path.replacingSuffix(".spool", with: ".corrupt"), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard corrupt >= 0 else { return }
        defer { close(corrupt) }
        let bytes = Array(record.readableBytesView)
        _ = bytes.withUnsafeBytes { write(corrupt, $0.baseAddress, $0.count) }
        _ = fsync(corrupt)
    }

    /// Empties the file once its records are committed to PostgreSQL.
    public func clear() throws {
        guard ftruncate(fd, 0) == 0, fsync(fd) == 0 else {
            throw LedgerUserError("spool truncate failed: \(String(cString: strerror(errno)))")
        }
    }
}
