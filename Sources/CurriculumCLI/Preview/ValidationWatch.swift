import CurriculumKit
import CurriculumModel
import CurriculumPluginKit
import Foundation

/// `curriculum validate --watch`: validates once, then watches the curricula's folders and validates again after
/// every save, incrementally, printing the findings each time and a line saying what was done and how long it took.
struct ValidationWatch {
    let paths: [String]
    let validator: Validator
    let format: DiagnosticFormat
    let failOn: Severity?

    /// Runs until the process is interrupted. A problem on the first run (a path that does not exist, a bad
    /// configuration) ends it like a plain `validate`; later ones are printed and the watch goes on.
    func run(log: ConfigurationLog) async throws {
        let incremental = IncrementalValidator(paths: paths, validator: validator)
        let first = try await incremental.validate()
        Terminal.standardError.write(ConfigurationReport.text(log, textMode: format == .text))
        let folders = Self.watchedFolders(for: paths)
        print(first, changes: nil)
        Terminal.standardError.write(
            "watching \(folders.map { TerminalText.escaped(DisplayPath.of($0)) }.joined(separator: ", ")); Ctrl-C stops\n"
        )
        await FileWatcher(folders: folders).watch { changes in
            do {
                print(try await incremental.validate(changes: changes), changes: changes)
            } catch {
                Terminal.standardError.write("error: \(error)\n")
            }
        }
    }

    private func print(_ run: IncrementalRun, changes: FileChanges?) {
        var output = ""
        if let changes, format == .text {
            let shown = changes.all.sorted().map { TerminalText.escaped(DisplayPath.of($0)) }
            let listed = shown.prefix(3).joined(separator: ", ")
            output += "changed: \(listed)\(shown.count > 3 ? " and \(shown.count - 3) more" : "")\n"
        }
        let input = RenderInput(
            report: run.report, failOn: failOn, usesColor: format == .text && Terminal.standardOutput.usesColor)
        output += DiagnosticRenderer.render(input, as: format)
        Terminal.standardOutput.write(output)
        let milliseconds =
            Double(run.elapsed.components.seconds) * 1000
            + Double(run.elapsed.components.attoseconds) / 1e15
        let time = String(format: "%.1f", milliseconds)
        let documents = "\(run.documents) document\(run.documents == 1 ? "" : "s")"
        let files = "\(run.parsed) file\(run.parsed == 1 ? "" : "s") parsed, \(run.reused) reused"
        Terminal.standardError.write(
            changes == nil
                ? "validated in \(time) ms: \(documents), \(files)\n"
                : "validated again in \(time) ms: \(run.revalidated) of \(documents) checked again, \(files)\n")
    }

    /// The folders to watch: each folder named, or the curriculum root of each file named (its includes are
    /// there), and for a folder inside a curriculum root, that root; folders inside another are left out.
    static func watchedFolders(for paths: [String]) -> [String] {
        var folders: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            let canonical = CurriculumRoot.canonical(path)
            if exists && isFolder.boolValue {
                let root = CurriculumRoot.find(for: canonical + "/" + NativeFormatName.configuration).path
                folders.append(canonical.hasPrefix(root + "/") ? root : canonical)
            } else {
                folders.append(CurriculumRoot.find(for: canonical).path)
            }
        }
        let unique = Set(folders)
        return unique.filter { folder in !unique.contains { folder.hasPrefix($0 + "/") } }.sorted()
    }
}
