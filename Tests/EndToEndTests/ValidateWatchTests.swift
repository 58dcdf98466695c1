import Foundation
import Testing

/// `curriculum validate --watch` and the preview after edits: a new finding after a save, a deleted file, a parse
/// error that the next good save clears. Each test waits for what it expects, with a limit, never for a time.
@Suite struct ValidateWatchTests {
    /// A running `curriculum validate --watch`: what it printed on both streams so far.
    final class RunningWatch: RunningCommand, @unchecked Sendable {
        override init(_ arguments: [String]) throws { try super.init(["validate", "--watch"] + arguments) }

        /// How many times it has validated again so far.
        var runs: Int { text.components(separatedBy: "validated again in ").count - 1 }

        /// Waits (a bounded number of checks) for a re-validation after the first `runs` whose printed findings
        /// satisfy a condition, and returns them. A save may be seen in two steps (an editor writes, then renames),
        /// so any later run may be the one.
        func findings(after runs: Int, _ what: String, _ condition: (String) -> Bool) -> String {
            for _ in 0..<240 {
                // The findings of a run are printed before its timing line.
                let parts = text.components(separatedBy: "validated again in ").dropLast()
                if let found = parts.dropFirst(runs).first(where: condition) { return found }
                Thread.sleep(forTimeInterval: 0.25)
            }
            Issue.record("never printed: \(what)\noutput so far:\n\(text)")
            return ""
        }

        func waitUntilWatching() {
            for _ in 0..<240 where !text.contains("Ctrl-C stops") { Thread.sleep(forTimeInterval: 0.25) }
            #expect(text.contains("Ctrl-C stops"), "\(text)")
        }
    }

    @Test func aSaveIsValidatedAgainAndItsFindingPrinted() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workshop = folder.appendingPathComponent("w")
        #expect(try CLI.run(["init", workshop.path]).status == 0)
        let watch = try RunningWatch([workshop.path])
        defer { watch.stop() }
        watch.waitUntilWatching()
        #expect(watch.text.contains("0 errors, 0 warnings, 0 info in 5 files"), "\(watch.text)")
        #expect(watch.text.contains("validated in "))

        let module = workshop.appendingPathComponent("modules/first-module.xml")
        let source = try String(contentsOf: module, encoding: .utf8)
        var runs = watch.runs
        try source.replacing("duration=\"PT45M\" min=\"PT30M\"", with: "duration=\"45\" min=\"PT30M\"")
            .write(to: module, atomically: true, encoding: .utf8)
        var printed = watch.findings(after: runs, "the new finding") {
            $0.contains("first-module.xml:7:5: error[TIM001]")
        }
        #expect(printed.contains("changed: "), "\(printed)")
        #expect(printed.contains("modules/first-module.xml"), "\(printed)")
        #expect(printed.contains("2 errors, 1 warning, 0 info in 5 files"), "\(printed)")
        #expect(watch.text.contains("1 of 1 document checked again, 1 file parsed"), "\(watch.text)")

        // A parse error is a finding, and the next good save clears it.
        runs = watch.runs
        try source.replacing("</module>", with: "</modul>").write(to: module, atomically: true, encoding: .utf8)
        printed = watch.findings(after: runs, "the parse error") { $0.contains("error[XML") }
        #expect(printed.contains("first-module.xml:"), "\(printed)")
        runs = watch.runs
        try source.write(to: module, atomically: true, encoding: .utf8)
        printed = watch.findings(after: runs, "no finding once the file is good again") {
            $0.contains("0 errors, 0 warnings, 0 info in 5 files")
        }
        #expect(!printed.contains("error["), "\(printed)")

