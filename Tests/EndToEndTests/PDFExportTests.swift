import Foundation
import Testing

/// The `pdf` format: the guide, the participant pack and every handout page printed by headless Chromium, checked
/// with poppler's `pdfinfo` and `pdftotext` (independent readers).
@Suite struct PDFExportTests {
    static let liaise = CLI.packageRoot.appendingPathComponent("Curricula/liaise").path

    static func tool(_ name: String, _ arguments: [String]) throws -> String {
        let result = try CLI.run(arguments, executable: "/usr/bin/" + name)
        #expect(result.status == 0, "\(name): \(result.stderr)")
        return result.stdout
    }

    static func pages(_ pdf: URL) throws -> Int {
        let info = try tool("pdfinfo", [pdf.path])
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? 0
    }

    @Test func theGuideAndPackArePrintedWithARunningHeaderPageNumbersAndFixedDates() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["pack", Self.liaise, "--session", "s1", "--format", "pdf", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = out.appendingPathComponent("liaise-s1/pdf")
        let guide = folder.appendingPathComponent("facilitator-guide.pdf")
        let pages = try Self.pages(guide)
        // Activities flow instead of one per page: session 1 has 23 activities and printed 39 pages before.
        #expect(pages > 10 && pages < 36, "\(pages) pages")
        let second = try Self.tool("pdftotext", ["-f", "2", "-l", "2", "-layout", guide.path, "-"])
        #expect(second.contains("LIAISE: Local Institutions Against Extremism · Session 1"), "the running header")
        #expect(second.contains("Tuesday 9 March 2027"), "the header names the dates")
        #expect(second.contains("2 / \(pages)"), "the page number")
        let info = try Self.tool("pdfinfo", [guide.path])
        #expect(info.contains("1980"), "fixed metadata dates, not the clock: \(info)")
        #expect(try Self.pages(folder.appendingPathComponent("participant-pack.pdf")) > 1)
        let cards = try Self.tool(
            "pdftotext", [folder.appendingPathComponent("handouts/concern-cards.pdf").path, "-"])
        #expect(cards.contains("Card 1.") && !cards.contains("**"), "handouts print without Markdown syntax")
        let manifest = try String(
            contentsOf: out.appendingPathComponent("liaise-s1/pack.json"), encoding: .utf8)
        #expect(manifest.contains("\"path\" : \"pdf/participant-pack.pdf\""))
        #expect(!manifest.contains("facilitator-guide.html"), "the pdf format writes PDFs only")
    }

    @Test func participantPDFsHoldNoFacilitatorOnlyText() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["pack", CLI.fixture("leak"), "--format", "pdf", "--zip", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = out.appendingPathComponent("leak-s1/pdf")
        let participant = try Self.tool("pdftotext", [folder.appendingPathComponent("participant-pack.pdf").path, "-"])
        let handout = try Self.tool("pdftotext", [folder.appendingPathComponent("handouts/partner-map.pdf").path, "-"])
        for text in [participant, handout] {
            #expect(EveryOutputLeakTests.markers(in: text).isEmpty, "\(EveryOutputLeakTests.markers(in: text))")
        }
        #expect(participant.contains("SHOWN-instructions") && handout.contains("SHOWN-handout-file"))
        let guide = try Self.tool("pdftotext", [folder.appendingPathComponent("facilitator-guide.pdf").path, "-"])
        #expect(guide.contains("LEAK-facilitator-notes"), "the guide's PDF carries the facilitator text")
        let bundle = try CartridgeAudienceTests.extract(
            out.appendingPathComponent("leak-s1-participants.zip").path, into: out.appendingPathComponent("b"))
        #expect(
            Set(bundle) == ["leak-s1/pdf/participant-pack.pdf", "leak-s1/pdf/handouts/partner-map.pdf"],
            "the participant bundle holds the participant PDFs only")
    }

    @Test func twoRunsGiveTheSamePDFs() throws {
        var hashes: [String] = []
        for _ in 0..<2 {
            let out = try CLI.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: out) }
            let result = try CLI.run(["pack", CLI.fixture("leak"), "--format", "pdf", "--out", out.path])
            #expect(result.status == 0, "\(result.stderr)")
            hashes.append(try String(contentsOf: out.appendingPathComponent("leak-s1/pack.json"), encoding: .utf8))
        }
        #expect(hashes[0] == hashes[1], "pack.json lists the same checksums")
    }

    @Test func aMissingEngineIsAClearErrorNamingThePackage() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let empty = out.appendingPathComponent("empty-path")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let result = try CLI.run(
            ["pack", CLI.fixture("leak"), "--format", "pdf", "--out", out.appendingPathComponent("packs").path],
            environment: ["PATH": empty.path])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("install the Debian package chromium"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("packs/leak-s1").path))
    }
}
