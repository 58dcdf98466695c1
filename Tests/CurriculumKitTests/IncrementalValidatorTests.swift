import CurriculumKit
import CurriculumModel
import Foundation
import Testing

/// Incremental validation reports exactly what a fresh full validation of the same files reports, after every kind
/// of edit, while parsing only what changed.
@Suite struct IncrementalValidatorTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A copy of the bundled curricula (three programmes under one root) to edit.
    final class Workspace {
        let folder: URL

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "curriculumkit-incremental-\(UUID().uuidString)")
            try FileManager.default.copyItem(
                at: IncrementalValidatorTests.packageRoot.appendingPathComponent("Curricula"), to: folder)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func path(_ relative: String) -> String {
            CurriculumRoot.canonical(folder.appendingPathComponent(relative).path)
        }

        func text(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

        func write(_ relative: String, _ text: String) throws {
            try text.write(toFile: path(relative), atomically: false, encoding: .utf8)
        }

        /// Replaces text in a file, failing when it is not there (so an edit can never silently do nothing).
        func edit(_ relative: String, _ old: String, _ new: String) throws {
            let before = try text(relative)
            #expect(before.contains(old), "\(relative) has \(old)")
            try write(relative, before.replacingOccurrences(of: old, with: new))
        }
    }

    private func full(_ workspace: Workspace) async throws -> ValidationReport {
        try await Validator().validate(paths: [workspace.folder.path])
    }

    private func expectSame(_ run: IncrementalRun, _ fresh: ValidationReport, _ step: String) {
        #expect(run.report.diagnostics == fresh.diagnostics, "\(step): the same findings as a full validation")
        #expect(run.report.files == fresh.files, "\(step): the same files")
    }

    @Test func everyEditGivesTheFindingsOfAFullValidation() async throws {
        let workspace = try Workspace()
        let incremental = IncrementalValidator(paths: [workspace.folder.path])
        let first = try await incremental.validate()
        expectSame(first, try await full(workspace), "first run")
        #expect(first.revalidated == 3)

        let module = "liaise/modules/awareness.xml"
        let original = try workspace.text(module)
        // Each step: an edit, what the watcher would report, and a check of what was redone.
        let steps: [(name: String, edit: () throws -> Void, changes: FileChanges)] = [
            (
                "add an error",
                { try workspace.edit(module, "duration=\"PT30M\" min=\"PT30M\"", "duration=\"30\" min=\"PT30M\"") },
                FileChanges(modified: [workspace.path(module)])
            ),
            ("fix it", { try workspace.write(module, original) }, FileChanges(modified: [workspace.path(module)])),
            (
                "rename an ID others reference", { try workspace.edit(module, "id=\"m-awareness\"", "id=\"m-aware\"") },
                FileChanges(modified: [workspace.path(module)])
            ),
            (
                "a parse error", { try workspace.edit(module, "</module>", "</modul>") },
                FileChanges(modified: [workspace.path(module)])
            ),
            ("recover", { try workspace.write(module, original) }, FileChanges(modified: [workspace.path(module)])),
            (
                "delete a file", { try FileManager.default.removeItem(atPath: workspace.path(module)) },
                FileChanges(removed: [workspace.path(module)])
            ),
            ("add it back", { try workspace.write(module, original) }, FileChanges(added: [workspace.path(module)])),
            (
                "add a file no programme includes",
                {
                    try workspace.write(
                        "liaise/modules/stray.xml",
                        original.replacingOccurrences(of: "id=\"m-awareness\"", with: "id=\"m-stray\""))
                }, FileChanges(added: [workspace.path("liaise/modules/stray.xml")])
            ),
            (
                "make a module a programme",
                { try workspace.edit("liaise/modules/stray.xml", "<module ", "<programme ") },
                FileChanges(modified: [workspace.path("liaise/modules/stray.xml")])
            ),
        ]
        for step in steps {
            try step.edit()
            let run = try await incremental.validate(changes: step.changes)
            expectSame(run, try await full(workspace), step.name)
        }
    }

    @Test func aSaveParsesOnlyTheChangedFileAndChecksOnlyTheProgrammesThatReadIt() async throws {
        let workspace = try Workspace()
        let incremental = IncrementalValidator(paths: [workspace.folder.path])
        _ = try await incremental.validate()
        try workspace.edit(
            "liaise/modules/awareness.xml", "duration=\"PT30M\" min=\"PT30M\"", "duration=\"30\" min=\"PT30M\"")
        let run = try await incremental.validate(
            changes: FileChanges(modified: [workspace.path("liaise/modules/awareness.xml")]))
        #expect(run.documents == 3)
        #expect(run.revalidated == 1, "only the LIAISE programme reads the module")
        #expect(run.parsed == 1, "only the saved file is parsed again")
        #expect(run.reused > 0)
        #expect(
            run.report.diagnostics.contains {
                $0.code == "TIM001" && $0.location?.path.hasSuffix("awareness.xml") == true
            })
    }

    @Test func withoutKnownChangesEveryProgrammeIsCheckedAgainButUnchangedFilesAreNotParsed() async throws {
        let workspace = try Workspace()
        let incremental = IncrementalValidator(paths: [workspace.folder.path])
        _ = try await incremental.validate()
        try workspace.edit(
            "liaise/modules/awareness.xml", "duration=\"PT30M\" min=\"PT30M\"", "duration=\"30\" min=\"PT30M\"")
        let run = try await incremental.validate()
        #expect(run.revalidated == 3)
        #expect(run.parsed == 1)
        expectSame(run, try await full(workspace), "unknown changes")
    }

    @Test func changesComeFromComparingTwoListings() throws {
        let one = try #require(FileFingerprint.of(Self.packageRoot.appendingPathComponent("Package.swift").path))
        let two = try #require(FileFingerprint.of(Self.packageRoot.appendingPathComponent("README.md").path))
        let changes = FileChanges(from: ["/a": one, "/b": one], to: ["/b": two, "/c": one])
        #expect(changes == FileChanges(added: ["/c"], removed: ["/a"], modified: ["/b"]))
    }
}
