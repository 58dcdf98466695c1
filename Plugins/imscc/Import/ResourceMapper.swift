import CurriculumImportKit
import CurriculumModel
import CurriculumXML
import Foundation

/// Turns the manifest's resources into the curriculum's resource registry: local files become handouts,
/// readings, slides… copied beside the output; web links and LTI launch URLs become links; discussion topics and
/// assignments keep their text for the activity that places them; QTI files are kept as files and reported.
struct ResourceMapper {
    let manifest: PackageManifest
    /// The title of the first item that shows each resource, by resource identifier.
    let itemTitles: [String: String]
    /// The curriculum's language, to pick among LOM strings.
    let language: String?

    /// The registry, and what became of each resource by identifier.
    func map(state: inout ImportState) -> (registry: [Resource], mapped: [String: MappedResource]) {
        var registry: [Resource] = []
        var mapped: [String: MappedResource] = [:]
        for resource in manifest.resources {
            mapped[resource.identifier] = map(resource, into: &registry, state: &state)
        }
        return (registry, mapped)
    }

    // MARK: - One resource

    private func map(
        _ resource: PackageManifest.Resource, into registry: inout [Resource], state: inout ImportState
    )
        -> MappedResource
    {
        var result = MappedResource(role: role(of: resource, state: &state), location: resource.location)
        result.isSCO = resource.scormType == "sco"
        result.isForInstructors = resource.intendedUse?.lowercased() == "lessonplan" || resource.lom.isForInstructors
        result.learningTime = resource.lom.learningTime
        result.title = resource.lom.title(in: language)?.text
        var entries = EntryFactory(
            resource: resource, audience: result.isForInstructors ? .facilitator : nil,
            fallbackTitle: result.title ?? itemTitles[resource.identifier], language: language)
        switch result.role {
        case .content:
            mapContent(resource, into: &result, entries: &entries, state: &state)
        case .link:
            if let link = descriptor(of: resource, state: &state).flatMap({
                webLink($0.root, file: $0.path, state: &state)
            }) {
                result.title = result.title ?? link.title
                entries.fallbackTitle = entries.fallbackTitle ?? link.title
                if let url = checkedURL(link.url, at: link.location, state: &state) {
                    entries.addLink(url, state: &state)
                }
            }
        case .discussion:
            if let (root, path) = descriptor(of: resource, state: &state) {
                readTopic(root, file: path, into: &result, entries: &entries, state: &state)
            }
        case .assessment:
            let what = resource.type.lowercased().contains("question-bank") ? "question bank" : "assessment"
            if let (root, path) = descriptor(of: resource, state: &state) {
                result.questions = QTIReader(file: path).questions(in: root, state: &state)
            }
            state.report.note(
                CCCode.assessmentNotImported,
                "the QTI \(what) \"\(resource.identifier)\" gave \(result.questions.count) question(s) with their answer keys; its scoring, attempts and time limits are not imported",
                at: resource.location)
            if result.questions.isEmpty {
                for path in resource.files { entries.addFile(path, kind: FileKind(path: path), state: &state) }
            }
        case .tool:
            if let (root, path) = descriptor(of: resource, state: &state) {
                readToolLink(root, file: path, resource: resource, into: &result, entries: &entries, state: &state)
            }
        case .assignment:
            if let (root, path) = descriptor(of: resource, state: &state) {
                readAssignment(root, file: path, into: &result, entries: &entries, state: &state)
            }
        }
        result.entries = entries.ids
        registry += entries.resources
        return result
    }

    private func role(of resource: PackageManifest.Resource, state: inout ImportState) -> MappedResource.Role {
        let type = resource.type.lowercased()
        if type == "webcontent" || type.hasPrefix("associatedcontent") { return .content }
        if type.hasPrefix("imswl_xmlv") { return .link }
        if type.hasPrefix("imsdt_xmlv") { return .discussion }
        if type.hasPrefix("imsqti_xmlv") { return .assessment }
        if type.hasPrefix("imsbasiclti_xmlv") { return .tool }
        if type.hasPrefix("assignment_xmlv") { return .assignment }
        state.report.warning(
            CCCode.unknownResourceType,
            "the resource type \"\(resource.type)\" of \"\(resource.identifier)\" is not one this importer knows; its files are imported as content",
            at: resource.location)
        return .content
    }

    // MARK: - Content

    private func mapContent(
        _ resource: PackageManifest.Resource, into result: inout MappedResource, entries: inout EntryFactory,
        state: inout ImportState
    ) {
        switch resource.entry {
        case .url(let url):
            if let url = checkedURL(url, at: resource.location, state: &state) { entries.addLink(url, state: &state) }
        case .file(let path):
            let kind = FileKind(path: path)
            entries.addFile(path, kind: kind, state: &state)
            if kind.isPage { result.page = path }
        case .none:
            let documents = resource.files.filter { !FileKind.isSupportFile($0) }
            for path in documents { entries.addFile(path, kind: FileKind(path: path), state: &state) }
            // Without an href, the first file is the one the resource opens with (as players launch it).
            if let first = documents.first, FileKind(path: first).isPage { result.page = first }
        }
        // The files a page needs (images, style sheets, scripts) are copied so that the copied page still works.
        for path in resource.files { _ = state.assets.add(path) }
    }

    // MARK: - Descriptor files

