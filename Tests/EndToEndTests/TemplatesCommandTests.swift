import Foundation
import Testing

/// `curriculum templates export DIR` gives a trainer the default templates to start from.
@Suite struct TemplatesCommandTests {
    @Test func exportedTemplatesReproduceTheDefaultPagesByteForByte() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("templates")
        let export = try CLI.run(["templates", "export", templates.path])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: templates.path).sorted() == [
                "facilitator-guide.mustache", "participant-pack.mustache", "styles.css",
            ])
        let liaise = CLI.packageRoot.appendingPathComponent("Curricula/liaise").path
        let plain = folder.appendingPathComponent("plain")
        let custom = folder.appendingPathComponent("custom")
        for (out, extra) in [(plain, [String]()), (custom, ["--templates", templates.path])] {
            let result = try CLI.run(
                ["pack", liaise, "--session", "s1", "--format", "html", "--out", out.path] + extra)
            #expect(result.status == 0, "\(result.stderr)")
        }
        for page in ["facilitator-guide.html", "participant-pack.html", "handouts/concern-cards.html"] {
            let a = try Data(contentsOf: plain.appendingPathComponent("liaise-s1/" + page))
            let b = try Data(contentsOf: custom.appendingPathComponent("liaise-s1/" + page))
            #expect(a == b, "\(page) differs when made from the exported templates")
        }
    }

    @Test func aTrainersTemplateWithAnUnknownKeyIsRefusedNamingFileLineAndKey() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("templates")
        #expect(try CLI.run(["templates", "export", templates.path]).status == 0)
        // A misspelt key in the guide, a facilitator field in the participant pack, and one in a partial.
        let guide = templates.appendingPathComponent("facilitator-guide.mustache")
        let source = try String(contentsOf: guide, encoding: .utf8)
        try source.replacingOccurrences(of: "<h1>{{sessionHeading}}</h1>", with: "<h1>{{sesionHeading}}</h1>")
            .write(to: guide, atomically: true, encoding: .utf8)
        let pack = templates.appendingPathComponent("participant-pack.mustache")
        let packSource = try String(contentsOf: pack, encoding: .utf8)
        try packSource.replacingOccurrences(
            of: "{{{purposeHtml}}}", with: "{{{purposeHtml}}}{{{facilitatorNotesHtml}}}\n{{> extra}}"
        ).write(to: pack, atomically: true, encoding: .utf8)
        try "<p>{{t.contents}} {{t.nonsense}}</p>".write(
            to: templates.appendingPathComponent("extra.mustache"), atomically: true, encoding: .utf8)

        let liaise = CLI.packageRoot.appendingPathComponent("Curricula/liaise").path
        let result = try CLI.run(
            [
                "pack", liaise, "--session", "s1", "--format", "html", "--out",
                folder.appendingPathComponent("out").path,
                "--templates", templates.path,
            ])
        #expect(result.status != 0)
        let headingLine = source.components(separatedBy: "\n").firstIndex { $0.contains("<h1>{{sessionHeading}}") }
        let line = try #require(headingLine) + 1
        #expect(result.stderr.contains("\(guide.path):\(line):5: unknown key \"sesionHeading\""), "\(result.stderr)")
        #expect(result.stderr.contains("participant-pack.mustache:"), "\(result.stderr)")
        #expect(result.stderr.contains("unknown key \"facilitatorNotesHtml\""), "\(result.stderr)")
        #expect(result.stderr.contains("extra.mustache:1:"), "\(result.stderr)")
        #expect(result.stderr.contains("unknown key \"t.nonsense\""), "\(result.stderr)")
        #expect(!result.stderr.contains("\"t.contents\""), "\(result.stderr)")
    }

    @Test func anExistingFileIsNotReplacedWithoutForce() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mine = folder.appendingPathComponent("styles.css")
        try "h1 { color: red; }".write(to: mine, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["templates", "export", folder.path])
        #expect(refused.status == 2, "\(refused.stderr)")
        #expect(refused.stderr.contains("give --force"))
        #expect(try String(contentsOf: mine, encoding: .utf8) == "h1 { color: red; }")
        #expect(
            !FileManager.default.fileExists(atPath: folder.appendingPathComponent("participant-pack.mustache").path))
        let forced = try CLI.run(["templates", "export", folder.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: mine, encoding: .utf8) != "h1 { color: red; }")
    }
}
