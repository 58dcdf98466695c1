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

    @Test func translatedProfileVenueAndFacilitatorFieldsStayStringsForOldReadersWithTheirLabelsBeside() throws {
        let french = { (text: String) in [Translation(language: "fr", text: text)] }
        let audience = Audience(
            id: "a", role: "participant", name: "Workers",
            sectors: [Label("youth work", translations: french("jeunesse")), "housing"],
            background: Label("Daily contact.", translations: french("Contact quotidien.")), needs: "Support.")
        let delivery = Delivery(
            id: "d", programme: "p", timezone: "Europe/Brussels",
            venueName: Label("Town hall", translations: french("Mairie")), venueAddress: "Lille",
            facilitators: [Facilitator(name: Label("Lead", translations: french("Animateur")), role: "lead")])
        let audienceJSON = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(audience)) as? [String: Any])
        #expect(audienceJSON["sectors"] as? [String] == ["youth work", "housing"])
        #expect(audienceJSON["background"] as? String == "Daily contact.")
        #expect(audienceJSON["needs"] as? String == "Support.")
        #expect((audienceJSON["sectorLabels"] as? [Any])?.count == 2)
        #expect(audienceJSON["backgroundLabel"] != nil)
        #expect(audienceJSON["needsLabel"] == nil, "a label with nothing but its text travels as the string alone")
        let deliveryJSON = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(delivery)) as? [String: Any])
        #expect(deliveryJSON["venueName"] as? String == "Town hall")
        #expect(deliveryJSON["venueNameLabel"] != nil && deliveryJSON["venueAddressLabel"] == nil)
        let facilitator = try #require((deliveryJSON["facilitators"] as? [[String: Any]])?.first)
        #expect(facilitator["name"] as? String == "Lead" && facilitator["nameLabel"] != nil)
        #expect(try JSONDecoder().decode(Audience.self, from: JSONEncoder().encode(audience)) == audience)
        #expect(try JSONDecoder().decode(Delivery.self, from: JSONEncoder().encode(delivery)) == delivery)
    }

    @Test func translatedOwnerFundersLicenceAndKeywordsStayStringsForOldReadersWithTheirLabelsBeside() throws {
        let french = { (text: String) in [Translation(language: "fr", text: text)] }
        let meta = ProgrammeMeta(
            owner: Label("Example team", translations: french("Équipe d'exemple")),
            funders: ["A foundation", Label("A city", translations: french("Une ville"))], licence: "CC BY 4.0",
            keywords: [Label("schools", translations: french("écoles"))])
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(meta)) as? [String: Any])
        #expect(json["owner"] as? String == "Example team" && json["ownerLabel"] != nil)
        #expect(json["funders"] as? [String] == ["A foundation", "A city"])
        #expect((json["funderLabels"] as? [Any])?.count == 2)
        #expect(json["licence"] as? String == "CC BY 4.0")
        #expect(json["licenceLabel"] == nil, "a label with nothing but its text travels as the string alone")
        #expect(json["keywords"] as? [String] == ["schools"] && json["keywordLabels"] != nil)
        #expect(try JSONDecoder().decode(ProgrammeMeta.self, from: JSONEncoder().encode(meta)) == meta)
        let old = try JSONDecoder().decode(
            ProgrammeMeta.self,
            from: Data(
                #"{"owner":"Team","funders":["F"],"licence":"CC0","keywords":["k"],"translationLanguages":[]}"#.utf8))
        #expect(old.owner == "Team" && old.funders == ["F"] && old.licence == "CC0" && old.keywords == ["k"])
    }

    @Test func aModelWrittenWithPlainStringsStillDecodes() throws {
        let audience = try JSONDecoder().decode(
            Audience.self,
            from: Data(
                #"{"id":"a","role":"participant","name":{"text":"W","translations":[]},"sectors":["youth work"],"background":"Daily."}"#
                    .utf8))
        #expect(audience.sectors == ["youth work"] && audience.background == "Daily.")
        let source = try JSONDecoder().decode(
            CaseSource.self, from: Data(#"{"text":"Event report","date":"2024"}"#.utf8))
        #expect(source.text == "Event report" && source.date == "2024")
        let translated = CaseSource(
            text: Label("Event report", translations: [Translation(language: "fr", text: "Compte rendu")]))
        let sourceJSON = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(translated)) as? [String: Any])
        #expect(sourceJSON["text"] as? String == "Event report" && sourceJSON["textLabel"] != nil)
        #expect(try JSONDecoder().decode(CaseSource.self, from: JSONEncoder().encode(translated)) == translated)
        let facilitator = try JSONDecoder().decode(Facilitator.self, from: Data(#"{"name":"Lead","role":"lead"}"#.utf8))
        #expect(facilitator.name == "Lead" && facilitator.role == "lead")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Facilitator.self, from: Data(#"{"role":"lead"}"#.utf8))
        }
    }

    @Test func labelsFallBackToTheSourceText() {
        let label = Label("Hello", translations: [Translation(language: "fr", text: "Bonjour")])
        #expect(label.text(in: "fr") == "Bonjour")
        #expect(label.text(in: "de") == "Hello")
        #expect(label.text(in: nil) == "Hello")
    }
}
