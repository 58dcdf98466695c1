import CurriculumExportKit
import CurriculumModel
import CurriculumPluginKit
import Foundation

/// One session as an IMS Common Cartridge 1.1: the manifest, the files it lists, and what went wrong on the way.
struct Cartridge {
    /// `imsmanifest.xml`, always the first entry of the archive.
    static let manifestPath = "imsmanifest.xml"
    /// The facilitator guide: the one resource marked for the Instructor role.
    static let guidePath = "instructor/facilitator-guide.html"
    static let guideID = "facilitator-guide"

    var manifest: String
    /// Every other file, each listed by exactly one or more `<file href>` of the manifest.
    var files: [(path: String, bytes: [UInt8])]
    var diagnostics: [Diagnostic]

    /// The `.imscc` bytes: a deterministic zip with the manifest first.
    func archive() throws -> [UInt8] {
        var zip = ZipWriter()
        zip.add(path: Self.manifestPath, bytes: Array(manifest.utf8))
        for file in files { zip.add(path: file.path, bytes: file.bytes) }
        return try zip.archive(first: [Self.manifestPath])
    }
}

/// Where a resource ended up.
enum PackedResource: Equatable {
    /// A participant-visible file under `web_resources/`, with its own `webcontent` resource in the manifest.
    case participantFile(path: String, manifestID: String)
    /// A facilitator-only file under `instructor/`, listed as a file of the facilitator guide's resource.
    case instructorFile(path: String)
    /// A web link (http, https or mailto), shown as a link and not packed; participant links also get a web link
    /// resource (`imswl_xmlv1p1`) of their own.
    case external(url: String, manifestID: String?)
    /// Nothing to link to: no href, a missing or unreadable file, a link with another scheme.
    case unavailable
}

/// One agenda item and what the cartridge makes of it.
struct PlannedItem {
    var slot: Timetable.Slot
    /// The position of the item's day in the timetable (day numbers in the model need not be unique).
    var dayIndex: Int
    /// Whether participants see the item; facilitator and organiser items appear only in the guide.
    var isForParticipants: Bool
    /// Whether the item has a page of its own: participant items other than breaks and meals, which only the
    /// day's timetable shows.
    var hasPage: Bool { isForParticipants && itemID != nil }
    /// The `<item>` and `<resource>` identifiers and the page path, for participant items with a page.
    var itemID: String?
    var pageID: String?
    var pagePath: String?
    /// The resources the item lists, resolved, in order, without repeats.
    var resources: [Resource]
    /// The anchor of the item in the facilitator guide.
    var anchor: String
}

/// Builds the cartridge of one session.
struct CartridgeBuilder {
    let curriculum: Curriculum
    let session: Session
    let delivery: Delivery?
    /// The language to render, or `nil` for the source language.
    let language: String?
    let target: LMSTarget
    /// The curriculum's files, read the export kit's way (inside the root, regular files, within the budget).
    let files: ResourceFiles
    /// The cartridge's own words (headings, labels, answer scales) in the language rendered, from the export kit's
    /// catalogue.
    let text: StringCatalogue

    init(
        curriculum: Curriculum, session: Session, root: String, delivery: Delivery?, language: String?,
        target: LMSTarget = .moodle
    ) {
        self.curriculum = curriculum
        self.session = session
        self.delivery = delivery
        self.language = language
        self.target = target
        self.files = ResourceFiles(root: root)
        self.text = StringCatalogue(language: language ?? curriculum.language)
    }

    /// Whether the facilitator guide goes into the cartridge: only for platforms that hide Instructor material.
    var includesGuide: Bool { target.honoursInstructorRole }

    /// The manifest identifier: readable, an NCName, and different for every programme and session pair (the hash
    /// keeps IDs that sanitise to the same text apart).
    static func manifestIdentifier(programme: String, session: String) -> String {
        let digest = SHA256.hex(Array("\(programme)\u{0}\(session)".utf8)).prefix(8)
        return "cc-\(Names.token(programme))-\(Names.token(session))-\(digest)"
    }

