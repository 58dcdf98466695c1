import CurriculumImportKit
import CurriculumModel
import Foundation

/// The resources of the import, one per file or URL however often it is referred to. All are defined at the
/// top level of the programme, so any module's activity can name them.
struct ResourceRegistry {
    private(set) var resources: [Resource] = []
    private var idsByTarget: [String: String] = [:]

    /// The resource for a file of the source, added to the assets the core writes beside the output (below
    /// `files/`, at `assetName` or else the file's path in the source).
    mutating func file(
        _ path: String, assetName: String?, title: String, kind: String?, alt: String?, location: SourceLocation,
        ids: inout IDAllocator, assets: inout AssetCollector
    ) -> String {
        if let id = idsByTarget[path] { return id }
        let name = (path as NSString).lastPathComponent
        let id = ids.make(from: "res " + (name as NSString).deletingPathExtension, fallback: "res")
        let resolvedKind = kind ?? Self.kind(forExtension: (name as NSString).pathExtension)
        let resource = Resource(
            id: id, kind: resolvedKind, href: assets.add(path, as: assetName), title: Label(title),
            accessibility: alt.map { Accessibility(alt: $0) }, location: location)
        resources.append(resource)
        idsByTarget[path] = id
        return id
    }

    /// The resource for a URL: a link, or an image on the web.
    mutating func link(
        _ url: String, title: String, location: SourceLocation, ids: inout IDAllocator, kind: String = "link",
        alt: String? = nil
    ) -> String {
        if let id = idsByTarget[url] { return id }
        let words = title.split(whereSeparator: \.isWhitespace).prefix(4).joined(separator: " ")
        let name = title.isEmpty || SourceTree.hasScheme(title) ? (URL(string: url)?.host ?? "link") : words
        let id = ids.make(from: "res " + name, fallback: "res")
        let resource = Resource(
            id: id, kind: kind, href: url, title: Label(title.isEmpty ? url : title),
            accessibility: alt.map { Accessibility(alt: $0) }, location: location)
        resources.append(resource)
        idsByTarget[url] = id
        return id
    }

    /// The resource kind a file extension suggests.
    static func kind(forExtension ext: String) -> String {
        switch ext.lowercased() {
        case "png", "jpg", "jpeg", "gif", "svg", "webp", "tif", "tiff": "image"
        case "pdf", "doc", "docx", "odt", "rtf", "txt", "md": "handout"
        case "ppt", "pptx", "odp", "key": "slides"
        case "xls", "xlsx", "ods", "csv": "worksheet"
        case "mp4", "webm", "mov", "m4v", "avi": "video"
        case "mp3", "wav", "ogg", "m4a": "audio"
        case "html", "htm": "reading"
        default: "other"
        }
    }
}
