import CurriculumModel
import CurriculumPluginKit
import Foundation

/// A plugin author's own test case for `curriculum plugins check --fixture DIR`: a curriculum built to trigger
/// the plugin, and what it must answer.
///
/// `DIR` holds one `<programme>` document (with whatever it includes) and `expected.json`:
///
/// ```json
/// {"findings": [{"code": "AGD004", "path": "mini.xml", "line": 47}],
///  "artifacts": {"md": ["notes.md"]}}
/// ```
///
/// `findings` is the exact list a validator must report (code, and `path` and `line` where given), `artifacts`
/// the exact paths an exporter must write for each format, for the fixture's first session. A file
/// `DIR/expected/FORMAT/PATH` must match the artifact byte for byte.
struct PluginFixture {
    /// One expected finding.
    struct Finding: Codable, Hashable, CustomStringConvertible {
        var code: String
        var path: String?
        var line: Int?

        var description: String {
            code + (path.map { " at \($0)" } ?? "") + (line.map { ":\($0)" } ?? "")
        }

        func matches(_ diagnostic: Diagnostic) -> Bool {
            code == diagnostic.code && (path == nil || path == diagnostic.location?.path)
                && (line == nil || line == diagnostic.location?.line)
        }
    }

    struct Expectations: Codable {
        var findings: [Finding]?
        var artifacts: [String: [String]]?
    }

    var folder: String
    var curriculum: Curriculum
    var root: CurriculumRoot
    var expectations: Expectations

    /// Loads a fixture folder; the message says what is missing or wrong.
    static func load(_ folder: String) throws(CurriculumError) -> PluginFixture {
        let folder = CurriculumRoot.canonical(folder)
        let file = folder + "/expected.json"
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CurriculumError(.usage, "--fixture \(folder): it holds no expected.json")
        }
        let expectations: Expectations
        do { expectations = try JSONDecoder().decode(Expectations.self, from: data) } catch {
            throw CurriculumError(.usage, "\(file): \(DecodingDescription.of(error))")
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        let programmes = names.filter { $0.hasSuffix(".xml") }.map { folder + "/" + $0 }.filter {
            RootSniffer.rootName(ofFile: $0) == "programme"
        }
        guard programmes.count == 1, let programme = programmes.first else {
            throw CurriculumError(
                .usage,
                "--fixture \(folder): it must hold exactly one <programme> document; it holds \(programmes.count)")
        }
        let root = CurriculumRoot.find(for: programme)
        let loaded = CurriculumLoader().load(programmeAt: programme, root: root)
        guard let curriculum = loaded.curriculum else {
            let first = loaded.diagnostics.first { $0.severity == .error }
            throw CurriculumError(
                .content,
                "--fixture \(folder): the curriculum does not load\(first.map { ": \($0.code) \($0.message)" } ?? "")")
        }
        return PluginFixture(folder: folder, curriculum: curriculum, root: root, expectations: expectations)
    }

    /// What is wrong with a validator's findings, or `nil`.
    func problem(withFindings diagnostics: [Diagnostic]) -> String? {
        guard let expected = expectations.findings else {
            return "expected.json has no \"findings\" for a validator"
        }
        if !expected.isEmpty && diagnostics.isEmpty {
            return
                "it found nothing on a fixture built to trigger it; expected \(expected.map(\.description).joined(separator: ", "))"
        }
        var unmatched = diagnostics
        var missing: [Finding] = []
        for finding in expected {
            if let index = unmatched.firstIndex(where: finding.matches) {
                unmatched.remove(at: index)
            } else {
                missing.append(finding)
            }
        }
        var problems: [String] = []
        if !missing.isEmpty { problems.append("missing \(missing.map(\.description).joined(separator: ", "))") }
        if !unmatched.isEmpty {
            let extra = unmatched.map {
                Finding(code: $0.code, path: $0.location?.path, line: $0.location?.line).description
            }
            problems.append("not expected \(extra.joined(separator: ", "))")
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    /// What is wrong with an exporter's artifacts for a format, or `nil`.
    func problem(withArtifacts artifacts: [Artifact], format: String) -> String? {
        guard let expected = expectations.artifacts?[format] else { return nil }
        var problems: [String] = []
        let paths = Set(artifacts.map(\.path))
        let missing = Set(expected).subtracting(paths).sorted()
        let extra = paths.subtracting(expected).sorted()
        if !missing.isEmpty { problems.append("missing \(missing.joined(separator: ", "))") }
        if !extra.isEmpty { problems.append("not expected \(extra.joined(separator: ", "))") }
        for artifact in artifacts {
            let file = folder + "/expected/\(format)/" + artifact.path
            guard let want = FileManager.default.contents(atPath: file) else { continue }
            let got: Data? =
                if let text = artifact.text { Data(text.utf8) } else if let base64 = artifact.base64 {
                    Data(base64Encoded: base64)
                } else { artifact.copyOf.flatMap { FileManager.default.contents(atPath: root.absolute($0)) } }
            if got != want { problems.append("\(artifact.path) differs from expected/\(format)/\(artifact.path)") }
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }
}