    /// Builds the cartridge; files larger than what is left of `budget` (in bytes) are left out with a diagnostic,
    /// and what is packed is taken off the budget.
    func build(budget: inout Int) -> Cartridge {
        var state = BuildState(builder: self)
        state.planItems()
        for index in state.items.indices {
            for resource in state.items[index].resources { state.pack(resource, budget: &budget) }
        }
        state.planAssessments()
        var files: [(path: String, bytes: [UInt8])] = []
        let pages = Pages(builder: self, state: state)
        files.append((BuildState.aboutPath, Array(pages.aboutPage().utf8)))
        for (dayIndex, path) in state.timetablePaths.enumerated() {
            files.append((path, Array(pages.timetablePage(dayIndex: dayIndex).utf8)))
        }
        for item in state.items where item.isForParticipants {
            if let path = item.pagePath { files.append((path, Array(pages.itemPage(item).utf8))) }
        }
        if includesGuide {
            files.append((Cartridge.guidePath, Array(pages.facilitatorGuide().utf8)))
        } else {
            state.diagnostics.append(
                Diagnostic(
                    severity: .info, code: "IMS010",
                    message:
                        "the facilitator guide is left out of the \(target.rawValue) cartridge of session \"\(session.id)\": the platform shows every item to learners",
                    hint: "Give facilitators the HTML pack's facilitator-guide.html instead.", location: nil,
                    source: "imscc"))
        }
        for link in state.webLinks {
            files.append((link.path, Array(WebLink.descriptor(title: link.title, url: link.url).utf8)))
        }
        for assessment in state.assessments {
            let writer = QTIWriter(assessment: assessment, language: language, text: text)
            files.append((assessment.path, Array(writer.write().utf8)))
            state.diagnostics += writer.findings(session: session.id)
        }
        files += state.packedFiles
        let outline = Outline(builder: self, state: state).build()
        let manifest = ManifestWriter(builder: self, state: state, outline: outline).write()
        return Cartridge(manifest: manifest, files: files, diagnostics: state.diagnostics)
    }
}

/// What the builder collects while it walks the session.
struct BuildState {
    let builder: CartridgeBuilder
    let timetable: Timetable
    let manifestID: String
    var ids = UniqueNames(ignoresCase: false)
    var paths = UniqueNames(ignoresCase: true)
    var anchors = UniqueNames(ignoresCase: false)
    var items: [PlannedItem] = []
    /// Resources by id, first definition first (IDs are programme-wide; the core reports duplicates).
    let resourcesByID: [String: Resource]
    /// The resources the participant view hands out: visible to participants and listed by an item they see. A
    /// resource only facilitator items list is instructor material, whatever its own `for=`, as in the HTML
    /// participant pack.
    let handedOut: Set<String>
    var packed: [String: PackedResource] = [:]
    /// Packed files in the order they were first needed.
    var packedFiles: [(path: String, bytes: [UInt8])] = []
    /// Participant handouts: resources of their own, in order of first use.
    var handouts: [(id: String, path: String, resource: Resource)] = []
    /// Facilitator-only files, listed under the guide's resource.
    var instructorFiles: [String] = []
    /// Participant web links, each a `imswl_xmlv1p1` resource.
    var webLinks: [(id: String, path: String, title: String, url: String)] = []
    /// The assessments (evaluation forms and knowledge checks), in outline order.
    var assessments: [Assessment] = []
    /// The page of each day's timetable, in timetable order, and its resource identifier.
    var timetablePaths: [String] = []
    var timetableIDs: [String] = []
    static let aboutPath = "items/about.html"
    static let aboutID = "page-about"
    /// Cartridge path of each source file already packed, by visibility and root-relative path.
    private var pathOfSource: [String: String] = [:]
    var diagnostics: [Diagnostic] = []

