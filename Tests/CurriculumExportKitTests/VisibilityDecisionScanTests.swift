import Foundation
import Testing

/// Whether participants may see something is decided in ``ParticipantView`` and nowhere else: these tests read every
/// Swift file under `Sources/` and `Plugins/` and fail when a new visibility decision appears outside the view.
@Suite struct VisibilityDecisionScanTests {
    /// The repository root, found from this file's own path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Files that may decide: the view itself, and the model types that define the vocabulary it uses (a
    /// `Visibility` value's meaning, a text's `for=` over a default, a resource's and a case study's `for=`
    /// defaulting to `all`).
    static let allowed: Set<String> = [
        "Sources/CurriculumExportKit/ParticipantView.swift",
        "Sources/CurriculumModel/Text/Visibility.swift",
        "Sources/CurriculumModel/Text/RichText+Visibility.swift",
        "Sources/CurriculumModel/Programme/Resource.swift",
        "Sources/CurriculumModel/Programme/CaseStudy.swift",
    ]

    /// What a visibility decision looks like in Swift: asking a `Visibility` or a text directly, or applying a
    /// default audience by hand (`audience ?? .all`; not an artifact's bundle, `.facilitators`, nor an audience ID).
    static func decides(_ code: String) -> Bool {
        code.contains("isVisibleToParticipants") || code.contains("byDefault:")
            || (code.contains("??") && code.contains(/audience\s*\?\?\s*\.(all|participant|facilitator|organiser)\b/))
    }

    /// The lines of a source text that decide visibility, as `line: text`. Comments do not count.
    static func decisions(in source: String) -> [String] {
        var found: [String] = []
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = line.trimmingCharacters(in: .whitespaces)
            if code.hasPrefix("//") || code.hasPrefix("*") || code.hasPrefix("/*") { continue }
            if decides(code) { found.append("\(index + 1): \(code)") }
        }
        return found
    }

    /// Every Swift file under `Sources/` and `Plugins/`, as a path relative to the root.
    static func swiftFiles() -> [String] {
        var files: [String] = []
        for folder in ["Sources", "Plugins"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            while let path = walker.nextObject() as? String {
                if path.hasSuffix(".swift") { files.append("\(folder)/\(path)") }
            }
        }
        return files.sorted()
    }

    @Test func theScanFindsADecisionWrittenOutsideTheView() {
        let source = """
            // isVisibleToParticipants in a comment is not a decision
            let shown = resource.visibility.isVisibleToParticipants
            let text = purpose.isVisibleToParticipants(byDefault: .all)
            let forAll = (item.audience ?? .all) == .all
            let bundle = artifact.audience ?? .facilitators
            let target = request.audience ?? "participants"
            let hidden = text.audience ?? .organiser
            """
        #expect(Self.decisions(in: source).map { $0.prefix(2) } == ["2:", "3:", "4:", "7:"])
        #expect(Self.decisions(in: "if ParticipantView.sees(resource) { }").isEmpty)
    }

    @Test func theScanReadsTheSources() {
        let files = Self.swiftFiles()
        #expect(files.contains("Sources/CurriculumExportKit/ParticipantView.swift"))
        #expect(files.contains("Plugins/html/ParticipantPack.swift"))
        #expect(files.count > 100)
    }

    @Test func noVisibilityDecisionIsMadeOutsideTheParticipantView() throws {
        var offenders: [String] = []
        for file in Self.swiftFiles() where !Self.allowed.contains(file) {
            let source = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
            offenders += Self.decisions(in: source).map { "\(file):\($0)" }
        }
        #expect(
            offenders.isEmpty,
            "ask ParticipantView (Sources/CurriculumExportKit/ParticipantView.swift) instead:\n\(offenders.joined(separator: "\n"))"
        )
    }
}
