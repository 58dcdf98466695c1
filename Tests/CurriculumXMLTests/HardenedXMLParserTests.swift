import CurriculumXML
import Foundation
import Testing

@Suite struct HardenedXMLParserTests {
    let parser = HardenedXMLParser()

    func parse(_ text: String, limits: XMLParserLimits = .curriculum) -> XMLParseOutcome {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { HardenedXMLParser(limits: limits).parse(UnsafeRawBufferPointer($0)) }
    }

    @Test func recordsStartTagLineAndColumnOfEveryElement() throws {
        let outcome = parse("<a>\n  <b x=\"1\"\n     y=\"2\"/>\n  <é/><c/>\n</a>")
        let root = try #require(outcome.root)
        #expect(root.position == XMLPosition(line: 1, column: 1))
        #expect(root.elements[0].position == XMLPosition(line: 2, column: 3), "a start tag spread over two lines")
        #expect(root.elements[1].name == "é")
        #expect(root.elements[2].position == XMLPosition(line: 4, column: 7), "columns count code points, not bytes")
    }

    @Test func keepsNamespacesAttributesAndText() throws {
        let outcome = parse(#"<p xmlns="urn:x" xml:lang="fr" id="a">Un <em>mot</em> &amp; plus</p>"#)
        let root = try #require(outcome.root)
        #expect(root.namespace == "urn:x")
        #expect(root[attribute: "xml:lang"] == "fr")
        #expect(root[attribute: "id"] == "a")
        #expect(root.textContent == "Un mot & plus")
    }

    @Test(arguments: [
        ("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", XMLProblemKind.forbiddenDeclaration, 1),
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE a SYSTEM \"a.dtd\">\n<a/>", .forbiddenDeclaration, 2),
        ("<a>\n<b></a>", .notWellFormed, 2),
        ("<a/><b/>", .notWellFormed, 1),
        ("<a>\n<x:b/></a>", .notWellFormed, 2),
        ("<a>&undefined;</a>", .notWellFormed, 1),
        (
            "<a><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\"/></a>", .externalResource,
            1
        ),
        ("", .notWellFormed, 1),
        ("   \n ", .notWellFormed, 2),
    ])
    func refusesHostileAndMalformedInput(text: String, kind: XMLProblemKind, line: Int) {
        let outcome = parse(text)
        #expect(outcome.isRefused)
        #expect(outcome.problems.first?.kind == kind, "\(outcome.problems)")
        #expect(outcome.problems.first?.position.line == line, "\(outcome.problems)")
    }