    /// The XML file that describes a link, topic, tool or assignment, parsed.
    private func descriptor(
        of resource: PackageManifest.Resource, state: inout ImportState
    )
        -> (root: XMLElement, path: String)?
    {
        guard let path = resource.files.first(where: { FileKind.pathExtension($0) == "xml" }) ?? resource.files.first
        else { return nil }
        guard let root = state.reader.parsePart(path, report: &state.report, referencedFrom: resource.location) else {
            return nil
        }
        return (root, path)
    }

    private struct WebLink {
        var title: String?
        var url: String?
        var location: SourceLocation
    }

    private func webLink(_ root: XMLElement, file: String, state: inout ImportState) -> WebLink? {
        guard root.name == "webLink" else {
            state.unknownElement(root, in: file, parent: "web link file")
            return nil
        }
        var link = WebLink(location: state.location(root, in: file))
        for child in root.elements {
            switch child.name {
            case "title": link.title = ManifestReader.title(child)
            case "url":
                link.url = child[attribute: "href"]
                link.location = state.location(child, in: file)
            default: state.unknownElement(child, in: file, parent: root.name)
            }
        }
        return link
    }

    private func readTopic(
        _ root: XMLElement, file: String, into result: inout MappedResource, entries: inout EntryFactory,
        state: inout ImportState
    ) {
        guard root.name == "topic" else {
            state.unknownElement(root, in: file, parent: "discussion topic file")
            return
        }
        for child in root.elements {
            switch child.name {
            case "title": result.title = result.title ?? ManifestReader.title(child)
            case "text": result.text = text(child, file: file, title: result.title, state: &state)
            case "attachments": attachments(child, file: file, entries: &entries, state: &state)
            default: state.unknownElement(child, in: file, parent: root.name)
            }
        }
    }

    private func readAssignment(
        _ root: XMLElement, file: String, into result: inout MappedResource, entries: inout EntryFactory,
        state: inout ImportState
    ) {
        guard root.name == "assignment" else {
            state.unknownElement(root, in: file, parent: "assignment file")
            return
        }
        for child in root.elements {
            switch child.name {
            case "title": result.title = result.title ?? ManifestReader.title(child)
            case "text": result.text = text(child, file: file, title: result.title, state: &state)
            case "instructor_text": result.notes = text(child, file: file, title: nil, state: &state)
            case "attachments": attachments(child, file: file, entries: &entries, state: &state)
            case "gradable", "submission_formats", "extensions":
                state.notImported(child, in: file, what: "assignment grading and submission settings")
            default: state.unknownElement(child, in: file, parent: root.name)
            }
        }
    }

    private func readToolLink(
        _ root: XMLElement, file: String, resource: PackageManifest.Resource, into result: inout MappedResource,
        entries: inout EntryFactory, state: inout ImportState
    ) {
        var launch: (url: String, location: SourceLocation)?
        for child in root.elements {
            switch child.name {
            case "title": result.title = result.title ?? ManifestReader.title(child)
            case "secure_launch_url", "launch_url":
                let url = LOMReader.plain(child.textContent)
                // The secure URL wins over the plain one, whichever comes first.
                if !url.isEmpty, launch == nil || child.name == "secure_launch_url" {
                    launch = (url, state.location(child, in: file))
                }
            default: continue
            }
        }
        entries.fallbackTitle = entries.fallbackTitle ?? result.title
        state.report.warning(
            CCCode.toolLink,
            "the LTI tool link \"\(resource.identifier)\" cannot be launched from a curriculum; only its launch URL is kept",
            at: resource.location)
        if let launch, let url = checkedURL(launch.url, at: launch.location, state: &state) {
            entries.addLink(url, state: &state)
        }
    }

    /// A topic's or assignment's `<text texttype>` as rich text.
    private func text(_ element: XMLElement, file: String, title: String?, state: inout ImportState) -> PageText {
        let content = element.textContent
        if element[attribute: "texttype"]?.lowercased() == "text/html" {
            return PageText.read(html: content, at: state.location(element, in: file), title: title, state: &state)
        }
        return PageText.plain(content)
    }

    /// Files attached to a topic or an assignment, each an entry of its own.
    private func attachments(
        _ element: XMLElement, file: String, entries: inout EntryFactory, state: inout ImportState
    ) {
        for attachment in element.elements {
            guard attachment.name == "attachment", let href = attachment[attribute: "href"] else {
                state.unknownElement(attachment, in: file, parent: element.name)
                continue
            }
            guard let path = state.tree.resolve(href, from: file), state.tree.exists(path) else {
                state.report.warning(
                    CCCode.missingFile, "the attachment \"\(href)\" is not in the package",
                    at: state.location(attachment, in: file))
                continue
            }
            entries.addFile(path, kind: FileKind(path: path), title: FileKind.title(of: path), state: &state)
        }
    }

    /// A URL the native format accepts for a link (`https`, `http`, `mailto`), or `nil` after reporting why not.
    private func checkedURL(_ url: String?, at location: SourceLocation, state: inout ImportState) -> String? {
        let trimmed = (url ?? "").trimmingWhitespace()
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else {
            let message =
                trimmed.isEmpty
                ? "the web link has no URL; it was not imported"
                : "the web link \"\(trimmed.prefix(120))\" does not use https, http or mailto; it was not imported"
            state.report.warning(CCCode.unusableLink, message, at: location)
            return nil
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) else {
            state.report.warning(
                CCCode.unusableLink, "the web link holds spaces or control characters; it was not imported",
                at: location)
            return nil
        }
        return trimmed
    }
}
