import Foundation
import LedgerProtocol
import Logging
import Testing
import TokModelCore

#if canImport(Glibc)
import Glibc
#endif

/// The edge's journal: what it records survives the edge (the file and its lock are the only state), a live
/// edge's journal is never taken, and what the ledger acknowledged is not recovered.
@Suite("SettlementJournal")
struct SettlementJournalTests {
    let logger = Logger(label: "test.journal")

    func directory() throws -> String {
        let path = NSTemporaryDirectory() + "tm-journal-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func settlement(_ id: String, output: Int64 = 50) -> Settlement {
        var settlement = wireSettlement
        settlement.requestID = id
        settlement.usage.outputTokens = output
        return settlement
    }

    @Test("a live edge's journal is left alone; once its edge is gone, what was not acknowledged comes back")
    func recordReleaseRecover() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var journal: SettlementJournal? = try SettlementJournal(directory: dir, slots: 16, logger: logger)
        var slots: [String: Int32] = [:]
        for id in ["a", "b", "c", "d"] {
            let slot = try #require(journal!.record(settlement(id)))
            slots[id] = slot
        }
        #expect(Set(slots.values).count == 4)
        journal!.release([slots["b"]!])
        // Resubmitted with other usage: a new slot, the old one released (as LedgerClient does).
        let newer = try #require(journal!.record(settlement("c", output: 77)))
        journal!.release([slots["c"]!])
        #expect(newer != slots["c"])
        #expect(journal!.count == 3)
        let path = journal!.path
        #expect(path.hasPrefix(dir + "/edge-") && path.hasSuffix(".journal"))

        // Locked by its (live) owner: not an orphan.
        #expect(SettlementJournal.orphans(in: dir, logger: logger).isEmpty)

        // The edge dies without cleaning up: its lock goes with it, the file stays.
        journal = nil
        #expect(FileManager.default.fileExists(atPath: path))
        let orphans = SettlementJournal.orphans(in: dir, logger: logger)
        #expect(orphans.count == 1)
        let orphan = try #require(orphans.first)
        #expect(orphan.unreadableSlots == 0)
        #expect(orphan.settlements.map(\.requestID).sorted() == ["a", "c", "d"])
        #expect(orphan.settlements.first { $0.requestID == "c" } == settlement("c", output: 77))
        #expect(orphan.settlements.first { $0.requestID == "a" } == settlement("a"))

        // While one ledger holds it, another does not take it too.
        #expect(SettlementJournal.orphans(in: dir, logger: logger).isEmpty)
        orphan.remove()
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a provisional settlement stands for a request until its real one is recorded; the real one wins")
    func provisionalSettlements() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var journal: SettlementJournal? = try SettlementJournal(directory: dir, slots: 16, logger: logger)
        func provisional(_ id: String) -> Settlement {
            var lost = settlement(id, output: 0)
            lost.outcome = .edgeLost
            return lost
        }
        // "done": provisional replaced by its real settlement (as LedgerClient does: record, then release).
        let doneProvisional = try #require(journal!.recordProvisional(provisional("done")))
        _ = try #require(journal!.record(settlement("done")))
        journal!.release([doneProvisional])
        // "torn": the edge died between the two writes — both records are there.
        _ = try #require(journal!.recordProvisional(provisional("torn")))
        _ = try #require(journal!.record(settlement("torn", output: 9)))
        // "in-flight": only its provisional settlement.
        _ = try #require(journal!.recordProvisional(provisional("in-flight")))
        #expect(journal!.count == 4)

        journal = nil
        let orphan = try #require(SettlementJournal.orphans(in: dir, logger: logger).first)
        #expect(orphan.settlements.count == 3)
        #expect(orphan.settlements.first { $0.requestID == "done" } == settlement("done"))
        #expect(orphan.settlements.first { $0.requestID == "torn" } == settlement("torn", output: 9))
        #expect(orphan.settlements.first { $0.requestID == "in-flight" } == provisional("in-flight"))
        orphan.remove()
    }

    @Test("slots are reused after release; a full journal keeps the rest in memory only and says so")
    func fullJournal() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var journal: SettlementJournal? = try SettlementJournal(directory: dir, slots: 3, logger: logger)
        let first = (0..<3).map { journal!.record(settlement("first-\($0)")) }
        #expect(first.allSatisfy { $0 != nil })
        #expect(journal!.record(settlement("overflow")) == nil)  // no slot left
        #expect(journal!.count == 3)
        journal!.release([first[0]!, first[1]!])
        #expect(journal!.record(settlement("second-0")) != nil)
        #expect(journal!.record(settlement("second-1")) != nil)
        #expect(journal!.count == 3)
        journal = nil
        let orphan = try #require(SettlementJournal.orphans(in: dir, logger: logger).first)
        #expect(orphan.settlements.map(\.requestID).sorted() == ["first-2", "second-0", "second-1"])
    }

    @Test("a settlement too large for a slot is not journaled; a damaged slot is counted, not fatal")
    func oversizedAndDamaged() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var journal: SettlementJournal? = try SettlementJournal(directory: dir, slots: 4, logger: logger)
        var large = settlement("large")
        large.model = String(repeating: "m", count: SettlementJournal.slotSize)
        #expect(journal!.record(large) == nil)
        #expect(journal!.record(settlement("ok")) != nil)
        #expect(journal!.record(settlement("damaged")) != nil)
        #expect(journal!.count == 2)
        let path = journal!.path
        journal = nil

        // Scribble over the settlement bytes of the slot that holds "damaged" (its marker stays).
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let bytes = try #require(try handle.readToEnd())
        let slot = try #require((0..<4).first { index in
            let start = index * SettlementJournal.slotSize
            return bytes[start..<(start + SettlementJournal.slotSize)].range(of: Data("damaged".utf8)) != nil
        })
        try handle.seek(toOffset: UInt64(slot * SettlementJournal.slotSize + 8))
        try handle.write(contentsOf: Data(repeating: 0xFF, count: 16))
        try handle.close()

        let orphan = try #require(SettlementJournal.orphans(in: dir, logger: logger).first)
        #expect(orphan.settlements.map(\.requestID) == ["ok"])
        #expect(orphan.unreadableSlots == 1)
    }

    @Test("a journal cannot be made where the directory cannot be")
    func unusableDirectory() {
        #expect(throws: LedgerProtocolError.self) {
            _ = try SettlementJournal(directory: "/proc/tm-no-such-place/journals", logger: logger)
        }
    }
}