    @Test func refusesDeepNestingWithinTheLimit() {
        let outcome = parse(String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000))
        #expect(outcome.problems.first?.kind == .limitExceeded)
    }

    @Test func refusesMoreNodesThanTheLimitCountingTextAndComments() {
        var limits = XMLParserLimits.curriculum
        limits.maxNodes = 10
        let elements = parse("<a>" + String(repeating: "<b/>", count: 8) + "</a>", limits: limits)
        #expect(elements.root != nil, "nine elements are within ten nodes")
        let mixed = parse("<a>" + String(repeating: "<b/>x<!--c-->", count: 4) + "</a>", limits: limits)
        #expect(mixed.root == nil)
        #expect(mixed.problems.first?.kind == .limitExceeded)
        #expect(mixed.problems.first?.message.contains("more than 10 nodes") == true, "\(mixed.problems)")
    }

    @Test func refusesSixtyThousandAttributes() {
        let attributes = (0..<60_000).map { "a\($0)=\"1\"" }.joined(separator: " ")
        let outcome = parse("<a \(attributes)/>")
        #expect(outcome.problems.first?.kind == .limitExceeded)
        #expect(outcome.problems.first?.position == XMLPosition(line: 1, column: 1))
    }

    @Test func refusesAnElevenMegabyteTextNode() {
        let outcome = parse("<a>\n<b>" + String(repeating: "x", count: 11_000_000) + "</b></a>")
        #expect(outcome.problems.first?.kind == .limitExceeded)
        #expect(outcome.problems.first?.position.line == 2)
    }

    @Test func reportsLineNumbersBeyond65535() {
        let outcome = parse("<a>\n" + String(repeating: "<b/>\n", count: 70_000) + "<c></a>")
        #expect(outcome.problems.first?.kind == .notWellFormed)
        #expect(outcome.problems.first?.position.line == 70_002)
    }

    @Test func refusesGzipZipAndBinaryBeforeParsing() {
        for (bytes, kind) in [
            ([UInt8]([0x1F, 0x8B, 8, 0]), XMLProblemKind.notText), ([0x50, 0x4B, 3, 4], .notText),
            (Array("<a>\0</a>".utf8), .notText),
        ] {
            let outcome = bytes.withUnsafeBytes { parser.parse($0) }
            #expect(outcome.problems.first?.kind == kind)
        }
    }

    @Test func acceptsUTF16WithByteOrderMark() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<a>é</a>".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let outcome = bytes.withUnsafeBytes { parser.parse($0) }
        #expect(try #require(outcome.root).textContent == "é")
    }

    @Test func bytesThatDoNotConvertFromTheDeclaredEncodingAreRefusedWithTheCause() throws {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"EUC-JP\"?>\n<a>".utf8) + [0xFF, 0xFF] + Array("</a>".utf8)
        let outcome = bytes.withUnsafeBytes { parser.parse($0) }
        #expect(outcome.isRefused)
        let problem = try #require(outcome.problems.first)
        #expect(problem.kind == .notWellFormed)
        #expect(problem.message.hasPrefix("the bytes do not match the document's encoding"), "\(problem)")
        #expect(problem.position.line == 2)
    }

    @Test func externalDoctypeIsAcceptedButNeverLoadedWhenAllowed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ck-dtd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "<!ENTITY secret \"leaked\">".write(
            to: folder.appendingPathComponent("a.dtd"), atomically: true, encoding: .utf8)
        let document = folder.appendingPathComponent("doc.xml")
        try "<!DOCTYPE a SYSTEM \"a.dtd\">\n<a>&secret;</a>".write(to: document, atomically: true, encoding: .utf8)
        var limits = XMLParserLimits.curriculum
        limits.allowsExternalDoctype = true
        let outcome = try HardenedXMLParser(limits: limits).parse(contentsOf: document.path)
        #expect(outcome.isRefused, "the entity must stay undefined because the DTD is never read")
        #expect(!(outcome.root?.textContent.contains("leaked") ?? false))

        try "<!DOCTYPE a PUBLIC \"-//X//DTD Y//EN\" \"a.dtd\">\n<a>ok</a>".write(
            to: document, atomically: true, encoding: .utf8)
        let plain = try HardenedXMLParser(limits: limits).parse(contentsOf: document.path)
        #expect(try #require(plain.root).textContent == "ok")
    }

    @Test func refusesEntityDeclarationsEvenWhenDoctypesAreAllowed() {
        var limits = XMLParserLimits.curriculum
        limits.allowsExternalDoctype = true
        let outcome = parse("<!DOCTYPE a [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/\"> %p;]><a/>", limits: limits)
        #expect(outcome.problems.first?.kind == .forbiddenDeclaration)
    }

    @Test func acceptsAnEmptyInternalSubsetButNotOneThatDeclaresAnything() throws {
        var limits = XMLParserLimits.curriculum
        limits.allowsExternalDoctype = true
        let empty = parse("<!DOCTYPE a PUBLIC \"-//X//DTD Y//EN\" \"a.dtd\" [ ]>\n<a>ok</a>", limits: limits)
        #expect(empty.problems.isEmpty, "\(empty.problems)")
        #expect(try #require(empty.root).textContent == "ok")
        let declaring = parse("<!DOCTYPE a [ <!ELEMENT a ANY> ]><a/>", limits: limits)
        #expect(declaring.problems.first?.kind == .forbiddenDeclaration)
        let curriculum = parse("<!DOCTYPE a []><a/>", limits: .curriculum)
        #expect(curriculum.problems.first?.kind == .forbiddenDeclaration, "curriculum files still take no DOCTYPE")
    }

    @Test func reportsMissingFileAndFolderAsFileErrors() {
        #expect(throws: XMLFileError.self) { try parser.parse(contentsOf: "/no/such/file.xml") }
        #expect(throws: XMLFileError.self) { try parser.parse(contentsOf: "/tmp") }
    }

    @Test func refusesFilesLargerThanTheLimit() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ck-big-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(("<a>" + String(repeating: "x", count: 2048) + "</a>").utf8).write(to: file)
        let outcome = try HardenedXMLParser(limits: XMLParserLimits(maxFileBytes: 1024)).parse(contentsOf: file.path)
        #expect(outcome.problems.first?.kind == .tooLarge)
    }
}

