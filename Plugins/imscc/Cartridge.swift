import CurriculumModel
import CurriculumPluginKit

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
    /// A web link (http, https or mailto), shown as a link and not packed.
    case external(url: String)
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
    /// The `<item>` and `<resource>` identifiers and the page path, for participant items.
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
    let localFiles: LocalFiles

    init(curriculum: Curriculum, session: Session, root: String, delivery: Delivery?, language: String?) {
        self.curriculum = curriculum
        self.session = session
        self.delivery = delivery
        self.language = language
        self.localFiles = LocalFiles(root: root)
    }

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
        var files: [(path: String, bytes: [UInt8])] = []
        let pages = Pages(builder: self, state: state)
        for item in state.items where item.isForParticipants {
            if let path = item.pagePath { files.append((path, Array(pages.itemPage(item).utf8))) }
        }
        files.append((Cartridge.guidePath, Array(pages.facilitatorGuide().utf8)))
        files += state.packedFiles
        let manifest = ManifestWriter(builder: self, state: state).write()
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
    /// Resources a participant agenda item lists; a resource only facilitator items list is instructor material,
    /// whatever its own `for=`, as in the HTML participant pack.
    var participantResourceIDs: Set<String> = []
    var packed: [String: PackedResource] = [:]
    /// Packed files in the order they were first needed.
    var packedFiles: [(path: String, bytes: [UInt8])] = []
    /// Participant handouts: resources of their own, in order of first use.
    var handouts: [(id: String, path: String, resource: Resource)] = []
    /// Facilitator-only files, listed under the guide's resource.
    var instructorFiles: [String] = []
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
        for fixed in [manifestID, "org", "root", "programme", "session", Cartridge.guideID] { ids.reserve(fixed) }
        paths.reserve(Cartridge.manifestPath)
        paths.reserve(Cartridge.guidePath)
    }

    /// The session item's identifier.
    var sessionItemID: String { "session" }

    /// The identifier of each day's item, in timetable order.
    var dayItemIDs: [String] = []

    /// Gives every agenda item its identifiers, page and resources.
    mutating func planItems() {
        dayItemIDs = timetable.days.map { ids.claim("day-\(Names.token(String($0.day.number)))") }
        for (dayIndex, day) in timetable.days.enumerated() {
            for slot in day.slots {
                let activity = slot.item
                let token = Names.token(activity.id)
                let isForParticipants = (activity.audience ?? .all).isVisibleToParticipants
                var seen: Set<String> = []
                let resources = activity.resources.compactMap { id -> Resource? in
                    guard seen.insert(id).inserted else { return nil }
                    return resourcesByID[id]
                }
                var item = PlannedItem(
                    slot: slot, dayIndex: dayIndex, isForParticipants: isForParticipants,
                    resources: resources, anchor: anchors.claim("item-\(token)"))
                if isForParticipants {
                    participantResourceIDs.formUnion(resources.map(\.id))
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
            return Pages.isSafeLink(href) ? .external(url: href) : .unavailable
        }
        guard let relative = resource.rootRelativePath else { return .unavailable }
        let isForParticipants =
            resource.visibility.isVisibleToParticipants && participantResourceIDs.contains(resource.id)
        let sourceKey = "\(isForParticipants ? "p" : "f"):\(relative)"
        let path: String
        if let existing = pathOfSource[sourceKey] {
            path = existing
        } else {
            switch builder.localFiles.read(relative, budget: budget) {
            case .failure(let problem):
                report(problem, resource: resource, relative: relative)
                return .unavailable
            case .success(let bytes):
                let base = isForParticipants ? "web_resources/" : "instructor/files/"
                path = paths.claim(base + Names.path(relative))
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

    private mutating func report(_ problem: LocalFiles.Problem, resource: Resource, relative: String) {
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
