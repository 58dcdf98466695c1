import CurriculumXML
import Testing

@Suite struct XMLTreeTests {
    func tree(_ text: String) throws -> XMLTree {
        var bytes = Array(text.utf8)
        let outcome = bytes.withUnsafeMutableBytes { HardenedXMLParser().parse(UnsafeRawBufferPointer($0)) }
        return try #require(outcome.tree)
    }

    @Test func nodesReadNamesAttributesAndChildrenInDocumentOrder() throws {
        let root = try tree(
            #"<r xmlns="urn:x" xmlns:o="urn:o" id="r1" o:id="other" xml:lang="fr"><a n="1"/>text<b/><a n="2">two</a></r>"#
        ).root
        #expect(root.name == "r")
        #expect(root.namespace == "urn:x")
        #expect(root[attribute: "id"] == "r1", "an unprefixed attribute, not the one in another namespace")
        #expect(root[attribute: "xml:lang"] == "fr")
        #expect(root[attribute: "missing"] == nil)
        #expect(root.childCount == 4)
        #expect(root.elements.map(\.name) == ["a", "b", "a"])
        #expect(root.elements(named: "a").map { $0[attribute: "n"] } == ["1", "2"])
        #expect(root.element(named: "b")?.childCount == 0)
        #expect(root.element(named: "c") == nil)
        let kinds = root.children.map { child -> String in
            switch child {
            case .element(let element): "<\(element.name)>"
            case .text(let text): text.string
            }
        }
        #expect(kinds == ["<a>", "text", "<b>", "<a>"])
    }

    @Test func textIsJoinedAcrossEventsAndElementsButSplitByComments() throws {
        let root = try tree("<r>one &amp; <i>two</i><!-- c -->three<?pi x?>four</r>").root
        #expect(root.textContent == "one & twothreefour")
        #expect(root.childCount == 4, "text, element, text after the comment, text after the instruction")
        #expect(root.element(named: "i")?.soleText == "two")
        #expect(root.soleText == nil)
        if case .text(let first)? = root.children.first(where: { _ in true }) {
            #expect(first.withUTF8 { Array($0) } == Array("one & ".utf8))
        } else {
            Issue.record("the first child should be text")
        }
    }

    @Test func detachedCopyMatchesTheCompactTree() throws {
        let source = #"<r xmlns="urn:x" a="1 &amp; 2"><s xml:lang="en">t<u/></s>tail</r>"#
        let compact = try tree(source).root
        let detached = compact.detached
        let expected = XMLElement(
            name: "r", namespace: "urn:x", attributes: [XMLAttribute(name: "a", value: "1 & 2")],
            children: [
                .element(
                    XMLElement(
                        name: "s", namespace: "urn:x",
                        attributes: [XMLAttribute(name: "lang", namespace: XMLAttribute.xmlNamespace, value: "en")],
                        children: [
                            .text("t"),
                            .element(
                                XMLElement(
                                    name: "u", namespace: "urn:x", position: XMLPosition(line: 1, column: 50))),
                        ],
                        position: XMLPosition(line: 1, column: 32))),
                .text("tail"),
            ],
            position: .start)
        #expect(detached == expected)
    }

    @Test func deepNestingIsDetachedWithoutRecursion() throws {
        let depth = 120
        let source = String(repeating: "<d>", count: depth) + "x" + String(repeating: "</d>", count: depth)
        var element = try tree(source).root.detached
        var levels = 1
        while let child = element.elements.first {
            element = child
            levels += 1
        }
        #expect(levels == depth)
        #expect(element.textContent == "x")
    }
}
