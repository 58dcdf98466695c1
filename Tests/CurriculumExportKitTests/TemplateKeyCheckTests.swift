import CurriculumExportKit
import Testing

/// Reading a template's tags and holding them to a view model's keys.
@Suite struct TemplateKeyCheckTests {
    struct Item: Decodable {
        let name: String
        let note: String?
    }

    struct Page: Decodable {
        let title: String
        let count: Int
        let shown: Bool
        let items: [Item]
        let tags: [String]
        let author: Item?
    }

    @Test func theShapeOfAViewModelIsReadFromItsDecodableConformance() throws {
        let item = TemplateShape.record(["name": .value, "note": .value])
        #expect(
            try TemplateShape(of: Page.self)
                == .record([
                    "title": .value, "count": .value, "shown": .value, "items": .list(item), "tags": .list(.value),
                    "author": item,
                ]))
    }

    @Test func tagsAreReadWithTheirKindLineAndColumn() {
        let tags = TemplateTag.tags(
            in: "a {{title}}\n  {{{html}}} {{& raw}}{{! note }}{{#items}}{{^empty(tags)}}{{/items}}{{> part}}")
        #expect(tags.map(\.kind) == [.variable, .variable, .variable, .section, .invertedSection, .close, .partial])
        #expect(tags.map(\.name) == ["title", "html", "raw", "items", "empty(tags)", "items", "part"])
        #expect(tags.map(\.line) == [1, 2, 2, 2, 2, 2, 2])
        #expect(tags.map(\.column) == [3, 3, 14, 34, 44, 60, 70])
        #expect(tags[4].key == "tags")
    }

    @Test func newDelimitersAreFollowed() {
        let tags = TemplateTag.tags(in: "{{=<% %>=}}<% title %> {{not}} <%#items%><%/items%>")
        #expect(tags.map(\.name) == ["title", "items", "items"])
    }

    @Test func namesResolveInTheInnermostSectionThenOutwards() throws {
        let shape = try TemplateShape(of: Page.self)
        let good =
            "{{#items}}{{name}}{{#note}}{{.}}{{title}}{{/note}}{{^last()}};{{/last()}}{{/items}}"
            + "{{#author}}{{name}}{{/author}}{{author.note}}{{#tags}}{{.}}{{/tags}}{{^empty(items)}}x{{/empty(items)}}"
        #expect(TemplateKeyCheck.problems(in: good, named: "page", shape: shape).isEmpty)
    }

    @Test func aKeyNoOpenValueHasIsReported() throws {
        let shape = try TemplateShape(of: Page.self)
        let bad =
            "{{titel}}\n{{#items}}{{nme}}{{/items}}{{name}}{{author.nome}}{{.note}}{{#empty(itemz)}}{{/empty(itemz)}}"
        let problems = TemplateKeyCheck.problems(in: bad, named: "page", shape: shape)
        #expect(problems.map(\.key) == ["titel", "nme", "name", "author.nome", ".note", "empty(itemz)"])
        #expect(problems.first?.description == "page:1:1: unknown key \"titel\"")
    }

    @Test func anIncludedPartialIsCheckedWhereItIsIncluded() throws {
        let shape = try TemplateShape(of: Page.self)
        let partials = ["item": "{{name}} {{nam}}", "loop": "{{> loop}}"]
        let problems = TemplateKeyCheck.problems(
            in: "{{#items}}{{> item}}{{/items}}{{> loop}}", named: "page", shape: shape, partials: partials)
        #expect(problems.map(\.description) == ["item:1:10: unknown key \"nam\""])
    }
}
