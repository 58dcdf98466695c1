import Foundation
import Testing

/// Questions carry answer keys (correct options, accepted answers, feedback, an explanation): the facilitator guide
/// shows them, and no participant-facing file of any format does.
@Suite struct AnswerKeyTests {
    static let programme = CLI.fixture("answer-keys/quiz.xml")

    /// Packs the fixture in every bundled format and returns the pack folder.
    static func pack(language: String? = nil) throws -> (URL, URL) {
        let out = try CLI.temporaryFolder()
        var arguments = ["pack", programme, "--out", out.path]
        if let language { arguments += ["--language", language] }
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let folder = try #require(
            try FileManager.default.contentsOfDirectory(at: out, includingPropertiesForKeys: nil).first {
                $0.hasDirectoryPath
            })
        return (out, folder)
    }

    @Test func theFacilitatorGuideShowsTheKeyFeedbackAndExplanation() throws {
        let (out, folder) = try Self.pack()
        defer { try? FileManager.default.removeItem(at: out) }
        let guide = try String(contentsOf: folder.appendingPathComponent("facilitator-guide.html"), encoding: .utf8)
        #expect(guide.contains(#"<li class="correct">The municipality <strong class="key">✓ correct answer</strong>"#))
        #expect(guide.contains("KEYMARK-FEEDBACK-1"))
        #expect(guide.contains("KEYMARK-EXPLANATION"))
        #expect(guide.contains("Accepted answers: KEYMARK-ANSWER municipality"))
        // graded="no": an opinion question has no key and is not reported as lacking one.
        #expect(guide.components(separatedBy: "No answer key in the curriculum.").count == 1)
    }

    @Test func theFrenchGuideShowsTheFrenchKey() throws {
        let (out, folder) = try Self.pack(language: "fr")
        defer { try? FileManager.default.removeItem(at: out) }
        let guide = try String(contentsOf: folder.appendingPathComponent("facilitator-guide.html"), encoding: .utf8)
        #expect(guide.contains(#"La commune <strong class="key">✓ bonne réponse</strong>"#))
        #expect(
            guide.contains("Réponses acceptées : KEYMARK-ANSWER commune")
                || guide.contains("Réponses acceptées: KEYMARK-ANSWER commune"))
    }

    @Test func noParticipantFileOfAnyFormatCarriesAnyPartOfTheKey() throws {
        let (out, folder) = try Self.pack()
        defer { try? FileManager.default.removeItem(at: out) }
        var checked = 0
        for case let file as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            ?? .init()
        where !file.hasDirectoryPath && file.lastPathComponent != "facilitator-guide.html" {
            var data = try Data(contentsOf: file)
            if file.pathExtension == "imscc" {
                // The quizzes carry the key for the platform to score with (CartridgeQuizTests checks them).
                let listing = try CLI.run(
                    [
                        "-c",
                        "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); sys.stdout.write(''.join(z.read(n).decode('utf-8', 'replace') for n in z.namelist() if 'facilitator' not in n and not n.startswith('assessments/')))",
                        file.path,
                    ],
                    executable: "/usr/bin/python3")
                data = Data(listing.stdout.utf8)
            }
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("KEYMARK"), "\(file.lastPathComponent) shows part of the answer key")
            #expect(!text.contains("correct answer"), "\(file.lastPathComponent) marks a correct answer")
            checked += 1
        }
        #expect(checked >= 4, "the pack should hold the participant pack, notes, calendar-less cartridge and pack.json")
    }

    @Test func aTrueFalseQuestionOffersTrueAndFalseToParticipants() throws {
        let (out, folder) = try Self.pack()
        defer { try? FileManager.default.removeItem(at: out) }
        let pack = try String(contentsOf: folder.appendingPathComponent("participant-pack.html"), encoding: .utf8)
        #expect(pack.contains("A map needs every service."))
        #expect(pack.contains(">True<") && pack.contains(">False<"))
    }
}
