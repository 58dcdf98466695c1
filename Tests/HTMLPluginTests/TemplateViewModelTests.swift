import CurriculumExportKit
import Mustache
import Testing

@testable import curriculum_plugin_html

/// The default templates use only keys their view models have, and a misspelt key is caught.
@Suite struct TemplateViewModelTests {
    static let pages: [(name: String, source: String)] = [
        (TemplateSet.guideName, DefaultTemplates.facilitatorGuide),
        (TemplateSet.participantName, DefaultTemplates.participantPack),
    ]

    @Test func everyKeyOfTheDefaultTemplatesIsAPropertyOfItsViewModel() throws {
        let shapes = try TemplateSet.shapes()
        for page in Self.pages {
            let shape = try #require(shapes[page.name])
            let problems = TemplateKeyCheck.problems(in: page.source, named: page.name, shape: shape)
            #expect(problems.isEmpty, "\(problems)")
            // The check did look: the templates use many keys.
            #expect(TemplateTag.tags(in: page.source).count > 100)
        }
    }

    @Test func aMisspeltKeyIsReportedAtItsLineAndColumn() throws {
        let shape = try TemplateShape(of: GuideViewModel.self)
        let template = "<h1>{{sessionHeading}}</h1>\n{{#activities}}<h3>{{titel}}</h3>{{/activities}}\n{{t.contnts}}"
        let problems = TemplateKeyCheck.problems(in: template, named: "guide", shape: shape)
        #expect(
            problems.map(\.description) == [
                "guide:2:20: unknown key \"titel\"", "guide:3:1: unknown key \"t.contnts\"",
            ])
    }

    @Test func theParticipantPackHasNoFacilitatorField() throws {
        let shape = try TemplateShape(of: PackViewModel.self)
        let template = "{{#activities}}{{{facilitatorNotesHtml}}}{{#steps}}{{text}}{{/steps}}{{/activities}}"
        let problems = TemplateKeyCheck.problems(in: template, named: "pack", shape: shape)
        #expect(problems.map(\.key) == ["facilitatorNotesHtml", "steps", "text"])
    }

    @Test func aKeyOfAnEnclosingSectionIsFoundFromAnInnerOne() throws {
        let shape = try TemplateShape(of: GuideViewModel.self)
        // `t` and `lang` are the page's; `anchor` is the activity's; `text` is the step's.
        let template = "{{#activities}}{{#steps}}{{text}} {{t.steps}} {{anchor}} {{lang}}{{/steps}}{{/activities}}"
        #expect(TemplateKeyCheck.problems(in: template, named: "guide", shape: shape).isEmpty)
    }

    /// The keys read from `Decodable` are the properties Mustache reads through `Mirror`: none is left out.
    @Test func theShapeOfAViewModelIsItsStoredProperties() throws {
        for (model, shape) in [
            (GuideViewModel() as any TemplateViewModel, try TemplateShape(of: GuideViewModel.self)),
            (PackViewModel(), try TemplateShape(of: PackViewModel.self)),
        ] {
            let properties = Mirror(reflecting: model).children.compactMap(\.label)
            #expect(Set(properties) == Set(shape.fields.keys))
            #expect(properties.count == shape.fields.count)
        }
    }

    @Test func anOptionalWithoutAValueStopsTheLookupInEnclosingValues() {
        let slot = PackViewModel.Slot(start: "09:00", end: "09:30", title: "Welcome", anchor: nil)
        #expect(slot.child(named: "anchor") is Absent)
        #expect(slot.child(named: "title") as? String == "Welcome")
        #expect(slot.child(named: "lang") == nil)
    }

    /// Pages are rendered from a ``TemplateRecord``, read once from the view model: it answers as the struct does.
    @Test func aRecordAnswersEveryKeyAsItsViewModelDoes() throws {
        let slot = PackViewModel.Slot(start: "09:00", end: "09:30", title: "Welcome", anchor: nil)
        let record = try #require(TemplateRecord.of(slot) as? TemplateRecord)
        #expect(record.child(named: "anchor") is Absent)
        #expect(record.child(named: "title") as? String == "Welcome")
        #expect(record.child(named: "lang") == nil)
        let facts = [Fact(label: "Venue", value: "Town hall"), Fact(label: "Room", value: "2")]
        let listed = try #require(TemplateRecord.of(Wrapper(facts: facts, note: nil)) as? TemplateRecord)
        let items = try #require(listed.child(named: "facts") as? [Any])
        #expect(items.compactMap { ($0 as? TemplateRecord)?.child(named: "value") as? String } == ["Town hall", "2"])
    }

    @Test func anEmptyPropertyOfARecordDoesNotTakeTheEnclosingValue() throws {
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: "{{#items}}[{{#note}}{{.}}{{/note}}]{{/items}}"), named: "t")
        // The page has a note; an item without one must not show the page's.
        let page = Page(
            note: "page note", items: [Wrapper(facts: [], note: nil), Wrapper(facts: [], note: "own note")])
        #expect(library.render(TemplateRecord.of(page), withTemplate: "t") == "[][own note]")
        #expect(library.render(page, withTemplate: "t") == "[][own note]")
    }
}

private struct Wrapper: TemplateViewModel {
    let facts: [Fact]
    let note: String?
}

private struct Page: TemplateViewModel {
    let note: String?
    let items: [Wrapper]
}
