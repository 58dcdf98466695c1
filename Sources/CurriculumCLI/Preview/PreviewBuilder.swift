import CurriculumKit
import CurriculumModel
import Foundation

/// Validates the programme and renders the HTML pages of its sessions (facilitator guide, participant pack and
/// handouts) with the bundled exporter, the same way `curriculum pack --format html` does, into memory.
struct PreviewBuilder: Sendable {
    let programme: String
    let sessions: [String]
    let language: String?
    let exporters: [String: PluginSpec]

    func render() async -> PreviewSite.Rendering {
        var rendering = PreviewSite.Rendering()
        let loaded: LoadedCurriculum
        do {
            (loaded, _) = try await Validator().validate(programmeAt: programme)
        } catch {
            rendering.problem = "the curriculum could not be validated: \(error)"
            return rendering
        }
        rendering.diagnostics = loaded.diagnostics.sorted(by: Diagnostic.reportOrder)
        guard let curriculum = loaded.curriculum else {
            rendering.problem = "the programme could not be read"
            return rendering
        }
        rendering.title = curriculum.title.text
        if loaded.diagnostics.contains(where: { $0.severity == .error }) {
            rendering.problem = "the curriculum has errors; the pages below are from before they were made"
            return rendering
        }
        let chosen = sessions.isEmpty ? curriculum.sessions.map(\.id) : sessions
        let unknown = chosen.filter { curriculum.session($0) == nil }
        if !unknown.isEmpty {
            rendering.problem = "no session \(unknown.joined(separator: ", ")) in \(curriculum.id)"
            return rendering
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "curriculum-preview-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let (packs, notes) = try await PackBuilder(exporters: exporters).build(
                curriculum, root: loaded.root,
                request: PackRequest(
                    sessions: chosen, formats: ["html"], outputFolder: folder.path, zip: false, language: language))
            rendering.diagnostics += notes
            for pack in packs {
                var files: [String: (bytes: [UInt8], mediaType: String?)] = [:]
                for file in pack.manifest.files {
                    let path = (pack.folder as NSString).appendingPathComponent(file.path)
                    if let data = FileManager.default.contents(atPath: path) {
                        files[file.path] = (Array(data), file.mediaType)
                    }
                }
                let title = curriculum.session(pack.session)?.title.text ?? pack.session
                rendering.sessions.append((pack.session, title, files))
            }
        } catch let error as PackContentError {
            rendering.diagnostics += error.diagnostics
            rendering.problem = "the exporter found errors"
        } catch {
            rendering.problem = "the pages could not be made: \(error)"
        }
        return rendering
    }
}
