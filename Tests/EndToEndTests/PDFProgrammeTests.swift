import Foundation
import Testing

/// The PDFs of the whole LIAISE programme, made by one `pack --format pdf` run: the contents lists carry the pages
/// their sections are on, and Chromium is started once for the run. Read back with poppler's `pdftotext`.
@Suite struct PDFProgrammeTests {
    /// One pack run of every session in html and pdf, through a `chromium` on `PATH` that notes each start in a
    /// log and then runs the real browser.
    struct Run: Sendable {
        let out: URL
        let status: Int32
        let stderr: String
        let engineStarts: Int
    }

    static let sessions = ["s1", "s2", "s3", "s4"]

    /// Made once, by the first test that asks, and shared by the others.
    static let programme: Run = {
        do { return try packProgramme() } catch {
            return Run(out: URL(fileURLWithPath: "/nonexistent"), status: -1, stderr: "\(error)", engineStarts: 0)
        }
    }()

    static func packProgramme() throws -> Run {
        let out = try CLI.temporaryFolder()
        let bin = out.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let log = out.appendingPathComponent("engine-starts.log")
        let wrapper = bin.appendingPathComponent("chromium")
        try "#!/bin/sh\necho started >> '\(log.path)'\nexec /usr/bin/chromium \"$@\"\n".write(
            to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin")
        let result = try CLI.run(
            [
                "pack", PDFExportTests.liaise, "--format", "pdf", "--format", "html", "--out",
                out.appendingPathComponent("packs").path,
            ],
            // A cache of plugin handshakes of its own: what other runs on this machine wrote does not count.
            environment: ["PATH": path, "XDG_CACHE_HOME": out.appendingPathComponent("cache").path])
        let starts = (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").count ?? 0
        return Run(
            out: out.appendingPathComponent("packs"), status: result.status, stderr: result.stderr,
            engineStarts: starts)
    }

    @Test func chromiumIsStartedOnceForTheWholeProgramme() throws {
        let run = Self.programme
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.engineStarts == 1, "\(run.engineStarts) Chromium starts for four sessions")
        for session in Self.sessions {
            let guide = run.out.appendingPathComponent("liaise-\(session)/pdf/facilitator-guide.pdf")
            #expect(FileManager.default.fileExists(atPath: guide.path), "each session's PDFs go to its own pack")
        }
    }

    @Test(arguments: sessions, ["facilitator-guide", "participant-pack"])
    func eachContentsEntryGivesThePageItsSectionIsOn(session: String, document: String) throws {
        let run = Self.programme
        #expect(run.status == 0, "\(run.stderr)")
        let pack = run.out.appendingPathComponent("liaise-\(session)")
        let html = try String(contentsOf: pack.appendingPathComponent(document + ".html"), encoding: .utf8)
        let entries = Self.contentsTitles(html)
        #expect(entries.count >= 3, "the contents list of \(document).html: \(entries)")
        let text = try PDFExportTests.tool(
            "pdftotext", ["-layout", pack.appendingPathComponent("pdf/\(document).pdf").path, "-"])
        let pages = text.components(separatedBy: "\u{0C}")
        guard let contentsPage = pages.firstIndex(where: { Self.lines($0).contains("Contents") }) else {
            Issue.record("no contents page in \(session) \(document)")
            return
        }
        for title in entries {
            let number = Self.pageNumber(of: title, in: pages[contentsPage])
            // The first page from the contents on where the title stands as a line of its own: the section heading.
            let actual = pages.indices.first { $0 >= contentsPage && Self.lines(pages[$0]).contains(title) }.map {
                $0 + 1
            }
            #expect(number != nil, "\(session) \(document): no page number for \(title)")
            #expect(
                number == actual,
                "\(session) \(document): \(title) is listed on page \(number ?? 0), is on \(actual ?? 0)")
        }
    }

    @Test(arguments: sessions)
    func tableLabelsAreNotBrokenInsideAWord(session: String) throws {
        let run = Self.programme
        #expect(run.status == 0, "\(run.stderr)")
        let guide = run.out.appendingPathComponent("liaise-\(session)/pdf/facilitator-guide.pdf")
        let text = try PDFExportTests.tool("pdftotext", ["-layout", guide.path, "-"])
        // The print list's and the resources' Kind column: a narrow column once printed "Workshee" over "t".
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        // The stubs a broken label leaves on a line of its own (not "Hand", "Check", "Works": English words).
        let stubs = ["Hando", "Handou", "Checkl", "Checkli", "Checklis", "Worksh", "Workshe", "Workshee"]
        for stub in stubs {
            #expect(!words.contains { $0 == stub }, "\(session): a label is broken after \(stub)")
        }
        #expect(text.contains("Worksheet") && text.contains("Handout"), "\(session): the Kind column is printed")
    }

    /// The titles of the contents list of a page as HTML.
    static func contentsTitles(_ html: String) -> [String] {
        guard let start = html.range(of: #"<nav class="toc""#),
            let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex)
        else { return [] }
        let nav = String(html[start.lowerBound..<end.lowerBound])
        let regex = /<li><a href="#[^"]*">([^<]*)<\/a><\/li>/
        return nav.matches(of: regex).map { String($0.1).replacingOccurrences(of: "&amp;", with: "&") }
    }

    /// The number after a title on the contents page (`-layout` keeps an entry and its number on one line).
    static func pageNumber(of title: String, in page: String) -> Int? {
        for line in page.components(separatedBy: "\n") {
            guard let range = line.range(of: title) else { continue }
            let after = line[range.upperBound...].drop { $0 == " " }
            if let number = Int(after.prefix { $0.isNumber }) { return number }
        }
        return nil
    }

    static func lines(_ page: String) -> [String] {
        page.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
