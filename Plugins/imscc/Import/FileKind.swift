/// What a file of a package is, judged by its extension: the resource kind and media type it gets in the
/// registry, and whether it is only there to make pages work.
struct FileKind: Equatable {
    /// The registry kind: `handout`, `slides`, `reading`, `video`, `audio`, `image` or `other`.
    var kind: String
    var mediaType: String?

    /// The kind of a file.
    init(path: String) {
        switch Self.pathExtension(path) {
        case "pdf": self.init("handout", "application/pdf")
        case "md", "markdown": self.init("handout", "text/markdown")
        case "txt": self.init("handout", "text/plain")
        case "rtf": self.init("handout", "application/rtf")
        case "doc": self.init("handout", "application/msword")
        case "docx": self.init("handout", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        case "odt": self.init("handout", "application/vnd.oasis.opendocument.text")
        case "ppt": self.init("slides", "application/vnd.ms-powerpoint")
        case "pptx":
            self.init("slides", "application/vnd.openxmlformats-officedocument.presentationml.presentation")
        case "odp": self.init("slides", "application/vnd.oasis.opendocument.presentation")
        case "html", "htm": self.init("reading", "text/html")
        case "xhtml": self.init("reading", "application/xhtml+xml")
        case "mp4", "m4v": self.init("video", "video/mp4")
        case "webm": self.init("video", "video/webm")
        case "mov": self.init("video", "video/quicktime")
        case "mp3": self.init("audio", "audio/mpeg")
        case "ogg", "oga": self.init("audio", "audio/ogg")
        case "wav": self.init("audio", "audio/wav")
        case "m4a": self.init("audio", "audio/mp4")
        case "png": self.init("image", "image/png")
        case "jpg", "jpeg": self.init("image", "image/jpeg")
        case "gif": self.init("image", "image/gif")
        case "svg": self.init("image", "image/svg+xml")
        case "webp": self.init("image", "image/webp")
        case "csv": self.init("other", "text/csv")
        case "xlsx": self.init("other", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        case "xml": self.init("other", "application/xml")
        default: self.init("other", nil)
        }
    }

    private init(_ kind: String, _ mediaType: String?) {
        self.kind = kind
        self.mediaType = mediaType
    }

    /// Whether the file is a page.
    var isPage: Bool { mediaType == "text/html" || mediaType == "application/xhtml+xml" }

    /// Scripts, style sheets, fonts and schemas: files that make pages work and mean nothing to a trainer.
    static func isSupportFile(_ path: String) -> Bool {
        [
            "js", "mjs", "css", "map", "json", "xsd", "dtd", "woff", "woff2", "ttf", "otf", "eot", "swf", "ico",
        ].contains(pathExtension(path))
    }

    /// The lower-cased extension of the last path segment, or `""`.
    static func pathExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// A title made from a file name: `partner-map_worksheet.md` → `Partner map worksheet`.
    static func title(of path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).joined(separator: " ")
        guard let first = words.first else { return path }
        return first.uppercased() + words.dropFirst()
    }
}
