import CurriculumImportKit
import CurriculumModel
import CurriculumXML
import Foundation

/// Maps one unit (`<vertical>`) and its components onto an agenda item: HTML text becomes the participant
/// instructions, videos and static files resources, problems questions, discussions a prompt; the item's
/// duration is the sum of its components' when every one of them has one.
struct OLXUnitMapper {
    let files: OLXCourseFiles
    let options: OLXOptions

    /// Words read per minute, for reading-time estimates.
    static let wordsPerMinute = 200

    struct Unit {
        var item: Activity?
        var questions: [Question] = []
        /// The component kinds without a duration.
        var undatedParts: [String] = []
        var isEstimate = false
    }

    mutating func map(
        _ vertical: OLXCourseFiles.Node, restriction inherited: String? = nil, report: inout ImportReport,
        ids: inout IDAllocator, resources: inout OLXResources
    ) -> Unit {
        let at = files.location(vertical.element, in: vertical.file)
        var components: [OLXComponent] = []
        let unitRestriction = inherited ?? Self.restriction(of: vertical.element)
        for child in vertical.element.elements {
            guard let node = files.resolve(child, in: vertical.file, report: &report) else { continue }
            if let restriction = unitRestriction ?? Self.restriction(of: child) ?? Self.restriction(of: node.element) {
                if let component = restricted(
                    node, restriction, report: &report, ids: &ids, resources: &resources)
                {
                    components.append(component)
                }
                continue
            }
            if let component = component(node, report: &report, ids: &ids, resources: &resources) {
                components.append(component)
            }
        }
        let title = vertical.displayName ?? components.first?.questions.first?.text.text ?? "Untitled unit"
        guard !components.isEmpty else {
            report.warning(
                OLXCode.emptyContainer, "the unit \"\(title)\" has no component that can be imported; it is left out",
                at: at)
            return Unit()
        }
        var unit = Unit()
        let roles = components.map(\.role)
        let kind: ActivityKind =
            roles.contains(.problem) ? .evaluation : roles.contains(.discussion) ? .plenary : .input
        let blocks = components.flatMap(\.blocks)
        let notes = components.flatMap(\.facilitatorBlocks)
        var resourceIDs: [String] = []
        for id in components.flatMap(\.resourceIDs) where !resourceIDs.contains(id) { resourceIDs.append(id) }
        var duration: String?
        if components.allSatisfy({ $0.minutes != nil }) {
            let minutes = components.reduce(0) { $0 + ($1.minutes ?? 0) }
            duration = DurationText.format(max(1, minutes))
            unit.isEstimate = components.contains(where: \.isEstimate)
        } else {
            var parts: [String] = []
            for component in components where component.minutes == nil {
                let name = Self.name(of: component.role)
                if !parts.contains(name) { parts.append(name) }
            }
            unit.undatedParts = parts
        }
        unit.questions = components.flatMap(\.questions)
        unit.item = Activity(
            id: ids.make(from: vertical.urlName ?? title, fallback: "unit"), kind: kind, title: Label(title),
            duration: duration, resources: resourceIDs,
            participantInstructions: blocks.isEmpty ? nil : RichText(blocks: blocks, location: at),
            facilitatorNotes: notes.isEmpty ? nil : RichText(blocks: notes, audience: .facilitator, location: at),
            location: at)
        return unit
    }

    private static func name(of role: OLXComponent.Role) -> String {
        switch role {
        case .reading: "text"
        case .video: "videos without a recorded length"
        case .problem: "problems"
        case .discussion: "discussions"
        }
    }

    // MARK: - Components