    init(builder: CartridgeBuilder) {
        self.builder = builder
        timetable = Timetable(session: builder.session, delivery: builder.delivery)
        manifestID = CartridgeBuilder.manifestIdentifier(
            programme: builder.curriculum.id, session: builder.session.id)
        var byID: [String: Resource] = [:]
        for resource in builder.curriculum.allResources where byID[resource.id] == nil { byID[resource.id] = resource }
        resourcesByID = byID
        // ParticipantView.handsOut, with the session's list of handed-out IDs worked out once.
        let listed = ParticipantView.handedOutResources(of: builder.session)
        handedOut = Set(byID.values.filter { listed.contains($0.id) && ParticipantView.sees($0) }.map(\.id))
        for fixed in [
            manifestID, "org", "root", "about", "facilitators", "guide", BuildState.aboutID, Cartridge.guideID,
        ] {
            ids.reserve(fixed)
        }
        paths.reserve(Cartridge.manifestPath)
        paths.reserve(Cartridge.guidePath)
        paths.reserve(BuildState.aboutPath)
    }

    /// The identifier of each day's item, in timetable order.
    var dayItemIDs: [String] = []

    /// Gives every agenda item its identifiers, page and resources.
    mutating func planItems() {
        dayItemIDs = timetable.days.map { ids.claim("day-\(Names.token(String($0.day.number)))") }
        for dayID in dayItemIDs {
            timetableIDs.append(ids.claim("page-\(dayID)-timetable"))
            timetablePaths.append(paths.claim("items/\(dayID)-timetable.html"))
        }
        for (dayIndex, day) in timetable.days.enumerated() {
            for slot in day.slots {
                let activity = slot.item
                let token = Names.token(activity.id)
                let isForParticipants = ParticipantView.sees(activity)
                var seen: Set<String> = []
                let resources = activity.resources.compactMap { id -> Resource? in
                    guard seen.insert(id).inserted else { return nil }
                    return resourcesByID[id]
                }
                var item = PlannedItem(
                    slot: slot, dayIndex: dayIndex, isForParticipants: isForParticipants,
                    resources: resources, anchor: anchors.claim("item-\(token)"))
                // Breaks and meals are lines of the day's timetable, not pages of their own.
                if isForParticipants, activity.kind != .break, activity.kind != .meal {
                    item.itemID = ids.claim("item-\(token)")
                    item.pageID = ids.claim("page-\(token)")
                    item.pagePath = paths.claim("items/\(Names.segment(activity.id)).html")
                }
                items.append(item)
            }
        }
    }

    /// Packs a resource once: reads its file into the cartridge, or records why it cannot.
    mutating func pack(_ resource: Resource, budget: inout Int) {
        guard packed[resource.id] == nil else { return }
        packed[resource.id] = packing(resource, budget: &budget)
    }

    private mutating func packing(_ resource: Resource, budget: inout Int) -> PackedResource {
        guard let href = resource.href, !href.isEmpty else { return .unavailable }
        if resource.isExternal {
            guard let url = LinkPolicy.safeExternalHref(href) else { return .unavailable }
            guard handedOut.contains(resource.id) else { return .external(url: url, manifestID: nil) }
            let id = ids.claim("link-\(Names.token(resource.id))")
            let path = paths.claim("weblinks/\(Names.segment(resource.id)).xml")
            let title = Pages.title(resource.title.text(in: builder.language), fallback: resource.id)
            webLinks.append((id, path, title, url))
            return .external(url: url, manifestID: id)
        }
        guard let relative = resource.rootRelativePath else { return .unavailable }
        let isForParticipants = handedOut.contains(resource.id)
        // Facilitator files travel with the guide; a target that leaves the guide out leaves them out too, or the
        // package would carry files no resource lists.
        guard isForParticipants || builder.includesGuide else { return .unavailable }
        let sourceKey = "\(isForParticipants ? "p" : "f"):\(relative)"
        let path: String
        if let existing = pathOfSource[sourceKey] {
            path = existing
        } else {
            switch builder.files.read(relative, limit: budget) {
            case .failure(let problem):
                report(problem, resource: resource, relative: relative)
                return .unavailable
            case .success(var bytes):
                let base = isForParticipants ? "web_resources/" : "instructor/files/"
                var name = Names.path(relative)
                // Markdown handouts become pages platforms show, for facilitators too; other files (PDF, images)
                // stay as they are.
                if name.lowercased().hasSuffix(".md") {
                    name = String(name.dropLast(3)) + ".html"
                    bytes = Array(handoutFragment(markdown: String(decoding: bytes, as: UTF8.self), of: resource).utf8)
                }
                path = paths.claim(base + name)
                budget -= bytes.count
                packedFiles.append((path, bytes))
                pathOfSource[sourceKey] = path
                if !isForParticipants { instructorFiles.append(path) }
            }
        }
        guard isForParticipants else { return .instructorFile(path: path) }
        let id = ids.claim("handout-\(Names.token(resource.id))")
        handouts.append((id, path, resource))
        return .participantFile(path: path, manifestID: id)
    }

