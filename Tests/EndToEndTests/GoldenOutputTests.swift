import Foundation
import Testing

/// Every rendered output of the bundled LIAISE curriculum and of a small fixture programme, and every diagnostics
/// format of `curriculum validate`, compared byte for byte with the golden files in `Tests/EndToEndTests/Golden/`.
///
/// One test per kind of output, each going over every programme, so that a change to one template or writer fails
/// exactly one test. `RECORD_GOLDEN=1 swift test --filter Golden` rewrites the golden files; review the git diff.
@Suite struct GoldenOutputTests {
    /// Packs every programme in `format` and checks the file `name(session)` of each session pack.
    static func checkPackFile(
        format: String, name: (String) -> String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for programme in GoldenProgramme.all {
            let packs = try programme.pack([format])
            defer { packs.remove() }
            #expect(!packs.sessions.isEmpty, "\(programme.golden) packed no session", sourceLocation: sourceLocation)
            for (session, folder) in packs.sessions {
                let file = name(session)
                let data = try #require(
                    try? Data(contentsOf: folder.appendingPathComponent(file)),
                    "\(programme.golden) \(session) has no \(file)", sourceLocation: sourceLocation)
                Golden.check(data, at: "\(programme.golden)/\(session)/\(file)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func facilitatorGuidesMatchTheirGoldenFiles() throws {
        try Self.checkPackFile(format: "html") { _ in "facilitator-guide.html" }
    }

    @Test func participantPacksMatchTheirGoldenFiles() throws {
        try Self.checkPackFile(format: "html") { _ in "participant-pack.html" }
    }

    @Test func markdownNotesMatchTheirGoldenFiles() throws {
        try Self.checkPackFile(format: "md") { session in "\(session).md" }
    }

    @Test func calendarsMatchTheirGoldenFiles() throws {
        try Self.checkPackFile(format: "ics") { _ in "calendar.ics" }
    }

    /// Each session's cartridge, unzipped.
    static func cartridges() throws -> [(golden: String, entries: [String: Data])] {
        var cartridges: [(String, [String: Data])] = []
        for programme in GoldenProgramme.all {
            let packs = try programme.pack(["imscc"])
            defer { packs.remove() }
            for (session, folder) in packs.sessions {
                let archive = folder.appendingPathComponent("\(programme.id)-\(session).imscc")
                cartridges.append(
                    ("\(programme.golden)/\(session)/cartridge", try GoldenProgramme.entries(ofArchive: archive)))
            }
        }
        return cartridges
    }

    static let manifest = "imsmanifest.xml"

    @Test func cartridgeManifestsMatchTheirGoldenFiles() throws {
        for (golden, entries) in try Self.cartridges() {
            let manifest = try #require(entries[Self.manifest], "\(golden) has no \(Self.manifest)")
            Golden.check(manifest, at: "\(golden)/\(Self.manifest)")
        }
    }

    /// The pages the cartridge exporter writes: the instructor's guide and one page per agenda item. The handouts
    /// under `web_resources/` are copies of the curriculum's own files, listed in the manifest, so they are not
    /// kept again here.
    @Test func cartridgePagesMatchTheirGoldenFiles() throws {
        let isPage: (String) -> Bool = { $0 != Self.manifest && !$0.hasPrefix("web_resources/") }
        for (golden, entries) in try Self.cartridges() {
            let pages = entries.filter { isPage($0.key) }
            #expect(!pages.isEmpty, "\(golden) has no pages")
            Golden.check(pages, in: golden, isOwned: isPage)
        }
    }

    /// `pack.json` with every format. The SHA-256 and size of each file change whenever any output changes, so
    /// they are checked against the files themselves and then replaced by a marker: the golden file keeps the file
    /// list, media types and the rest, and a change to one template fails only that template's test.
    @Test func packManifestsMatchTheirGoldenFiles() throws {
        for programme in GoldenProgramme.all {
            let packs = try programme.pack([])
            defer { packs.remove() }
            for (session, folder) in packs.sessions {
                let data = try Data(contentsOf: folder.appendingPathComponent("pack.json"))
                try Self.expectChecksumsMatchTheFiles(data, in: folder)
                Golden.check(
                    Data(Self.maskingChecksums(in: String(decoding: data, as: UTF8.self)).utf8),
                    at: "\(programme.golden)/\(session)/pack.json")
            }
            try Self.expectGoldenSessions(packs.sessions.map(\.id), of: programme.golden)
        }
    }

    static func expectChecksumsMatchTheFiles(_ manifest: Data, in folder: URL) throws {
        let object = try #require(try JSONSerialization.jsonObject(with: manifest) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        let paths = files.compactMap { $0["path"] as? String }
        #expect(paths.count == files.count, "every file in pack.json has a path")
        let sums = try CLI.run(paths, in: folder.path, executable: "/usr/bin/sha256sum")
        #expect(sums.status == 0, "\(sums.stderr)")
        let computed = Dictionary(
            sums.stdout.split(separator: "\n").compactMap { line -> (String, String)? in
                let parts = line.split(separator: " ", maxSplits: 1)
                guard parts.count == 2 else { return nil }
                return (String(parts[1].drop { $0 == " " || $0 == "*" }), String(parts[0]))
            }, uniquingKeysWith: { first, _ in first })
        for file in files {
            let path = file["path"] as? String ?? ""
            #expect(file["sha256"] as? String == computed[path], "pack.json's SHA-256 of \(path)")
            let size =
                try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)[
                    .size] as? Int
            #expect(file["size"] as? Int == size, "pack.json's size of \(path)")
        }
    }

    static func maskingChecksums(in manifest: String) -> String {
        manifest.replacing(/"sha256" : "[0-9a-f]{64}"/, with: #""sha256" : "(checked against the file)""#)
            .replacing(/"size" : [0-9]+/, with: #""size" : "(checked against the file)""#)
    }

    /// The golden folder holds a folder for each session packed, and no other: a session that is gone leaves no
    /// golden files behind.
    static func expectGoldenSessions(_ sessions: [String], of programme: String) throws {
        let folder = Golden.root.appendingPathComponent(programme)
        let recorded = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for stale in recorded where !sessions.contains(stale) {
            if Golden.isRecording {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(stale))
            } else {
                Issue.record("\(programme)/\(stale) holds golden files of a session that is no longer packed")
            }
        }
    }

    /// The file a diagnostics format is kept in.
    static let diagnosticsFiles = [
        "text": "validate.txt", "json": "validate.json", "sarif": "validate.sarif", "junit": "validate.junit.xml",
        "github": "validate.github.txt",
    ]

    /// `curriculum validate` on a folder with findings of every severity, run from the package folder with a
    /// relative path, as a CI job runs it.
    @Test(arguments: ["text", "json", "sarif", "junit", "github"])
    func diagnosticsMatchTheirGoldenFiles(format: String) throws {
        let result = try CLI.run([
            "validate", "Tests/EndToEndTests/Fixtures/golden/findings", "--format", format,
        ])
        #expect(result.status == 1, "the fixture has errors: \(result.stderr)")
        // Text mode says which configuration applied; the machine-readable formats keep standard error empty.
        #expect(result.stderr == (format == "text" ? "configuration: none\n" : ""), "\(result.stderr)")
        let file = try #require(Self.diagnosticsFiles[format])
        Golden.check(Data(result.stdout.utf8), at: "findings/\(file)")
    }
}
