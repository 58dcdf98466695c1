import CurriculumXML
import Testing

@testable import CurriculumKit

/// The surgical editor behind `curriculum translate import`: it finds elements from the parser's positions and
/// changes only the `<t>` children it is asked to.
@Suite struct SourceEditorTests {
    /// Parses a document and finds its translatable texts, as the importer does.
    private func texts(_ xml: String) throws -> [TranslatableText] {
        let bytes = Array(xml.utf8)
        let outcome = bytes.withUnsafeBytes { HardenedXMLParser().parse($0, url: "t.xml") }
        let root = try #require(outcome.root, "\(outcome.problems)")
        return TranslatableTextFinder(file: "t.xml").texts(in: root)
    }

    private func insert(_ translation: String, into xml: String, id: String, language: String = "fr") throws -> String {
        let text = try #require(try texts(xml).first { $0.id == id }, "no \(id)")
        var editor = SourceEditor(bytes: Array(xml.utf8))
        let span = try #require(editor.locate(line: text.location.line, column: text.location.column))
        let close = try #require(span.closeStart)
        let element = "<t xml:lang=\"\(language)\">\(translation)</t>"
        if let existing = span.translations[language] {
            editor.replace(existing, with: element)
        } else {
            let (offset, prefix) =
                text.form == .text ? (close, "") : editor.insertionPoint(before: close)
            editor.replace(offset..<offset, with: prefix + element)
        }
        return String(decoding: editor.applied(), as: UTF8.self)
    }

    @Test func findsTheElementPastCommentsCDATAAndTagsInAttributes() throws {
        let xml = """
            <module xmlns="urn:curriculumkit:curriculum:1" id="m">
              <!-- <title>not this</title> -->
              <title rev="2"
                     xml:lang="en">Ünïcode <em>first</em><![CDATA[ </title> ]]></title>
            </module>
            """
        let edited = try insert("Premier", into: xml, id: "m/title")
        #expect(
            edited.contains(
                "<title rev=\"2\"\n         xml:lang=\"en\">Ünïcode <em>first</em><![CDATA[ </title> ]]><t xml:lang=\"fr\">Premier</t></title>"
            ), "\(edited)")
        #expect(edited.contains("<!-- <title>not this</title> -->"))
    }

    @Test func replacesOnlyTheTranslationOfTheSameLanguage() throws {
        let xml = """
            <module xmlns="urn:curriculumkit:curriculum:1" id="m"><title>Partners<t xml:lang="de">Partner</t><t xml:lang="fr" rev="1">Vieux</t></title></module>
            """
        let edited = try insert("Partenaires", into: xml, id: "m/title")
        #expect(
            edited
                == """
                <module xmlns="urn:curriculumkit:curriculum:1" id="m"><title>Partners<t xml:lang="de">Partner</t><t xml:lang="fr">Partenaires</t></title></module>
                """)
    }

    @Test func addsRichTextTranslationsOnTheirOwnLineWithTheChildrensIndentation() throws {
        let xml =
            "<module xmlns=\"urn:curriculumkit:curriculum:1\" id=\"m\">\r\n  <summary>\r\n    <p>One.</p>\r\n  </summary>\r\n</module>\r\n"
        let edited = try insert("<p>Un.</p>", into: xml, id: "m/summary")
        #expect(
            edited
                == "<module xmlns=\"urn:curriculumkit:curriculum:1\" id=\"m\">\r\n  <summary>\r\n    <p>One.</p>\r\n    <t xml:lang=\"fr\"><p>Un.</p></t>\r\n  </summary>\r\n</module>\r\n"
        )
    }

    @Test func idsFollowTheNearestEnclosingIDAndNumberRepeatedSiblings() throws {
        let xml = """
            <module xmlns="urn:curriculumkit:curriculum:1" id="m">
              <activity id="a"><title>A</title><steps><step>One</step><step>Two</step></steps>
                <facilitator-notes><p>Careful</p></facilitator-notes></activity>
            </module>
            """
        let found = try texts(xml)
        #expect(found.map(\.id) == ["a/title", "a/steps/step[1]", "a/steps/step[2]", "a/facilitator-notes"])
        // Steps are facilitator material, as the participant view says.
        #expect(found.map(\.readers) == [.participant, .facilitator, .facilitator, .facilitator])
        #expect(found.last?.form == .paragraph)
        #expect(found.last?.source == "Careful")
    }

    @Test func readersAreThoseTheParticipantViewShowsTheText() throws {
        let xml = """
            <module xmlns="urn:curriculumkit:curriculum:1" id="m">
              <activity id="a"><title>A</title><purpose><p>Why</p></purpose>
                <participant-instructions for="facilitator"><p>Hidden</p></participant-instructions>
                <debrief><question>Asked</question></debrief><variant mode="online"><p>Online</p></variant></activity>
              <activity id="b" for="organiser"><title>Team</title></activity>
            </module>
            """
        let found = try texts(xml)
        #expect(
            found.map(\.id) == [
                "a/title", "a/purpose", "a/participant-instructions", "a/debrief/question", "a/variant", "b/title",
            ])
        #expect(
            found.map(\.readers) == [
                .participant, .participant, .facilitator, .facilitator, .facilitator, .facilitator,
            ])
    }
}