    private func component(
        _ node: OLXCourseFiles.Node, report: inout ImportReport, ids: inout IDAllocator,
        resources: inout OLXResources
    ) -> OLXComponent? {
        let at = files.location(node.element, in: node.file)
        switch node.element.name {
        case "html":
            return html(node, at: at, report: &report, ids: &ids, resources: &resources)
        case "video":
            return video(node, at: at, report: &report, ids: &ids, resources: &resources)
        case "problem":
            let outcome = OLXProblemMapper(files: files, node: node, location: at).map(report: &report, ids: &ids)
            var component = OLXComponent(role: .problem, questions: outcome.questions)
            for image in outcome.staticReferences {
                if let id = resources.staticFile(
                    image.href, title: image.title, alt: image.title, files: files, at: at, report: &report, ids: &ids)
                {
                    component.resourceIDs.append(id)
                }
            }
            return outcome.questions.isEmpty && component.resourceIDs.isEmpty ? nil : component
        case "discussion":
            let category = node.element[attribute: "discussion_category"]
            let target = node.element[attribute: "discussion_target"] ?? node.displayName ?? "Discussion"
            let prompt = "Discussion: " + ([category, target].compactMap { $0 }.joined(separator: " › "))
            return OLXComponent(role: .discussion, blocks: [.paragraph([.text(prompt)])])
        default:
            report.warning(
                OLXCode.unmappedComponent,
                "the <\(node.element.name)> component \"\(node.displayName ?? node.urlName ?? "")\" has no equivalent in a curriculum; not imported",
                at: at)
            return nil
        }
    }

    // MARK: - Restricted content

    /// Why a block is not for every participant: a content-group (cohort, track) restriction or staff-only
    /// visibility; `nil` when everyone sees it.
    static func restriction(of element: XMLElement) -> String? {
        if element[attribute: "visible_to_staff_only"]?.lowercased() == "true" { return "visible to staff only" }
        if let groups = element[attribute: "group_access"] {
            let compact = groups.filter { !$0.isWhitespace }
            if !compact.isEmpty && compact != "{}" && compact != "null" {
                return "restricted to content groups \(compact)"
            }
        }
        return nil
    }

    /// A component not every participant sees: its text goes to the facilitator notes, and anything that would
    /// reach participants otherwise (questions, videos, files) is left out and named.
    private func restricted(
        _ node: OLXCourseFiles.Node, _ restriction: String, report: inout ImportReport, ids: inout IDAllocator,
        resources: inout OLXResources
    ) -> OLXComponent? {
        let at = files.location(node.element, in: node.file)
        let name = node.displayName ?? node.urlName ?? node.element.name
        if node.element.name == "html", var text = html(node, at: at, report: &report, ids: &ids, resources: &resources)
        {
            report.warning(
                OLXCode.restrictedContent,
                "the <html> component \"\(name)\" is \(restriction); its text is kept as facilitator notes, not participant text",
                at: at)
            text.facilitatorBlocks = text.blocks
            text.blocks = []
            text.resourceIDs = []
            return text
        }
        report.warning(
            OLXCode.restrictedContent,
            "the <\(node.element.name)> component \"\(name)\" is \(restriction); it is left out so that it does not reach every participant",
            at: at)
        return nil
    }

    private func html(
        _ node: OLXCourseFiles.Node, at: SourceLocation, report: inout ImportReport, ids: inout IDAllocator,
        resources: inout OLXResources
    ) -> OLXComponent? {
        var body = node.element
        var file = node.file
        if let name = node.element[attribute: "filename"] {
            let path = files.path("html/" + (name.hasSuffix(".html") ? name : name + ".html"))
            guard let page = files.reader.parseHTMLPart(path, report: &report, referencedFrom: at) else { return nil }
            body = page.element(named: "body") ?? page
            file = path
        }
        if node.element[attribute: "filename"] == nil, body.elements.isEmpty, body.textContent.contains("<") {
            // Inline HTML written as CDATA (or escaped) is markup, not text to show as is.
            let data = Data(body.textContent.utf8)
            if let root = data.withUnsafeBytes({ LenientHTMLParser().parse($0, url: file).root }) {
                body = root.element(named: "body") ?? root
            }
        }
        let converted = RichTextConverter.blocks(from: body)
        if !converted.dropped.isEmpty {
            report.warning(
                OLXCode.droppedMarkup,
                "markup with no equivalent was left out: <\(converted.dropped.joined(separator: ">, <"))>",
                at: file == node.file ? at : files.tree.location(file))
        }
        var resourceIDs: [String] = []
        for link in OLXResources.links(in: body) {
            let location = file == node.file ? at : files.tree.location(file, line: link.line)
            if let id = resources.staticFile(
                link.href, title: link.text, alt: link.alt, files: files, at: location, report: &report, ids: &ids)
            {
                resourceIDs.append(id)
            }
        }
        let words = converted.blocks.reduce(0) { $0 + RichTextConverter.wordCount($1.plainText) }
        let minutes = max(5, Int((Double(words) / Double(Self.wordsPerMinute) / 5).rounded(.up)) * 5)
        return OLXComponent(
            role: .reading, blocks: converted.blocks, resourceIDs: resourceIDs, minutes: minutes, isEstimate: true)
    }

