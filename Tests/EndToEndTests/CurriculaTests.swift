import CurriculumKit
import CurriculumModel
import Foundation
import Testing

/// The bundled curricula: valid with the default rules and the bundled rule pack, and faithful to the
/// programmes they describe.
@Suite struct CurriculaTests {
    static let curricula = CLI.packageRoot.appendingPathComponent("Curricula")

    static func load(_ relative: String) throws -> Curriculum {
        let loaded = CurriculumLoader().load(programmeAt: curricula.appendingPathComponent(relative).path)
        return try #require(loaded.curriculum, "\(loaded.diagnostics)")
    }

    @Test func allCurriculaValidateWithoutErrorsOrWarnings() throws {
        let result = try CLI.run(["validate", Self.curricula.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let diagnostics = try result.diagnostics()
        // A session not yet given in a language its programme declares is listed (LNG002): the list a translator works
        // from. Nothing else may be reported.
        #expect(
            diagnostics.filter {
                $0.code != "EXP002" && !($0.code == "LNG002" && $0.message.contains("is not given in"))
            }
            .isEmpty, "\(diagnostics)")
        let files = try #require(try result.json()["files"] as? [String])
        #expect(files.count >= 40)
    }

    @Test func liaiseHasSixModulesInFourTwoDaySessions() throws {
        let liaise = try Self.load("liaise/liaise.xml")
        #expect(liaise.modules.count == 6)
        #expect(liaise.sessions.count == 4)
        #expect(liaise.sessions.allSatisfy { $0.days.count == 2 && $0.declaredDays == 2 })
        let used = Set(liaise.sessions.flatMap(\.moduleIDs))
        #expect(Set(liaise.modules.map(\.id)) == used, "every module is used by some session")
        #expect(
            liaise.sessions.contains { !$0.translationLanguages.isEmpty }, "at least one session is given in French")
        #expect(!liaise.deliveries.isEmpty)
    }

    @Test(arguments: [
        "liaise/liaise.xml", "city-pair/city-pair.xml", "strong-cities-dialogue/strong-cities-dialogue.xml",
    ])
    func everyCaseStudyIsCompleteAndSourced(programme: String) throws {
        let curriculum = try Self.load(programme)
        #expect(!curriculum.allCaseStudies.isEmpty)
        for study in curriculum.allCaseStudies {
            #expect(study.context != nil && study.approach != nil && study.impact != nil, "\(study.id)")
            #expect(!study.sources.isEmpty, "\(study.id)")
            #expect(study.consent != nil && study.anonymised != nil && study.sensitivity != nil, "\(study.id)")
        }
    }

    @Test func cityPairReusesALiaiseModuleFromItsLibrary() throws {
        let cityPair = try Self.load("city-pair/city-pair.xml")
        let liaise = try Self.load("liaise/liaise.xml")
        let shared = Set(cityPair.modules.map(\.id)).intersection(liaise.modules.map(\.id))
        #expect(!shared.isEmpty)
        let module = try #require(cityPair.modules.first { shared.contains($0.id) })
        #expect(
            module.location?.path.hasPrefix("liaise/modules/") == true, "included from the LIAISE folder, not copied")
        #expect(cityPair.sessions.contains { $0.moduleIDs.contains(module.id) })
    }

    @Test func showPrintsABelievableTwoDayTimetableWithDeliveryDates() throws {
        let result = try CLI.run(["show", Self.curricula.appendingPathComponent("liaise").path, "--session", "s1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Europe/Brussels"))
        #expect(result.stdout.contains("Day 1 — 2027-03-09"))
        #expect(result.stdout.contains("Day 2 — 2027-03-10"))
        #expect(result.stdout.contains("meal"))
    }
}
