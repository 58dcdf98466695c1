import Foundation
import Testing

/// Documents the hardened parser refuses from inside one of its callbacks while the schema validator reads the
/// same events. libxml2 2.9.14 used to free its input there, and `curriculum validate` died with SIGSEGV on
/// documents of about 100 KB and more; each must now be refused with the rule code and the start tag's position.
@Suite struct ParserRefusalTests {
    /// The start of an element that is refused, after 1,000 lines (about 100 KB) of comments.
    static func document(refusedElement: String) -> String {
        let padding = String(repeating: "<!-- " + String(repeating: "p", count: 95) + " -->\n", count: 1_000)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <module xmlns="urn:curriculumkit:curriculum:1" format-version="1.0" id="m1">
            \(padding)  \(refusedElement)
            </module>

            """
    }

    static let shapes: [(name: String, element: String, code: String, words: String)] = [
        (
            "many-attributes.xml",
            "<title " + (0..<300).map { "a\($0)=\"v\($0)\"" }.joined(separator: " ") + ">T</title>",
            "XML006", "300 attributes"
        ),
        (
            "huge-text.xml", "<title>" + String(repeating: "y", count: 1_100_000) + "</title>", "XML006",
            "text node is longer than 1048576 bytes"
        ),
        (
            "xinclude.xml", "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\"/>",
            "XML003", "XInclude is not supported"
        ),
    ]

    @Test(arguments: shapes)
    func aRefusedLargeDocumentIsReportedAtItsStartTagWithoutCrashing(
        name: String, element: String, code: String, words: String
    ) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Self.document(refusedElement: element).write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", file.path], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1, "exit \(result.status): \(result.stderr.prefix(300))")
        #expect(!result.stderr.contains("Signal"), "crash output: \(result.stderr.prefix(300))")
        let expected = "\(name):1003:3: error[\(code)]: "
        let line = result.stdout.split(separator: "\n").first { $0.contains(expected) }
        #expect(line?.contains(words) == true, "expected \(expected)…\(words) in \(result.stdout.prefix(400))")
    }

    @Test func theSameShapesAreRefusedWhenSmallAndMemoryIsReturnedAtOnce() throws {
        // With a low mmap threshold freed buffers are unmapped at once, so a read from freed memory crashes
        // instead of reading stale bytes.
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for shape in Self.shapes {
            let file = folder.appendingPathComponent(shape.name)
            let text = """
                <module xmlns="urn:curriculumkit:curriculum:1" format-version="1.0" id="m1">
                  \(shape.element)
                </module>
                """
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let result = try CLI.run(
            ["validate", folder.path, "--format", "json"],
            environment: ["GLIBC_TUNABLES": "glibc.malloc.mmap_threshold=4096"])
        #expect(result.status == 1, "exit \(result.status): \(result.stderr.prefix(300))")
        let found = try result.diagnostics().map { "\($0.path.split(separator: "/").last ?? ""):\($0.line):\($0.code)" }
        #expect(Set(found) == ["huge-text.xml:2:XML006", "many-attributes.xml:2:XML006", "xinclude.xml:2:XML003"])
    }

    @Test func bytesThatDoNotConvertFromTheDeclaredEncodingAreReportedNotPrinted() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("euc.xml")
        var bytes = Array("<?xml version=\"1.0\" encoding=\"EUC-JP\"?>\n<module>".utf8)
        bytes += [0xFF, 0xFF, 0xFF, 0xFF] + Array("</module>\n".utf8)
        try Data(bytes).write(to: file)
        let result = try CLI.run(["validate", file.path], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        // Standard error holds only the run's configuration line: libxml2 prints nothing of its own.
        #expect(result.stderr == "configuration: none\n", "libxml2 printed on standard error: \(result.stderr)")
        #expect(
            result.stdout.contains(
                "euc.xml:2:9: error[XML001]: the bytes do not match the document's encoding: input conversion failed"),
            "\(result.stdout)")
    }
}
