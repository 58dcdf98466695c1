import CurriculumImportKit
import CurriculumModel
import CurriculumXML
import Foundation

/// The resource registry an import builds: `/static/` files the course links to (copied beside the output) and
/// videos (kept as links), each registered once however often it is used.
struct OLXResources {
    private(set) var registry: [Resource] = []
    private(set) var assets: AssetCollector
    private var idsByKey: [String: String] = [:]

    init(tree: SourceTree) {
        assets = AssetCollector(tree: tree)
    }

    /// Registers a `/static/` file named in a component; `nil` when the link is not to a static file.
    mutating func staticFile(
        _ reference: String, title: String?, alt: String? = nil, files: OLXCourseFiles, at location: SourceLocation,
        report: inout ImportReport, ids: inout IDAllocator
    ) -> String? {
        guard let name = Self.staticName(reference) else { return nil }
        let path = files.path("static/" + name)
        if let id = idsByKey[path] { return id }
        guard files.tree.contains(path) else {
            report.warning(
                OLXCode.missingStatic, "the static file \"\(name)\" is not in the course; the link is not imported",
                at: location)
            return nil
        }
        let id = ids.make(from: (name as NSString).deletingPathExtension, fallback: "file")
        let href = assets.add(path, as: "static/" + name)
        registry.append(
            Resource(
                id: id, kind: Self.kind(of: name), href: href, mediaType: Self.mediaType(of: name),
                title: Label(title ?? (name as NSString).lastPathComponent),
                accessibility: alt.flatMap { $0.isEmpty ? nil : Accessibility(alt: $0) }, location: location))
        idsByKey[path] = id
        return id
    }

    /// Registers a video by its URL; one with subtitles or transcripts is marked as captioned.
    mutating func video(
        _ url: String, name: String, title: String, hasCaptions: Bool, at location: SourceLocation,
        ids: inout IDAllocator
    ) -> String {
        if let id = idsByKey[url] { return id }
        let id = ids.make(from: name, fallback: "video")
        registry.append(
            Resource(
                id: id, kind: "video", href: url, title: Label(title),
                accessibility: hasCaptions ? Accessibility(hasCaptions: true) : nil, location: location))
        idsByKey[url] = id
        return id
    }

    /// The files `info/handouts.html` links to, as programme resources.
    mutating func addHandouts(files: OLXCourseFiles, report: inout ImportReport, ids: inout IDAllocator) {
        let path = files.path("info/handouts.html")
        guard files.tree.contains(path), let page = files.reader.parseHTML(path, report: &report) else { return }
        for link in Self.links(in: page) {
            _ = staticFile(
                link.href, title: link.text, files: files,
                at: files.tree.location(path, line: link.line), report: &report, ids: &ids)
        }
    }

    /// Every `href` and `src` in a page, with the link's text and line.
    static func links(in element: XMLElement) -> [(href: String, text: String?, line: Int, alt: String?)] {
        var found: [(String, String?, Int, String?)] = []
        var stack = [element]
        while let current = stack.popLast() {
            for name in ["href", "src"] {
                if let value = current[attribute: name] {
                    let text = current.textContent.trimmingWhitespace()
                    let alt = current[attribute: "alt"]?.trimmingWhitespace()
                    found.append((value, text.isEmpty ? alt : text, current.position.line, alt))
                }
            }
            stack.append(contentsOf: current.elements.reversed())
        }
        return found
    }

    /// The file name in `/static/x.pdf`, `static/x.pdf` or `/c4x/…/asset/x.pdf` links.
    static func staticName(_ reference: String) -> String? {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        for prefix in ["/static/", "static/"] where trimmed.hasPrefix(prefix) {
            let name = String(trimmed.dropFirst(prefix.count)).split(separator: "?").first.map(String.init) ?? ""
            let decoded = name.removingPercentEncoding ?? name
            return decoded.isEmpty || decoded.split(separator: "/").contains("..") ? nil : decoded
        }
        return nil
    }

    static func kind(of name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "pdf", "doc", "docx", "odt", "rtf", "txt", "md": "handout"
        case "ppt", "pptx", "odp", "key": "slides"
        case "png", "jpg", "jpeg", "gif", "svg", "webp": "image"
        case "mp4", "webm", "mov", "m4v": "video"
        case "mp3", "wav", "ogg", "m4a": "audio"
        case "xls", "xlsx", "ods", "csv": "worksheet"
        default: "other"
        }
    }

    static func mediaType(of name: String) -> String? {
        switch (name as NSString).pathExtension.lowercased() {
        case "pdf": "application/pdf"
        case "txt": "text/plain"
        case "md": "text/markdown"
        case "html", "htm": "text/html"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "svg": "image/svg+xml"
        case "mp4": "video/mp4"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        default: nil
        }
    }
}
