import CurriculumModel
import Foundation
import Testing

@Suite struct ModelCodingTests {
    static let sample = Curriculum(
        id: "p", title: Label("Programme", translations: [Translation(language: "fr", text: "Programme")]),
        language: "en",
        sessions: [
            Session(
                id: "s1", declaredDays: 1, title: "One",
                days: [
                    Day(
                        number: 1, nominalStart: "09:00",
                        agenda: [Activity(id: "i1", kind: .welcome, title: "Hello", duration: "PT15M")])
                ])
        ])

    @Test func encodesTheStableProtocolFieldsInCamelCase() throws {
        let data = try JSONEncoder().encode(Self.sample)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["id"] as? String == "p")
        #expect(json["language"] as? String == "en")
        let sessions = try #require(json["sessions"] as? [[String: Any]])
        let day = try #require((sessions[0]["days"] as? [[String: Any]])?.first)
        #expect(day["number"] as? Int == 1)
        let item = try #require((day["agenda"] as? [[String: Any]])?.first)
        #expect(item["kind"] as? String == "welcome")
        #expect(item["duration"] as? String == "PT15M")
        #expect(json["caseStudies"] != nil)
    }

    @Test func roundTripsThroughJSON() throws {
        let data = try JSONEncoder().encode(Self.sample)
        #expect(try JSONDecoder().decode(Curriculum.self, from: data) == Self.sample)
    }

    @Test func keepsUnknownActivityKindsAsWritten() throws {
        let kind = try JSONDecoder().decode(ActivityKind.self, from: Data("\"hackathon\"".utf8))
        #expect(kind.rawValue == "hackathon")
        #expect(!kind.isPause)
    }

    @Test func labelsFallBackToTheSourceText() {
        let label = Label("Hello", translations: [Translation(language: "fr", text: "Bonjour")])
        #expect(label.text(in: "fr") == "Bonjour")
        #expect(label.text(in: "de") == "Hello")
        #expect(label.text(in: nil) == "Hello")
    }
}
