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

    @Test func copiesOfAnActivityChangeIndependently() {
        let original = Activity(id: "a", kind: .exercise, title: "Map the partners", duration: "PT30M")
        var changed = original
        changed.duration = "PT45M"
        changed.develops.append("obj-1")
        #expect(original.duration == "PT30M")
        #expect(original.develops.isEmpty)
        #expect(changed.minutes == 45)
        #expect(changed.develops == ["obj-1"])
        #expect(changed != original)
        let at = SourceLocation(path: "s.xml", line: 3, column: 5)
        let placed = original.placed(fromModule: "m1", at: at)
        #expect(placed.module == "m1" && placed.placement == at && placed.agendaLocation == at)
        #expect(original.module == nil && original.placement == nil)
    }

    @Test func anActivityEncodesItsFieldsUnderTheirOwnNames() throws {
        let activity = Activity(
            id: "a", kind: .input, title: "Talk", duration: "PT10M", develops: ["o"], module: "m")
        let data = try JSONEncoder().encode(activity)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["id"] as? String == "a")
        #expect(json["develops"] as? [String] == ["o"])
        #expect(json["module"] as? String == "m")
        #expect(json["storage"] == nil && json["fields"] == nil, "the box is not part of the protocol")
        #expect(try JSONDecoder().decode(Activity.self, from: data) == activity)
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