    /// A Markdown handout as a body-only page, rendered by the export kit as the HTML pack's printable handouts
    /// are (cmark-gfm in safe mode, cut lines between cards, only the part in the cartridge's language when the
    /// handout holds several). Headings start one level down: the platform shows the page title above them.
    private func handoutFragment(markdown: String, of resource: Resource) -> String {
        let curriculum = builder.curriculum
        let page = HandoutPage(
            markdown: markdown, sourceLanguage: curriculum.language,
            translationLanguages: curriculum.meta.translationLanguages)
        let (html, used, _) = page.body(language: builder.language ?? curriculum.language)
        // A handout in one language says which, when it is not the programme's.
        let language = used == curriculum.language ? (resource.language ?? used) : used
        return Pages.fragment(Self.demotingHeadings(html), language: language)
    }

    /// `<h1>` becomes `<h2>` and so on down to `<h6>`, which stays. Only the renderer writes these tags: text in a
    /// handout is escaped and raw HTML left out.
    static func demotingHeadings(_ html: String) -> String {
        // One pass over the bytes: `<hN>` and `</hN>` with N from 1 to 5 get N + 1.
        var bytes = Array(html.utf8)
        var index = 0
        while index + 3 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "<") else { continue }
            let h = bytes[index + 1] == UInt8(ascii: "/") ? index + 2 : index + 1
            guard h + 2 < bytes.count, bytes[h] == UInt8(ascii: "h"), bytes[h + 2] == UInt8(ascii: ">"),
                (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(bytes[h + 1])
            else { continue }
            bytes[h + 1] += 1
            index = h + 2
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func report(_ problem: ResourceFiles.Problem, resource: Resource, relative: String) {
        let quoted = "\"\(relative)\""
        let (code, message, hint): (String, String, String)
        switch problem {
        case .outsideRoot:
            (code, message, hint) = (
                "IMS002", "resource \"\(resource.id)\" points outside the curriculum root (\(quoted)); it is left out",
                "Keep handouts inside the curriculum folder."
            )
        case .missing:
            (code, message, hint) = (
                "IMS001", "the file \(quoted) of resource \"\(resource.id)\" does not exist; it is left out",
                "Add the file, or correct the resource's href."
            )
        case .notAFile:
            (code, message, hint) = (
                "IMS001", "\(quoted) of resource \"\(resource.id)\" is not a regular file; it is left out",
                "Point the resource's href at a file."
            )
        case .unreadable(let reason):
            (code, message, hint) = (
                "IMS001",
                "the file \(quoted) of resource \"\(resource.id)\" cannot be read (\(reason)); it is left out",
                "Check the file's permissions."
            )
        case .tooLarge(let size, _):
            (code, message, hint) = (
                "IMS003",
                "the file \(quoted) of resource \"\(resource.id)\" (\(size) bytes) is too large to pack: the cartridges of one export must fit in one protocol message (\(ImsccPlugin.packedBytesLimit) bytes before base64); it is left out",
                "Link large files (videos, slide decks) by URL instead of packing them."
            )
        }
        diagnostics.append(
            Diagnostic(
                severity: .warning, code: code, message: message, hint: hint, location: resource.location,
                source: "imscc"))
    }
}