@Suite struct XMLSchemaTests {
    static let xsd = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t" elementFormDefault="qualified">
          <xs:element name="a"><xs:complexType><xs:sequence><xs:element name="b" type="xs:string"/></xs:sequence>
            <xs:attribute name="n" type="xs:positiveInteger"/></xs:complexType></xs:element>
        </xs:schema>
        """

    @Test func reportsSchemaViolationsAtTheOffendingElement() throws {
        let schema = try XMLSchema(source: Self.xsd, name: "t.xsd")
        var bytes = Array("<a xmlns=\"urn:t\" n=\"0\">\n  <c/>\n</a>".utf8)
        let outcome = bytes.withUnsafeMutableBytes {
            HardenedXMLParser().parse(UnsafeRawBufferPointer($0), schema: schema)
        }
        #expect(outcome.root != nil, "a schema-invalid document still has a tree")
        #expect(outcome.problems.allSatisfy { $0.kind == .schemaViolation })
        #expect(
            outcome.problems.contains { $0.position == XMLPosition(line: 2, column: 3) && $0.message.contains("'c'") })
        #expect(outcome.problems.contains { $0.position.line == 1 && $0.message.contains("'n'") })
        #expect(
            !outcome.problems.contains { $0.message.contains("{urn:t}") }, "namespace URIs are removed from messages")
    }

    @Test func placesAMissingChildAtTheStartTagOfTheElementThatLacksIt() throws {
        let schema = try XMLSchema(source: Self.xsd, name: "t.xsd")
        var bytes = Array("<?xml version=\"1.0\"?>\n<!-- no b -->\n  <a xmlns=\"urn:t\">\n\n</a>".utf8)
        let outcome = bytes.withUnsafeMutableBytes {
            HardenedXMLParser().parse(UnsafeRawBufferPointer($0), schema: schema)
        }
        let problem = try #require(outcome.problems.first)
        #expect(problem.message.contains("Missing child element"), "\(outcome.problems)")
        #expect(problem.position == XMLPosition(line: 3, column: 3), "the end tag is read last, the start tag named")
    }

    @Test func decodesEscapedAmpersandsInAttributeValues() throws {
        var bytes = Array(#"<a t="x &amp; y &#38; z &lt; &#x26;amp;"/>"#.utf8)
        let outcome = bytes.withUnsafeMutableBytes { HardenedXMLParser().parse(UnsafeRawBufferPointer($0)) }
        let root = try #require(outcome.root)
        #expect(root[attribute: "t"] == "x & y & z < &amp;")
    }

    @Test func commentsSplitTextAndAreNotKept() throws {
        var bytes = Array("<a>one<!-- c --> two<?pi x?>three<b/></a>".utf8)
        let outcome = bytes.withUnsafeMutableBytes { HardenedXMLParser().parse(UnsafeRawBufferPointer($0)) }
        let root = try #require(outcome.root)
        let b = XMLElement(name: "b", position: XMLPosition(line: 1, column: 34))
        #expect(root.children == [.text("one"), .text(" two"), .text("three"), .element(b)])
    }

    /// Documents refused from inside a callback while the schema validator reads the same events. libxml2 once
    /// freed its input there and the validator read attribute values and text from freed memory (run under
    /// `--sanitize=address` to see it); the padding puts the refusal beyond the first chunk the parser is given.
    static let refusedWhileValidating: [(String, XMLProblemKind, String)] = [
        ((0..<300).map { " x\($0)=\"\($0)\"" }.joined(), .limitExceeded, "300 attributes"),
        (">" + String(repeating: "y", count: 1_100_000) + "</b><c", .limitExceeded, "text node is longer"),
        (" xmlns=\"http://www.w3.org/2001/XInclude\"", .externalResource, "XInclude"),
    ]

    @Test(arguments: refusedWhileValidating)
    func refusalsWhileTheSchemaReadsTheSameEventsNameTheStartTag(
        tail: String, kind: XMLProblemKind, words: String
    ) throws {
        let schema = try XMLSchema(source: Self.xsd, name: "t.xsd")
        let padding = String(repeating: "<!-- " + String(repeating: "p", count: 95) + " -->\n", count: 1_000)
        var bytes = Array("<a xmlns=\"urn:t\">\n\(padding)  <b\(tail)/>\n</a>\n".utf8)
        let outcome = bytes.withUnsafeMutableBytes {
            HardenedXMLParser().parse(UnsafeRawBufferPointer($0), schema: schema)
        }
        #expect(outcome.root == nil)
        let problem = try #require(outcome.problems.first)
        #expect(problem.kind == kind)
        #expect(problem.message.contains(words), "\(problem)")
        #expect(problem.position == XMLPosition(line: 1_002, column: 3))
    }

    @Test func positionsStayRightAcrossTheChunksTheParserIsFed() throws {
        // Start tags spread over two lines and multi-byte text straddle the 64 KiB chunk boundaries.
        var text = "<a>\n"
        for index in 0..<8_000 { text += "  <b n=\"\(index)\"\n     m=\"é\">ééé</b>\n" }
        text += "</a>\n"
        var bytes = Array(text.utf8)
        #expect(bytes.count > 4 * 65_536)
        let outcome = bytes.withUnsafeMutableBytes { HardenedXMLParser().parse(UnsafeRawBufferPointer($0)) }
        let root = try #require(outcome.root, "\(outcome.problems)")
        #expect(root.elements.count == 8_000)
        for (index, element) in root.elements.enumerated() {
            #expect(element.position == XMLPosition(line: 2 + 2 * index, column: 3))
            #expect(element[attribute: "n"] == String(index))
            #expect(element.textContent == "ééé")
        }
    }

    @Test func aSchemaThatDoesNotCompileThrows() {
        #expect(throws: XMLSchemaError.self) {
            try XMLSchema(
                source: "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:bogus/></xs:schema>",
                name: "bad.xsd")
        }
    }

    @Test func oneSchemaValidatesOnManyThreadsAtOnce() async throws {
        let schema = try XMLSchema(source: Self.xsd, name: "t.xsd")
        let counts = await withTaskGroup(of: Int.self) { group in
            for index in 0..<64 {
                group.addTask {
                    var bytes = Array("<a xmlns=\"urn:t\" n=\"\(index % 2)\"><b>x</b></a>".utf8)
                    return bytes.withUnsafeMutableBytes {
                        HardenedXMLParser().parse(UnsafeRawBufferPointer($0), schema: schema)
                    }.problems.count
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts.filter { $0 > 0 }.count == 32, "documents with n=0 are invalid, the others valid")
    }
}