    private func video(
        _ node: OLXCourseFiles.Node, at: SourceLocation, report: inout ImportReport, ids: inout IDAllocator,
        resources: inout OLXResources
    ) -> OLXComponent {
        let element = node.element
        let title = node.displayName ?? "Video"
        let clip = OLXClip(element)
        var url: String?
        if let youtube = element[attribute: "youtube_id_1_0"], !youtube.isEmpty {
            url = "https://www.youtube.com/watch?v=" + youtube + clip.youTubeParameters
        } else if let sources = element[attribute: "html5_sources"],
            let list = try? JSONSerialization.jsonObject(with: Data(sources.utf8)) as? [String], let first = list.first
        {
            url = first + clip.mediaFragment
        } else if let source = element.elements(named: "source").first?[attribute: "src"] {
            url = source + clip.mediaFragment
        }
        // edx-val exports carry the recorded length, and the encoded files when there is no other source.
        var seconds: Double?
        var encoded: String?
        var stack = [element]
        while let current = stack.popLast() {
            if current.name == "video_asset", seconds == nil,
                let value = current[attribute: "duration"].flatMap(Double.init), value > 0
            {
                seconds = value
            }
            if current.name == "encoded_video", encoded == nil, let address = current[attribute: "url"],
                SourceTree.hasScheme(address)
            {
                encoded = address
            }
            stack.append(contentsOf: current.elements)
        }
        url = url ?? encoded.map { $0 + clip.mediaFragment }
        // A clip plays only its part of the video: its length is the unit's, not the whole recording's.
        if let length = clip.length(of: seconds) { seconds = length }
        var component = OLXComponent(role: .video, minutes: seconds.map { max(1, Int(($0 / 60).rounded(.up))) })
        let transcripts = Self.transcriptFiles(of: element)
        if let url, SourceTree.hasScheme(url) {
            let captioned =
                !(element[attribute: "sub"] ?? "").isEmpty || !transcripts.isEmpty
                || !element.elements(named: "transcript").isEmpty
            component.resourceIDs = [
                resources.video(
                    url, name: node.urlName ?? title, title: title, hasCaptions: captioned, at: at, ids: &ids)
            ]
        } else {
            let known = element[attribute: "edx_video_id"].map { " (edx_video_id \($0))" } ?? ""
            report.warning(
                OLXCode.videoWithoutAddress,
                "the video \"\(title)\"\(known) has no address the import can link to (Studio keeps uploaded videos outside the export); it is not linked",
                at: at, hint: "Add the video's public URL as a resource of the item after import.")
        }
        if let handout = element[attribute: "handout"], !handout.isEmpty,
            let id = resources.staticFile(
                handout, title: "Handout: \(title)", files: files, at: at, report: &report, ids: &ids)
        {
            component.resourceIDs.append(id)
        }
        for (language, file) in transcripts {
            if let id = resources.staticFile(
                "/static/" + file, title: "Transcript (\(language)): \(title)", files: files, at: at, report: &report,
                ids: &ids)
            {
                component.resourceIDs.append(id)
            }
        }
        return component
    }

    /// The transcript files a video names: `transcripts='{"en": "intro-en.srt"}'` and `<transcript language=…
    /// src=…>` children, by language.
    static func transcriptFiles(of element: XMLElement) -> [(String, String)] {
        var found: [(String, String)] = []
        if let written = element[attribute: "transcripts"],
            let map = try? JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: String]
        {
            found += map.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        for transcript in element.elements(named: "transcript") {
            if let language = transcript[attribute: "language"], let file = transcript[attribute: "src"],
                !found.contains(where: { $0.1 == file })
            {
                found.append((language, file))
            }
        }
        return found.filter { !$0.1.isEmpty }
    }
}
