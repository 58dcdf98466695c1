import Foundation
import Testing

@testable import CurriculumKit

@Suite struct RootSnifferTests {
    func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sniff-\(UUID().uuidString).xml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func findsTheRootAfterADeclarationAndComments() throws {
        let path = try file(#"<?xml version="1.0"?><!-- a note --><c:module xmlns:c="urn:x" id="m"/>"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(RootSniffer.rootName(ofFile: path) == "module")
    }

    @Test func readsPastTheFirstKilobyteWhenACommentFillsIt() throws {
        let comment = "<!--" + String(repeating: "x", count: 3000) + "-->"
        let path = try file("<?xml version=\"1.0\"?>\n" + comment + "\n<programme id=\"p\"/>")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(RootSniffer.rootName(ofFile: path) == "programme")
    }

    @Test func aNameCutOffByTheEndOfTheBytesIsNotGuessed() {
        #expect(RootSniffer.rootName(in: Array("<?xml version=\"1.0\"?><progr".utf8)) == nil)
        #expect(RootSniffer.rootName(in: Array("<session id=\"s\">".utf8)) == "session")
    }
}
