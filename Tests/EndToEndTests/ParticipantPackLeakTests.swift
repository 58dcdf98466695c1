import CurriculumKit
import CurriculumModel
import Foundation
import Testing

/// Facilitator-only content must never reach a participant pack: every session of every bundled curriculum is
/// packed as HTML, and no facilitator-only text of the model may appear in its participant pack.
@Suite struct ParticipantPackLeakTests {
    static let programmes = [
        "liaise/liaise.xml", "city-pair/city-pair.xml", "strong-cities-dialogue/strong-cities-dialogue.xml",
    ]

    /// Every text only facilitators (or organisers) may see, as plain text.
    static func facilitatorTexts(_ curriculum: Curriculum) -> [String] {
        var texts: [RichText] = []
        var labels: [Label] = []
        let activities = curriculum.modules.flatMap(\.activities) + curriculum.sessions.flatMap(\.allItems)
        for activity in activities {
            texts += [activity.facilitatorNotes, activity.sensitivityNote].compactMap { $0 }
            texts += activity.variants.map(\.text)
            labels += activity.debrief + activity.steps.map(\.text)
        }
        for study in curriculum.allCaseStudies {
            if let notes = study.facilitatorNotes { texts.append(notes) }
        }
        for session in curriculum.sessions {
            labels += session.preparation.map(\.text)
            if let room = session.room { texts.append(room) }
        }
        var plain: [String] = []
        for text in texts {
            plain.append(text.plainText)
            for translation in text.translations {
                plain.append(translation.blocks.map(\.plainText).joined(separator: " "))
            }
        }
        for label in labels {
            plain.append(label.text)
            plain += label.translations.map(\.text)
        }
        // Short texts ("Break", "Notes.") can occur innocently; long ones cannot.
        return plain.map(collapse).filter { $0.count >= 40 }
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The visible text of an HTML page: tags removed, entities decoded, whitespace collapsed.
    static func visibleText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        for (entity, character) in [
            ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&nbsp;", " "),
            ("&amp;", "&"),
        ] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return collapse(text)
    }

    @Test(arguments: programmes)
    func participantPacksCarryNoFacilitatorOnlyText(programme: String) throws {
        let path = CLI.packageRoot.appendingPathComponent("Curricula/" + programme).path
        let curriculum = try #require(CurriculumLoader().load(programmeAt: path).curriculum)
        let secrets = Self.facilitatorTexts(curriculum)
        #expect(secrets.count > 5, "the check needs facilitator text to look for")
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        var languages: [String?] = [nil]
        if curriculum.sessions.contains(where: { $0.translationLanguages.contains("fr") }) { languages.append("fr") }
        for language in languages {
            let result = try CLI.run(
                ["pack", path, "--format", "html", "--out", out.path] + (language.map { ["--language", $0] } ?? []))
            #expect(result.status == 0, "\(result.stderr)")
            for session in curriculum.sessions {
                let folder = out.appendingPathComponent(
                    "\(curriculum.id)-\(session.id)" + (language.map { ".\($0)" } ?? ""))
                let participant = Self.visibleText(
                    try String(contentsOf: folder.appendingPathComponent("participant-pack.html"), encoding: .utf8))
                let guide = Self.visibleText(
                    try String(contentsOf: folder.appendingPathComponent("facilitator-guide.html"), encoding: .utf8))
                for secret in secrets {
                    #expect(
                        !participant.contains(secret),
                        "\(session.id) \(language ?? "en"): facilitator text in the participant pack: \(secret.prefix(80))"
                    )
                }
                #expect(
                    secrets.contains { guide.contains($0) },
                    "\(session.id): the facilitator guide should carry facilitator notes")
                #expect(
                    !FileManager.default.fileExists(
                        atPath: folder.appendingPathComponent("participant-pack.html").path + ".facilitator"))
            }
        }
    }

    @Test func htmlPagesAreSelfContainedAndDeclareTheirLanguage() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run([
            "pack", CLI.packageRoot.appendingPathComponent("Curricula/liaise").path, "--session", "s1", "--format",
            "html", "--language", "fr", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        for page in ["facilitator-guide.html", "participant-pack.html"] {
            let html = try String(contentsOf: out.appendingPathComponent("liaise-s1.fr/" + page), encoding: .utf8)
            #expect(html.contains("<html lang=\"fr\""), "\(page)")
            #expect(!html.contains("<script"), "\(page)")
            #expect(!html.contains("src=\"http"), "\(page) loads nothing from the network")
            #expect(!html.contains("<link rel=\"stylesheet\""), "\(page) inlines its styles")
            #expect(html.contains("@page"), "\(page) has a print stylesheet")
        }
        let guide = try String(
            contentsOf: out.appendingPathComponent("liaise-s1.fr/facilitator-guide.html"), encoding: .utf8)
        #expect(guide.contains("<svg"), "the guide draws each day's timeline")
        let manifest = try String(contentsOf: out.appendingPathComponent("liaise-s1.fr/pack.json"), encoding: .utf8)
        #expect(manifest.contains("handouts/"), "participant handouts are copied into the pack")
    }

    @Test func trainersCanReplaceTheTemplates() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try """
        <!doctype html>
        <html lang="{{lang}}"><head><meta charset="utf-8"><title>{{pageTitle}}</title>{{{styles}}}</head>
        <body><h1>Our city's pack: {{sessionHeading}}</h1>{{> footer}}</body></html>
        """.write(to: templates.appendingPathComponent("participant-pack.mustache"), atomically: true, encoding: .utf8)
        try "<footer>Printed for the city of Liège</footer>".write(
            to: templates.appendingPathComponent("footer.mustache"), atomically: true, encoding: .utf8)
        try "h1 { color: #123456; }".write(
            to: templates.appendingPathComponent("styles.css"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try CLI.run([
            "pack", CLI.packageRoot.appendingPathComponent("Curricula/liaise").path, "--session", "s1", "--format",
            "html",
            "--templates", templates.path, "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(
            contentsOf: out.appendingPathComponent("liaise-s1/participant-pack.html"), encoding: .utf8)
        #expect(page.contains("<h1>Our city&#39;s pack: ") || page.contains("<h1>Our city's pack: "))
        #expect(page.contains("Printed for the city of Liège"), "partials are found beside the templates")
        #expect(page.contains("#123456"), "styles.css replaces the built-in styles")
        let guide = try String(
            contentsOf: out.appendingPathComponent("liaise-s1/facilitator-guide.html"), encoding: .utf8)
        #expect(guide.contains("#123456"), "the guide keeps its own template but takes the new styles")
    }

    @Test func aMissingTemplatesFolderIsAUsageError() throws {
        let result = try CLI.run([
            "pack", CLI.fixture("valid"), "--templates", "/no/such/folder", "--out", "/tmp/never-written",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--templates /no/such/folder: not a folder"))
    }
}
