import Foundation
import Testing

/// Golden files: outputs of the binary kept under `Tests/EndToEndTests/Golden/` and compared byte for byte.
///
/// `RECORD_GOLDEN=1 swift test --filter Golden` (or `RECORD_GOLDEN=1 make test`) rewrites them from what the
/// binary produces now; the change is then reviewed in the git diff. A mismatch is reported with the file's name
/// and the start of a unified diff, not the whole file.
enum Golden {
    /// The folder the golden files live in.
    static let root = CLI.packageRoot.appendingPathComponent("Tests/EndToEndTests/Golden")

    /// How many lines of a diff a failure shows, and how much of each line.
    static let diffLines = 40
    static let diffLineWidth = 200

    /// The command that rewrites the golden files.
    static let rerecord = "RECORD_GOLDEN=1 swift test --filter Golden"

    /// Whether this run rewrites the golden files instead of checking them.
    static var isRecording: Bool {
        let value = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] ?? ""
        return !value.isEmpty && value != "0"
    }

    /// Checks (or records) one file, `relative` to the golden folder. A golden file must not hold a path of the
    /// machine that recorded it, or it would fail everywhere else.
    static func check(_ actual: Data, at relative: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = String(decoding: actual, as: UTF8.self)
        for machinePath in [CLI.packageRoot.path, "curriculumkit-e2e-"] where text.contains(machinePath) {
            Issue.record(
                "\(relative) contains \"\(machinePath)\", a path of this machine: run the binary with relative paths",
                sourceLocation: sourceLocation)
        }
        let golden = root.appendingPathComponent(relative)
        let expected = try? Data(contentsOf: golden)
        if expected == actual { return }
        if isRecording {
            do {
                try FileManager.default.createDirectory(
                    at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: golden)
                print("recorded golden file \(relative)")
            } catch {
                Issue.record("could not record \(relative): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected else {
            Issue.record(
                "\(relative) has no golden file; record it with \(rerecord)",
                sourceLocation: sourceLocation)
            return
        }
        let message =
            "\(relative) differs from its golden file (Tests/EndToEndTests/Golden/\(relative)); if the change is "
            + "meant, re-record with \(rerecord)\n" + shortDiff(expected: expected, actual: actual, name: relative)
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// Checks (or records) a set of files, relative to the golden folder `folder`, and that no golden file there
    /// is left that the run no longer produces. Golden files for which `isOwned` is false belong to another test.
    static func check(
        _ files: [String: Data], in folder: String, isOwned: (String) -> Bool = { _ in true },
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            check(data, at: folder + "/" + path, sourceLocation: sourceLocation)
        }
        let existing = (try? FolderSnapshot(root.appendingPathComponent(folder)).files.keys.sorted()) ?? []
        for stale in existing where files[stale] == nil && isOwned(stale) {
            if isRecording {
                try? FileManager.default.removeItem(at: root.appendingPathComponent(folder + "/" + stale))
                print("removed golden file \(folder)/\(stale)")
            } else {
                let message = "\(folder)/\(stale) is a golden file for an output that is no longer produced; "
                Issue.record(Comment(rawValue: message + "re-record with \(rerecord)"), sourceLocation: sourceLocation)
            }
        }
    }

    /// The first lines of `diff -u` between the golden bytes and the actual ones, long lines cut short.
    static func shortDiff(expected: Data, actual: Data, name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "curriculumkit-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let expectedFile = folder.appendingPathComponent("expected")
        let actualFile = folder.appendingPathComponent("actual")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try expected.write(to: expectedFile)
            try actual.write(to: actualFile)
            let result = try CLI.run(
                [
                    "-u", "--label", "golden/\(name)", "--label", "actual/\(name)", expectedFile.path,
                    actualFile.path,
                ], executable: "/usr/bin/diff")
            let lines = result.stdout.split(separator: "\n")
            var shown: [String] = lines.prefix(diffLines).map { line in
                line.count > diffLineWidth ? String(line.prefix(diffLineWidth)) + "… (line cut)" : String(line)
            }
            if lines.count > diffLines { shown.append("… \(lines.count - diffLines) more lines of diff") }
            return shown.joined(separator: "\n")
        } catch {
            return "(no diff: \(error); \(expected.count) bytes expected, \(actual.count) bytes produced)"
        }
    }
}
