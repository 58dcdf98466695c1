import Foundation
import Testing

/// Head counts come from the delivery (`participants=`, `group-size=`), `--participants` overrides them, print
/// totals and groups follow, and TIM014 warns when the numbers cannot work.
@Suite struct HeadCountTests {
    /// A copy of LIAISE whose delivery expects `participants` in groups of `groupSize`, in a room for `capacity`.
    static func liaise(participants: Int, groupSize: Int, capacity: Int) throws -> URL {
        let root = try CLI.temporaryFolder()
        let copy = root.appendingPathComponent("liaise")
        try FileManager.default.copyItem(
            at: CLI.packageRoot.appendingPathComponent("Curricula/liaise"), to: copy)
        let file = copy.appendingPathComponent("deliveries/brussels-2027.xml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "participants=\"30\" group-size=\"6\"",
            with: "participants=\"\(participants)\" group-size=\"\(groupSize)\"")
        text = text.replacingOccurrences(of: "<venue>", with: "<venue capacity=\"\(capacity)\">")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return copy
    }

    @Test func printTotalsAndGroupsFollowTheDeliveryAndTheCommandLine() throws {
        let programme = try Self.liaise(participants: 30, groupSize: 5, capacity: 40)
        defer { try? FileManager.default.removeItem(at: programme.deletingLastPathComponent()) }
        let out = programme.deletingLastPathComponent().appendingPathComponent("out")
        let result = try CLI.run(["pack", programme.path, "--session", "s1", "--format", "html", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let guide = try String(
            contentsOf: out.appendingPathComponent("liaise-s1/facilitator-guide.html"), encoding: .utf8)
        #expect(guide.contains("30 (the delivery&#39;s expected participants)"))
        #expect(
            guide.contains("markers in green, red and black</td><td>1 per group</td><td class=\"number\">6</td>"),
            "30 participants in groups of 5 make 6 groups")
        let override = try CLI.run([
            "pack", programme.path, "--session", "s1", "--format", "html", "--participants", "12", "--out", out.path,
        ])
        #expect(override.status == 0, "\(override.stderr)")
        let smaller = try String(
            contentsOf: out.appendingPathComponent("liaise-s1/facilitator-guide.html"), encoding: .utf8)
        #expect(smaller.contains("12 (option “participants”)"))
        #expect(
            smaller.contains("markers in green, red and black</td><td>1 per group</td><td class=\"number\">3</td>"),
            "12 participants in groups of 5 make 3 groups")
        let invalid = try CLI.run(["pack", programme.path, "--participants", "0", "--out", out.path])
        #expect(invalid.status == 2, "\(invalid.stderr)")
    }

    @Test func moreParticipantsThanTheRoomHoldsIsAWarningAtTheDelivery() throws {
        let programme = try Self.liaise(participants: 30, groupSize: 40, capacity: 24)
        defer { try? FileManager.default.removeItem(at: programme.deletingLastPathComponent()) }
        let result = try CLI.run(["validate", programme.path])
        let output = result.stdout + result.stderr
        #expect(
            output.contains(
                "deliveries/brussels-2027.xml:3:1: warning[TIM014]: delivery \"brussels-2027\" expects 30 participants, more than its room holds (capacity 24)"
            ), "\(output)")
        #expect(output.contains("has groups of 40, more than its 30 participants"), "\(output)")
    }

    @Test func aFittingDeliveryGetsNoWarning() throws {
        let programme = try Self.liaise(participants: 20, groupSize: 5, capacity: 24)
        defer { try? FileManager.default.removeItem(at: programme.deletingLastPathComponent()) }
        let result = try CLI.run(["validate", programme.path])
        #expect(!(result.stdout + result.stderr).contains("TIM014"))
    }
}
