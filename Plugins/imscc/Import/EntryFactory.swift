import CurriculumModel

/// Makes the registry entries of one manifest resource: IDs, titles, kinds, copied files.
struct EntryFactory {
    let resource: PackageManifest.Resource
    let audience: Visibility?
    /// The title for the first entry when the resource gives none of its own.
    var fallbackTitle: String?
    let language: String?
    /// The entries made so far.
    private(set) var resources: [Resource] = []
    private var hasReportedMedia = false

    init(resource: PackageManifest.Resource, audience: Visibility?, fallbackTitle: String?, language: String?) {
        self.resource = resource
        self.audience = audience
        self.fallbackTitle = fallbackTitle
        self.language = language
    }

    /// The IDs of the entries, in order.
    var ids: [String] { resources.map(\.id) }

    /// Adds a file of the package, copied beside the output.
    mutating func addFile(_ path: String, kind: FileKind, title: String? = nil, state: inout ImportState) {
        var registryKind = kind.kind
        let alt = registryKind == "image" ? state.imageAlts[path] : nil
        if alt == nil && (registryKind == "image" || registryKind == "video") {
            // The native format requires alt text for images and captions for videos; the package has neither.
            registryKind = "other"
            if !hasReportedMedia {
                hasReportedMedia = true
                state.report.warning(
                    CCCode.mediaWithoutAlternative,
                    "\"\(path)\" is imported as kind \"other\": the package gives no \(kind.kind == "image" ? "alt text" : "captions or transcript") for this \(kind.kind)",
                    at: resource.location,
                    hint:
                        "Set kind=\"\(kind.kind)\" and add <accessibility \(kind.kind == "image" ? "alt=\"…\"" : "captions=\"yes\"")/> once you have checked the file."
                )
            }
        }
        let entryTitle = title ?? (resources.isEmpty ? fallbackTitle : nil) ?? FileKind.title(of: path)
        append(
            kind: registryKind, href: state.assets.add(path), mediaType: kind.mediaType, title: entryTitle,
            accessibility: alt.map { Accessibility(alt: $0) }, state: &state)
        if let id = resources.last?.id, state.resourceIDsByPath[path] == nil { state.resourceIDsByPath[path] = id }
    }

    /// Adds a web address.
    mutating func addLink(_ url: String, state: inout ImportState) {
        append(kind: "link", href: url, mediaType: nil, title: fallbackTitle ?? url, state: &state)
    }

    private mutating func append(
        kind: String, href: String, mediaType: String?, title: String, accessibility: Accessibility? = nil,
        state: inout ImportState
    ) {
        let id = state.ids.make(from: "res " + title, fallback: "res")
        let description = resources.isEmpty ? resource.lom.description(in: language)?.text : nil
        resources.append(
            Resource(
                id: id, kind: kind, href: href, mediaType: mediaType, audience: audience,
                language: resource.lom.language, title: Label(title),
                description: description.flatMap { PageText.plain($0).richText }, accessibility: accessibility,
                location: resource.location))
    }
}
