import CurriculumExportKit
import Foundation
import Testing

/// The translators' catalogues are the only source of the exporters' words, so they must be valid, embedded as
/// they are on disk, and complete for the languages the bundled exporters claim.
@Suite struct StringCatalogueTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let folder = packageRoot.appendingPathComponent("Sources/CurriculumExportKit/Resources/strings")

    @Test func everyCatalogueFileIsEmbeddedAsItIsOnDisk() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter {
            $0.hasSuffix(".json")
        }
        #expect(files.count >= 2)
        #expect(
            Set(files.map { String($0.dropLast(5)) }) == Set(StringCatalogue.languages),
            "the embedded catalogues are stale: run `make generate`")
        for file in files {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent(file))
            let decoded = try JSONDecoder().decode([String: String].self, from: data)
            let language = String(file.dropLast(5))
            let catalogue = StringCatalogue(language: language)
            for (key, value) in decoded {
                #expect(catalogue[key] == value, "\(file): \(key) is stale in the binary: run `make generate`")
            }
        }
    }

    @Test func frenchTranslatesEveryEnglishString() {
        #expect(StringCatalogue.missingKeys(in: "fr") == [])
        #expect(StringCatalogue(language: "fr-BE")["facilitatorGuide"] == "Guide de l'animateur")
    }

    @Test func aLanguageWithoutACatalogueGetsEnglishAndAMissingKeyShowsItself() {
        let catalogue = StringCatalogue(language: "sv")
        #expect(catalogue["facilitatorGuide"] == "Facilitator guide")
        #expect(catalogue["no.such.key"] == "no.such.key")
        #expect(StringCatalogue(language: "de")["calendarDay"] == "Tag")
        #expect(StringCatalogue(language: "de")["facilitatorGuide"] == "Facilitator guide")
    }

    @Test func leadTimesAreWrittenInTheCataloguesWords() {
        let english = StringCatalogue(language: "en")
        #expect(english.leadTime("P14D") == "14 days before")
        #expect(english.leadTime("P1D") == "1 day before")
        #expect(english.leadTime("P2W") == "2 weeks before")
        #expect(english.leadTime("PT2H") == "2 hours before")
        #expect(english.leadTime("soon") == nil)
        let french = StringCatalogue(language: "fr")
        #expect(french.leadTime("P14D") == "14 jours avant")
        #expect(french.counted(0, "day") == "0 jour")
    }
}
