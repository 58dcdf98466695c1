import CurriculumExportKit
import CurriculumPluginKit
import Foundation
import Mustache

/// The templates and style sheet the pages are rendered with: the defaults built into the binary, each
/// replaceable by a file in the folder named by the `templates` option.
///
/// In that folder, `facilitator-guide.mustache`, `participant-pack.mustache` and `styles.css` replace the
/// defaults when present; any other `*.mustache` file is registered as a partial under its name without the
/// extension (`{{> cover}}` for `cover.mustache`).
///
/// Templates from the folder are held to their view models (``GuideViewModel``, ``PackViewModel``): a key the
/// view model does not have — a misspelling, or a facilitator field in the participant pack — is an error naming
/// the file, line, column and key, instead of a page that silently prints nothing there.
struct TemplateSet: Sendable {
    static let guideName = "facilitator-guide"
    static let participantName = "participant-pack"
    /// The largest template or style sheet read: 1 MB.
    static let largestFile = 1 << 20

    var library: MustacheLibrary
    var styles: String

    /// Loads the templates.
    ///
    /// - Parameters:
    ///   - folder: The `templates` option: an absolute path, or a path relative to the curriculum root.
    ///   - root: The curriculum root.
    init(folder: String?, root: String) throws {
        // The built-in templates are parsed once per process: a process that serves several requests (protocol
        // 1.2, one per session) does not parse them again for each.
        if folder == nil {
            self = try Self.builtIn.get()
            return
        }
        try self.init(parsing: folder, root: root)
    }

    /// The built-in templates, parsed on first use.
    private static let builtIn = Result { () throws -> TemplateSet in
        try TemplateSet(parsing: nil, root: "")
    }

    /// Parses the built-in templates now, if nothing has yet: the parser reads a template in time that grows
    /// with the square of its length, so the guide's template is worth parsing before the first request.
    static func prepareBuiltIn() { _ = builtIn }

    private init(parsing folder: String?, root: String) throws {
        var library = MustacheLibrary()
        var styles = DefaultTemplates.styles
        var sources: [String: String] = [
            Self.guideName: DefaultTemplates.facilitatorGuide,
            Self.participantName: DefaultTemplates.participantPack,
        ]
        // The file each template was read from, for the messages.
        var files: [String: String] = [:]
        if let folder {
            let path = folder.hasPrefix("/") ? folder : (root as NSString).appendingPathComponent(folder)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw RPCError(
                    code: PluginProtocol.ErrorCode.invalidParams, message: "the templates folder \(path) does not exist"
                )
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for name in names.sorted() where name.hasSuffix(".mustache") || name == "styles.css" {
                let file = (path as NSString).appendingPathComponent(name)
                // Looked at before reading: a FIFO would block the read, and a template is never large.
                switch ResourceFile(path: file, limit: Self.largestFile) {
                case .copyable: break
                case .missing, .notAFile:
                    throw RPCError(
                        code: PluginProtocol.ErrorCode.invalidParams, message: "\(file) is not a regular file")
                case .tooLarge(let size):
                    throw RPCError(
                        code: PluginProtocol.ErrorCode.invalidParams,
                        message:
                            "\(file) holds \(size) bytes, more than the \(Self.largestFile) bytes a template may hold")
                }
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                guard var text = String(data: data, encoding: .utf8) else {
                    throw RPCError(
                        code: PluginProtocol.ErrorCode.invalidParams, message: "\(file) is not UTF-8 text")
                }
                // The line break that ends a text file is not part of the template (as in the built-in ones), so
                // the files `curriculum templates export` writes give the same pages as the built-in templates.
                if text.hasSuffix("\r\n") {
                    text.removeLast()
                } else if text.hasSuffix("\n") {
                    text.removeLast()
                }
                if name == "styles.css" {
                    styles = text
                } else {
                    let template = String(name.dropLast(".mustache".count))
                    sources[template] = text
                    files[template] = file
                }
            }
        }
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: source), named: name)
            } catch {
                throw RPCError(
                    code: PluginProtocol.ErrorCode.invalidParams, message: "template \(name) does not parse: \(error)")
            }
        }
        if !files.isEmpty { try Self.checkKeys(sources, files: files) }
        self.library = library
        // The style sheet goes inside <style>: make sure it cannot close the element early.
        self.styles = styles.replacingOccurrences(of: "</", with: "<\\/")
    }

    func render(_ name: String, _ context: some TemplateViewModel) -> String {
        library.render(TemplateRecord.of(context), withTemplate: name) ?? ""
    }

    /// The view model each page template is rendered with.
    static func shapes() throws -> [String: TemplateShape] {
        [
            guideName: try TemplateShape(of: GuideViewModel.self),
            participantName: try TemplateShape(of: PackViewModel.self),
        ]
    }

    /// The most unknown keys listed in one error.
    static let largestReport = 20

    /// Checks the page templates, and the partials they include, against their view models.
    ///
    /// - Parameters:
    ///   - sources: Every template by name.
    ///   - files: The file each template from the folder was read from.
    /// - Throws: An error listing each unknown key at its file, line and column.
    static func checkKeys(_ sources: [String: String], files: [String: String]) throws {
        var problems: [TemplateKeyProblem] = []
        for (name, shape) in try shapes().sorted(by: { $0.key < $1.key }) {
            guard let source = sources[name] else { continue }
            var partials = sources
            partials[name] = nil
            problems += TemplateKeyCheck.problems(in: source, named: name, shape: shape, partials: partials)
        }
        guard !problems.isEmpty else { return }
        var seen: Set<TemplateKeyProblem> = []
        let lines = problems.filter { seen.insert($0).inserted }.prefix(largestReport).map { problem in
            let file = files[problem.template] ?? "built-in \(problem.template).mustache"
            return "\(file):\(problem.line):\(problem.column): unknown key \"\(problem.key)\""
        }
        throw RPCError(
            code: PluginProtocol.ErrorCode.invalidParams,
            message:
                "the templates use keys their pages do not have, so they would print nothing there (docs/packs.md, "
                + "\"Unknown keys are refused\"): " + lines.joined(separator: "; "))
    }
}
