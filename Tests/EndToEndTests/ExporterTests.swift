import Foundation
import Testing

/// The bundled exporters through `curriculum pack` on the LIAISE curriculum, checked by independent tools: the
/// iCalendar library for calendars, the official IMS CC 1.1 schemas and Moodle's layout rules for cartridges.
@Suite(.serialized) struct ExporterTests {
    static let liaise = CLI.packageRoot.appendingPathComponent("Curricula/liaise").path

    static func pack(_ formats: [String], extra: [String] = []) throws -> URL {
        let out = try CLI.temporaryFolder()
        let result = try CLI.run(["pack", liaise, "--out", out.path] + formats.flatMap { ["--format", $0] } + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return out
    }

    @Test func calendarsParseWithARealICalendarLibraryInTheDeliveryTimeZone() throws {
        let out = try Self.pack(["ics"])
        defer { try? FileManager.default.removeItem(at: out) }
        for (session, first, offset) in [
            ("s1", "2027-03-09T09:00", "+01:00"), ("s2", "2027-05-18T09:00", "+02:00"),
            ("s3", "2027-09-21T09:00", "+02:00"), ("s4", "2027-11-16T09:00", "+01:00"),
        ] {
            let check = try CLI.run(
                [
                    CLI.fixture("calendar/check_ics.py"),
                    out.appendingPathComponent("liaise-\(session)/calendar.ics").path, "--tz", "Europe/Brussels",
                    "--first", first, "--first-utc-offset=\(offset)",
                ],
                executable: "/usr/bin/python3")
            #expect(check.status == 0, "\(session): \(check.stdout)\(check.stderr)")
        }
    }

    @Test func cartridgesValidateAgainstTheIMSSchemasAndMoodlesLayoutRules() throws {
        let out = try Self.pack(["imscc"])
        defer { try? FileManager.default.removeItem(at: out) }
        for session in ["s1", "s2", "s3", "s4"] {
            let check = try CLI.run(
                [
                    CLI.fixture("imscc/check_imscc.py"),
                    out.appendingPathComponent("liaise-\(session)/liaise-\(session).imscc").path,
                    CLI.fixture("schemas/imscc-1.1"),
                ],
                executable: "/usr/bin/python3")
            #expect(check.status == 0, "\(session): \(check.stdout)\(check.stderr)")
            #expect(check.stdout.contains("instructor resource: facilitator-guide"))
        }
    }

    @Test func withoutADeliveryThereIsNoCalendarButAWarning() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["pack", CLI.fixture("valid"), "--format", "ics", "--format", "md", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning[CAL001]"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("mini-s1/calendar.ics").path))
        let manifest = try String(contentsOf: out.appendingPathComponent("mini-s1/pack.json"), encoding: .utf8)
        #expect(!manifest.contains("\"ics\""), "pack.json lists the formats that produced files")
    }

    @Test func bundledExportersNamedInTheConfigurationTakeTheirOptions() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let curricula = folder.appendingPathComponent("Curricula")
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Curricula"), to: curricula)
        try #"{"plugins": [{"name": "readability"}, {"name": "calendar", "options": {"granularity": "day"}}]}"#
            .write(to: curricula.appendingPathComponent("curriculum.json"), atomically: true, encoding: .utf8)
        let validate = try CLI.run(["validate", curricula.appendingPathComponent("liaise").path, "--trust-config"])
        #expect(
            validate.status == 0,
            "an exporter in the configuration does not take part in validation: \(validate.stderr)")
        let out = folder.appendingPathComponent("out")
        let pack = try CLI.run([
            "pack", curricula.appendingPathComponent("liaise").path, "--session", "s1", "--format", "ics", "--format",
            "ics", "--out", out.path, "--trust-config",
        ])
        #expect(pack.status == 0, "\(pack.stderr)")
        let calendar = try String(contentsOf: out.appendingPathComponent("liaise-s1/calendar.ics"), encoding: .utf8)
        #expect(calendar.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2, "one event per day")
    }
}
