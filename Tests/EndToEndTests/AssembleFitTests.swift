import Foundation
import Testing

/// `assemble --activity`, `--fit` and `--audience`; `--delivery-file` on `show` and `pack`; and the one refusal
/// for a session that no programme includes.
@Suite struct AssembleFitTests {
    /// A fresh `curriculum init` starter in a temporary folder.
    private func starter() throws -> URL {
        let folder = try CLI.temporaryFolder()
        let result = try CLI.run(["init", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        return folder
    }

    /// The minutes of each "saves …" line of a refusal, in the order printed.
    private func savings(in message: String) -> [Int] {
        message.split(separator: "\n").compactMap { line -> Int? in
            guard let match = line.firstMatch(of: /saves (?:(\d+) h)? ?(?:(\d+) min)?/) else { return nil }
            return (match.1.flatMap { Int($0) } ?? 0) * 60 + (match.2.flatMap { Int($0) } ?? 0)
        }
    }

    @Test func pickedActivitiesMakeASessionThatValidatesWithoutFindings() throws {
        let folder = try starter()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("sessions/short.xml").path
        let assemble = try CLI.run([
            "assemble", folder.path, "--activity", "a-case", "--activity", "a-plan", "--audience", "aud-participants",
            "--out", out, "--add",
        ])
        #expect(assemble.status == 0, "\(assemble.stderr)")
        let session = try String(contentsOfFile: out, encoding: .utf8)
        #expect(session.contains("<use module=\"m-first\" activity=\"a-case\"/>"))
        #expect(session.contains("<use module=\"m-first\" activity=\"a-plan\"/>"))
        #expect(!session.contains("a-input") && !session.contains("a-practice"))
        #expect(session.contains("audience=\"aud-participants\""))
        let validate = try CLI.run(["validate", folder.path, "--fail-on", "info"])
        #expect(validate.status == 0, "\(validate.stdout)")
        let show = try CLI.run(["show", folder.path, "--session", "asm-case-plan"])
        #expect(show.stdout.contains("The example case"), "\(show.stdout)")
    }

    @Test func fitShortensActivitiesWithinTheirRangesAndTheResultValidates() throws {
        let folder = try starter()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try CLI.run(["assemble", folder.path, "--module", "m-first", "--fit", "PT8H"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!plain.stdout.contains("<item id=\"asm-first-a-"), "nothing needs shortening in 8 hours")
        let out = folder.appendingPathComponent("sessions/fitted.xml").path
        let fitted = try CLI.run([
            "assemble", folder.path, "--module", "m-first", "--fit", "PT5H30M", "--id", "fitted", "--out", out, "--add",
        ])
        #expect(fitted.status == 0, "\(fitted.stderr)")
        #expect(fitted.stdout.contains("shortened to fit: a-input 45 min → 30 min"), "\(fitted.stdout)")
        let session = try String(contentsOfFile: out, encoding: .utf8)
        #expect(session.contains("<item id=\"fitted-a-input\" kind=\"input\" duration=\"PT30M\" min=\"PT30M\""))
        let end = try #require(session.firstMatch(of: /ends="(\d\d):(\d\d)"/))
        #expect((Int(end.1) ?? 99) * 60 + (Int(end.2) ?? 99) <= 9 * 60 + 330, "the day keeps to its budget")
        let validate = try CLI.run(["validate", folder.path, "--fail-on", "info"])
        #expect(validate.status == 0, "\(validate.stdout)")
        let pack = try CLI.run([
            "pack", folder.path, "--session", "fitted", "--format", "md", "--out",
            folder.appendingPathComponent("packs").path,
        ])
        #expect(pack.status == 0, "\(pack.stderr)")
    }

    @Test func whatCannotFitListsWhatToDropOrShortenLargestSavingFirst() throws {
        let liaise = CLI.packageRoot.appendingPathComponent("Curricula/liaise").path
        let result = try CLI.run([
            "assemble", liaise, "--module", "m-families", "--module", "m-schools", "--days", "1",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("to make room, by time saved:"), "\(result.stderr)")
        #expect(result.stderr.contains("  drop a-sch-visit (m-schools): saves 1 h 30 min"), "\(result.stderr)")
        #expect(result.stderr.contains("shorten a-sch-visit (m-schools) to its min= (--fit does this): saves 30 min"))
        let saved = savings(in: result.stderr)
        #expect(saved.count >= 10)
        #expect(saved == saved.sorted(by: >), "\(saved)")
    }

    @Test func whatCannotFitEvenAtMinimumSaysWhichSingleDropIsEnough() throws {
        let folder = try starter()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["assemble", folder.path, "--module", "m-first", "--fit", "PT5H"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("even with every activity at its min= it does not fit"), "\(result.stderr)")
        #expect(result.stderr.contains("drop a-practice (m-first): saves 1 h — enough on its own"), "\(result.stderr)")
        let saved = savings(in: result.stderr)
        #expect(saved == saved.sorted(by: >), "\(saved)")
    }

    @Test func unknownActivityAudienceOrBudgetIsRefused() throws {
        let folder = try starter()
        defer { try? FileManager.default.removeItem(at: folder) }
        let activity = try CLI.run(["assemble", folder.path, "--activity", "a-nothing"])
        #expect(activity.status == 1)
        #expect(activity.stderr.contains("no activity \"a-nothing\" in any module"), "\(activity.stderr)")
        let audience = try CLI.run(["assemble", folder.path, "--module", "m-first", "--audience", "aud-x"])
        #expect(audience.status == 2)
        #expect(audience.stderr.contains("no audience \"aud-x\" in "), "\(audience.stderr)")
        #expect(audience.stderr.contains("audiences: aud-participants"))
        let budget = try CLI.run(["assemble", folder.path, "--module", "m-first", "--fit", "6 hours"])
        #expect(budget.status == 2)
        #expect(budget.stderr.contains("--fit must be a duration"))
    }

    @Test func aSessionNoProgrammeIncludesGetsOneRefusalFromShowAndPack() throws {
        let folder = try starter()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("sessions/short.xml").path
        #expect(try CLI.run(["assemble", folder.path, "--activity", "a-case", "--out", out]).status == 0)
        let validate = try CLI.run(["validate", out])
        #expect(validate.stdout.contains("info[STR013]"))
        var messages: Set<String> = []
        let packs = folder.appendingPathComponent("packs").path
        for arguments in [["show", out], ["pack", out, "--out", packs], ["assemble", out, "--module", "m-first"]] {
            let command = arguments[0]
            let result = try CLI.run(arguments)
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("has errors"), "\(command): \(result.stderr)")
            #expect(
                result.stderr.contains(
                    "is a <session> that is not part of any programme, so it cannot be used on its own; add <include href=\"sessions/short.xml\" expect=\"session\"/> inside <sessions> of"
                ), "\(command): \(result.stderr)")
            messages.insert(result.stderr)
        }
        #expect(messages.count == 1, "show, pack and assemble say the same")
    }

    @Test func showAndPackTakeTheSameDeliveryFile() throws {
        let folder = try starter()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cohort = folder.deletingLastPathComponent().appendingPathComponent("autumn-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: cohort) }
        let programme = try String(contentsOf: folder.appendingPathComponent("programme.xml"), encoding: .utf8)
        let id = try #require(programme.firstMatch(of: /id="([^"]+)" revision/)?.1)
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <delivery xmlns="urn:curriculumkit:curriculum:1" format-version="1.0" id="autumn" programme="\(id)" timezone="Europe/Paris">
          <session-run session="s1" date="2027-10-04" day-start="09:30"/>
        </delivery>
        """.write(to: cohort, atomically: true, encoding: .utf8)
        let show = try CLI.run(["show", folder.path, "--session", "s1", "--delivery-file", cohort.path])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("delivery autumn (Europe/Paris"), "\(show.stdout)")
        #expect(show.stdout.contains("Day 1 — 2027-10-04"))
        #expect(show.stdout.contains("09:30–10:00  welcome"))
        for option in ["--delivery-file", "--delivery"] {
            let pack = try CLI.run([
                "pack", folder.path, option, cohort.path, "--format", "ics", "--out",
                folder.appendingPathComponent("packs").path,
            ])
            #expect(pack.status == 0, "\(option): \(pack.stderr)")
            let calendar = try String(
                contentsOf: folder.appendingPathComponent("packs/\(id)-s1/calendar.ics"), encoding: .utf8)
            #expect(calendar.contains("20271004T093000"), "\(option)")
        }
        let both = try CLI.run([
            "show", folder.path, "--delivery", "example-cohort", "--delivery-file", cohort.path,
        ])
        #expect(both.status == 2)
        let missing = try CLI.run(["show", folder.path, "--delivery-file", "/nonexistent/cohort.xml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--delivery-file /nonexistent/cohort.xml: no such file"))
    }
}