        // A deleted file that the programme includes.
        runs = watch.runs
        try FileManager.default.removeItem(at: workshop.appendingPathComponent("cases/example-case.xml"))
        printed = watch.findings(after: runs, "the deleted file") {
            $0.contains("included file \"cases/example-case.xml\" does not exist")
        }
        #expect(printed.contains("error[STR007]"), "\(printed)")
        #expect(watch.process.isRunning, "findings do not stop the watch")
    }

    @Test func aPathThatDoesNotExistEndsItLikeAPlainValidate() throws {
        let result = try CLI.run(["validate", "--watch", "/nonexistent/curriculum"])
        #expect(result.status == 2, "\(result.stderr)")
    }

    private func fetch(_ url: String) throws -> String {
        try CLI.run(["-s", "--max-time", "10", url], executable: "/usr/bin/curl").stdout
    }

    @Test func thePreviewShowsAParseErrorRecoversOnTheNextGoodSaveAndReportsADeletedFile() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workshop = folder.appendingPathComponent("w")
        #expect(try CLI.run(["init", workshop.path]).status == 0)
        let preview = try PreviewCommandTests.RunningPreview([workshop.path, "--port", "0"])
        defer { preview.stop() }
        let page = "http://127.0.0.1:\(try preview.port())/s1/facilitator-guide.html"
        #expect(try fetch(page).contains("The method in three steps"))

        let module = workshop.appendingPathComponent("modules/first-module.xml")
        let source = try String(contentsOf: module, encoding: .utf8)
        try source.replacing("</module>", with: "</modul>").write(to: module, atomically: true, encoding: .utf8)
        try preview.eventually("the page shows the parse error, over the last good pages") {
            let shown = try fetch(page)
            return shown.contains("error[XML") && shown.contains("The method in three steps")
        }
        try source.replacing("The method in three steps", with: "The method, recovered")
            .write(to: module, atomically: true, encoding: .utf8)
        try preview.eventually("the next good save shows the new content and no finding") {
            let shown = try fetch(page)
            return shown.contains("The method, recovered") && shown.contains("0 errors, 0 warnings, 0 info")
        }

        try FileManager.default.removeItem(at: workshop.appendingPathComponent("cases/example-case.xml"))
        try preview.eventually("the page shows that an included file is gone") {
            let shown = try fetch(page)
            return shown.contains("error[STR007]: included file") && shown.contains("cases/example-case.xml")
        }
    }
    @Test func thePreviewRendersAgainOnlyTheSessionsAChangeTouches() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let curricula = folder.appendingPathComponent("Curricula")
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Curricula"), to: curricula)
        let preview = try PreviewCommandTests.RunningPreview([
            curricula.appendingPathComponent("liaise").path, "--port", "0",
        ])
        defer { preview.stop() }
        let base = "http://127.0.0.1:\(try preview.port())"
        #expect(preview.text.contains("4 sessions rendered"), "\(preview.text)")

        // A session's own file: only that session is made again, and its page shows the change.
        let session = curricula.appendingPathComponent("liaise/sessions/s2.xml")
        try String(contentsOf: session, encoding: .utf8)
            .replacing("Understanding disengagement and planning support", with: "Planning support, changed")
            .write(to: session, atomically: false, encoding: .utf8)
        try preview.eventually("the second session's guide shows the change") {
            try fetch(base + "/s2/facilitator-guide.html").contains("Planning support, changed")
        }
        #expect(preview.text.contains("changed; 1 session rendered"), "\(preview.text)")
        #expect(!preview.text.contains("changed; 4 sessions rendered"), "\(preview.text)")

        // Another programme's document: validated again, but no page is made again.
        let other = curricula.appendingPathComponent("city-pair/city-pair.xml")
        try String(contentsOf: other, encoding: .utf8)
            .replacing("<title>Delegation briefing", with: "<title>The delegation's briefing")
            .write(to: other, atomically: false, encoding: .utf8)
        try preview.eventually("the other programme's change is seen") {
            preview.text.contains("changed; 0 sessions rendered")
        }

        // A module every session may draw on: all of them are made again.
        let module = curricula.appendingPathComponent("liaise/modules/awareness.xml")
        try String(contentsOf: module, encoding: .utf8)
            .replacing("<title>Why prevention is local<", with: "<title>Why prevention is local, changed<")
            .write(to: module, atomically: true, encoding: .utf8)
        try preview.eventually("every session is made again") {
            preview.text.contains("changed; 4 sessions rendered")
        }
        #expect(try fetch(base + "/s1/facilitator-guide.html").contains("Why prevention is local, changed"))
    }
}
