import Foundation
import Testing

/// Protocol 1.1: the core offers `protocolMinor` 1, and a plugin that answers it gets the resolved timetable
/// beside the model — the date, start and end of every item in the delivery's time zone, past midnight included;
/// a version 1 plugin gets exactly what it got before.
@Suite struct ProtocolTimetableTests {
    static let recorder = CLI.fixture("plugins/exporters/records-requests.sh")

    /// Packs the small curriculum with a delivery that starts at 23:30, so the second item runs past midnight.
    static func pack(version: String) throws -> (CLI.Result, URL) {
        let folder = try CLI.temporaryFolder()
        let delivery = folder.appendingPathComponent("delivery.xml")
        try """
        <delivery xmlns="urn:curriculumkit:curriculum:1" id="late" programme="mini" timezone="America/Toronto">
          <session-run session="s1" date="2027-12-31" day-start="23:30"/>
        </delivery>
        """.write(to: delivery, atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent("curriculum.json")
        try #"{"plugins": [{"command": ["\#(recorder)", "\#(version)"]}]}"#.write(
            to: config, atomically: true, encoding: .utf8)
        let result = try CLI.run(
            [
                "pack", CLI.fixture("valid/mini.xml"), "--format", "rec", "--delivery", delivery.path, "--config",
                config.path, "--out", folder.appendingPathComponent("out").path,
            ], environment: ["TMPDIR": folder.path])
        return (result, folder)
    }

    static func json(_ file: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    }

    @Test func aPluginThatSpeaks11GetsTheResolvedTimetable() throws {
        let (result, folder) = try Self.pack(version: "1.1")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.stderr)")
        let initialize = try Self.json(folder.appendingPathComponent("initialize.json"))
        #expect((initialize["params"] as? [String: Any])?["protocolMinor"] as? Int == 3)
        let params = try #require(
            try Self.json(folder.appendingPathComponent("export.json"))["params"] as? [String: Any])
        let timetable = try #require(params["timetable"] as? [String: Any])
        let session = try #require((timetable["sessions"] as? [[String: Any]])?.first)
        #expect(session["session"] as? String == "s1")
        #expect(session["delivery"] as? String == "late")
        #expect(session["timezone"] as? String == "America/Toronto")
        let day = try #require((session["days"] as? [[String: Any]])?.first)
        #expect(day["date"] as? String == "2027-12-31")
        #expect(day["start"] as? String == "23:30")
        let items = try #require(day["items"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == ["s1-welcome", "a-map", "s1-close"])
        #expect(items[0]["start"] as? String == "23:30" && items[0]["end"] as? String == "23:40")
        #expect(items[1]["date"] as? String == "2027-12-31" && items[1]["endDate"] as? String == "2028-01-01")
        #expect(items[1]["end"] as? String == "00:55")
        #expect(items[2]["date"] as? String == "2028-01-01" && items[2]["start"] as? String == "00:55")
    }

    @Test func aVersion1PluginGetsNoTimetableAndKeepsWorking() throws {
        let (result, folder) = try Self.pack(version: "1")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.stderr)")
        let params = try #require(
            try Self.json(folder.appendingPathComponent("export.json"))["params"] as? [String: Any])
        #expect(params["timetable"] == nil)
        #expect(params["curriculum"] != nil)
    }
}
