import Foundation
import Testing

/// No facilitator-only text reaches any participant-facing file of any format, in either language.
///
/// The `leak` fixture plants a marker `LEAK-<place>` (and `LEAK-<place>-fr` in its French translation) in every
/// place the format allows facilitator-only text: activity purposes, steps, notes, debriefs, variants, sensitivity
/// notes, facilitator items, case-study lessons and notes, a facilitator-only case study, resources and their files,
/// preparation, materials, summaries, answer keys (feedback, explanation, accepted answers), in the programme, in an
/// included module and in included case studies. The markers are read from the fixture's files, so a new one is
/// checked without touching this test.
@Suite struct EveryOutputLeakTests {
    static let programme = CLI.fixture("leak")
    static let formats = ["html", "ics", "imscc", "md", "pdf"]

    /// Every marker planted in the fixture's files.
    static func plantedMarkers() throws -> Set<String> {
        var planted: Set<String> = []
        let folder = URL(fileURLWithPath: programme)
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            planted.formUnion(markers(in: text))
        }
        return planted
    }

    static func markers(in text: String, prefix: String = "LEAK-") -> Set<String> {
        let regex = try? NSRegularExpression(pattern: NSRegularExpression.escapedPattern(for: prefix) + "[a-z0-9-]+")
        let range = NSRange(text.startIndex..., in: text)
        return Set(
            (regex?.matches(in: text, range: range) ?? []).compactMap {
                Range($0.range, in: text).map { String(text[$0]) }
            }
        )
    }

    /// The files of a pack by audience: participant-facing ones, and the rest.
    static func files(ofPack pack: URL) throws -> (participants: [String: String], facilitators: [String: String]) {
        var participants: [String: String] = [:]
        var facilitators: [String: String] = [:]
        let names = try FileManager.default.subpathsOfDirectory(atPath: pack.path).sorted()
        for name in names {
            let url = pack.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            if name.hasSuffix(".imscc") {
                let unzipped = pack.deletingLastPathComponent().appendingPathComponent(
                    "unzipped-\(pack.lastPathComponent)")
                for entry in try CartridgeAudienceTests.extract(url.path, into: unzipped) where !entry.hasSuffix("/") {
                    let text = try String(contentsOf: unzipped.appendingPathComponent(entry), encoding: .utf8)
                    if entry.hasPrefix("instructor/") {
                        facilitators[name + "!" + entry] = text
                    } else {
                        participants[name + "!" + entry] = text
                    }
                }
                continue
            }
            // PDFs are read as text by poppler's pdftotext, an independent reader.
            let text =
                name.hasSuffix(".pdf")
                ? try PDFExportTests.tool("pdftotext", [url.path, "-"])
                : try String(contentsOf: url, encoding: .utf8)
            let participantFile = ["participant-pack.html", "calendar.ics", "pdf/participant-pack.pdf"].contains(name)
            if participantFile || name.hasPrefix("handouts/") || name.hasPrefix("pdf/handouts/") {
                participants[name] = text
            } else {
                facilitators[name] = text
            }
        }
        return (participants, facilitators)
    }

    /// The parts of an answer key a cartridge quiz must carry for platforms to score it.
    static let scoredByPlatforms: Set<String> = ["LEAK-answer", "LEAK-answer-fr", "LEAK-feedback", "LEAK-feedback-fr"]

    @Test(arguments: ["en", "fr"])
    func noPlantedMarkerReachesAParticipantFileOfAnyFormat(language: String) throws {
        let planted = try Self.plantedMarkers()
        #expect(planted.count >= 40, "the fixture plants markers everywhere: \(planted.count)")
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(
            ["pack", Self.programme, "--language", language, "--zip", "--out", out.path]
                + Self.formats.flatMap { ["--format", $0] })
        #expect(result.status == 0, "\(result.stderr)")
        // The pack's folder, whatever a language adds to its name.
        let pack = try #require(
            try FileManager.default.contentsOfDirectory(atPath: out.path).first { entry in
                var isFolder: ObjCBool = false
                return entry.hasPrefix("leak-s1")
                    && FileManager.default.fileExists(
                        atPath: out.appendingPathComponent(entry).path, isDirectory: &isFolder)
                    && isFolder.boolValue
            })
        let (participants, facilitators) = try Self.files(ofPack: out.appendingPathComponent(pack))
        #expect(participants.keys.contains("participant-pack.html") && participants.keys.contains("calendar.ics"))
        #expect(participants.keys.contains { $0.hasPrefix("handouts/") })
        #expect(participants.keys.contains { $0.hasSuffix(".imscc!imsmanifest.xml") })
        #expect(participants.keys.contains("pdf/participant-pack.pdf"))
        for (name, text) in participants {
            var leaked = Self.markers(in: text).intersection(planted)
            // A cartridge quiz carries the right answers and the feedback for the platform to score and show after
            // an attempt (the explanation and everything else stay out); nothing else may.
            if name.contains(".imscc!assessments/") { leaked.subtract(Self.scoredByPlatforms) }
            #expect(leaked.isEmpty, "\(language): \(name) holds facilitator-only text: \(leaked.sorted())")
        }
        // The participant bundle holds exactly the files pack.json marks for participants, and no marker.
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: out.appendingPathComponent(pack).appendingPathComponent("pack.json")))
        let files = try #require((manifest as? [String: Any])?["files"] as? [[String: Any]])
        let forParticipants = Set(
            files.filter { $0["audience"] as? String == "participants" }.compactMap { $0["path"] as? String })
        #expect(
            files.allSatisfy { ($0["plugin"] as? [String: String])?["version"] != nil }, "each file names its plugin")
        #expect(
            forParticipants.contains("participant-pack.html") && !forParticipants.contains("facilitator-guide.html"))
        let bundle = out.appendingPathComponent("bundle-\(language)")
        let entries = try CartridgeAudienceTests.extract(
            out.appendingPathComponent("\(pack)-participants.zip").path, into: bundle)
        #expect(Set(entries) == Set(forParticipants.map { "\(pack)/\($0)" }))
        for entry in entries {
            let file = bundle.appendingPathComponent(entry)
            let text =
                entry.hasSuffix(".pdf")
                ? try PDFExportTests.tool("pdftotext", [file.path, "-"]) : try String(contentsOf: file, encoding: .utf8)
            #expect(Self.markers(in: text).isEmpty, "\(language): the participant bundle's \(entry) leaks")
        }
        let everything = try CartridgeAudienceTests.extract(
            out.appendingPathComponent("\(pack)-facilitators.zip").path,
            into: out.appendingPathComponent("all-\(language)"))
        #expect(
            Set(everything)
                == Set(files.compactMap { $0["path"] as? String }.map { "\(pack)/\($0)" } + ["\(pack)/pack.json"]))
        // What participants may read is there, so the check above looked at the right files and language.
        let suffix = language == "fr" ? "-fr" : ""
        let shown = Self.markers(in: participants.values.joined(), prefix: "SHOWN-")
        for place in ["instructions", "case-summary", "question", "activity-title", "handout-title"] {
            #expect(shown.contains("SHOWN-\(place)\(suffix)"), "\(language): SHOWN-\(place)\(suffix) is missing")
        }
        #expect(shown.contains("SHOWN-handout-file"), "the participant handout file is in the pack")
        // The facilitators' files carry the planted text, so the markers are where the outputs can reach them.
        let reached = Self.markers(in: facilitators.values.joined())
        let expected = planted.filter {
            $0.hasSuffix("-fr") == (language == "fr") || $0.hasSuffix("-file") || $0 == "LEAK-briefing-resource-title"
        }.subtracting(["LEAK-programme-summary", "LEAK-programme-summary-fr"])
        #expect(
            expected.subtracting(reached).isEmpty,
            "\(language): not in any facilitator file: \(expected.subtracting(reached).sorted())")
    }
}
