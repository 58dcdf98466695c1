import CurriculumExportKit
import CurriculumModel

/// Writes `imsmanifest.xml` for IMS Common Cartridge 1.1 (the CC profile of IMS Content Packaging 1.2).
///
/// The CC 1.1 namespace is the default namespace, declared on the root element right after the XML declaration:
/// Moodle detects a CC 1.1 package by looking for `xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"` in the
/// first 500 bytes of the manifest.
struct ManifestWriter {
    static let cpNamespace = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
    static let manifestLOMNamespace = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
    static let resourceLOMNamespace = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource"
    static let xsiNamespace = "http://www.w3.org/2001/XMLSchema-instance"
    static let schemaLocations = [
        (cpNamespace, "http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd"),
        (manifestLOMNamespace, "http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd"),
        (resourceLOMNamespace, "http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lomresource_v1p0.xsd"),
    ]

    let builder: CartridgeBuilder
    let state: BuildState
    let outline: [OutlineItem]

    private var language: String? { builder.language }

    func write() -> String {
        var xml = XMLWriter()
        xml.start(
            "manifest",
            [
                ("xmlns", Self.cpNamespace),
                ("identifier", state.manifestID),
                ("xmlns:lomimscc", Self.manifestLOMNamespace),
                ("xmlns:lom", Self.resourceLOMNamespace),
                ("xmlns:xsi", Self.xsiNamespace),
                ("xsi:schemaLocation", Self.schemaLocations.map { "\($0.0) \($0.1)" }.joined(separator: " ")),
            ])
        writeMetadata(&xml)
        writeOrganization(&xml)
        writeResources(&xml)
        xml.end()
        return xml.output
    }

    // MARK: - Metadata

    private func writeMetadata(_ xml: inout XMLWriter) {
        let curriculum = builder.curriculum
        let lang = language ?? curriculum.language
        xml.start("metadata")
        xml.text("schema", "IMS Common Cartridge")
        xml.text("schemaversion", "1.1.0")
        xml.start("lomimscc:lom")
        xml.start("lomimscc:general")
        // The session's own identity, so that each session imports as a course of its own: platforms name the
        // course after the title (Moodle also derives its short name from it).
        let names = CourseNames(builder: builder)
        xml.start("lomimscc:identifier")
        xml.text("lomimscc:catalog", "curriculumkit:course")
        xml.text("lomimscc:entry", names.shortCode)
        xml.end()
        for (catalog, entry) in SessionMetadata.manifestFacts(builder: builder) {
            xml.start("lomimscc:identifier")
            xml.text("lomimscc:catalog", catalog)
            xml.text("lomimscc:entry", entry)
            xml.end()
        }
        xml.start("lomimscc:title")
        xml.text("lomimscc:string", names.title, [("language", lang)])
        xml.end()
        xml.text("lomimscc:language", lang)
        // Platforms show the description to learners: only text participants may read belongs in it.
        var description = [builder.session.title.text(in: language)]
        if let summary = ParticipantView.text(curriculum.meta.summary, as: .programmeSummary) {
            description.append(
                summary.blocks(in: language).map(\.plainText).joined(separator: "\n\n"))
        }
        xml.start("lomimscc:description")
        xml.text("lomimscc:string", description.joined(separator: "\n\n"), [("language", lang)])
        xml.end()
        // Each keyword in the rendering's language when it is translated, else in the source language, tagged
        // with the language it is written in.
        for keyword in curriculum.meta.keywords where !keyword.text.isEmpty {
            let translated = language.map(keyword.hasTranslation) ?? false
            xml.start("lomimscc:keyword")
            xml.text(
                "lomimscc:string", keyword.text(in: language),
                [("language", translated ? lang : curriculum.language)])
            xml.end()
        }
        xml.end()
        if let licence = curriculum.meta.licence, !licence.text.isEmpty {
            // In the rendering's language when translated; an untranslated licence is tagged with the source's.
            let translated = language.map(licence.hasTranslation) ?? false
            xml.start("lomimscc:rights")
            xml.start("lomimscc:copyrightAndOtherRestrictions")
            xml.text("lomimscc:value", "yes")
            xml.end()
            xml.start("lomimscc:description")
            xml.text(
                "lomimscc:string", licence.text(in: language),
                [("language", translated ? lang : curriculum.language)])
            xml.end()
            xml.end()
        }
        xml.end()
        xml.end()
    }

    // MARK: - Organization

    private func writeOrganization(_ xml: inout XMLWriter) {
        xml.start("organizations")
        xml.start("organization", [("identifier", "org"), ("structure", "rooted-hierarchy")])
        xml.start("item", [("identifier", "root")])
        for item in outline { write(item, &xml) }
        xml.end()
        xml.end()
        xml.end()
    }

    private func write(_ item: OutlineItem, _ xml: inout XMLWriter) {
        var attributes = [("identifier", item.identifier)]
        if let resource = item.resource { attributes.append(("identifierref", resource)) }
        xml.start("item", attributes)
        xml.text("title", item.title)
        for child in item.children { write(child, &xml) }
        if !item.facts.isEmpty {
            xml.start("metadata")
            xml.start("lomimscc:lom")
            xml.start("lomimscc:general")
            for fact in item.facts {
                xml.start("lomimscc:identifier")
                xml.text("lomimscc:catalog", fact.catalog)
                xml.text("lomimscc:entry", fact.entry)
                xml.end()
            }
            xml.end()
            xml.end()
            xml.end()
        }
        xml.end()
    }

    // MARK: - Resources

    private func writeResources(_ xml: inout XMLWriter) {
        xml.start("resources")
        xml.start(
            "resource", [("identifier", BuildState.aboutID), ("type", "webcontent"), ("href", BuildState.aboutPath)])
        xml.empty("file", [("href", BuildState.aboutPath)])
        xml.end()
        for (id, path) in zip(state.timetableIDs, state.timetablePaths) {
            xml.start("resource", [("identifier", id), ("type", "webcontent"), ("href", path)])
            xml.empty("file", [("href", path)])
            xml.end()
        }
        // One page per participant agenda item; its participant handouts are dependencies.
        for item in state.items where item.hasPage {
            guard let pageID = item.pageID, let path = item.pagePath else { continue }
            xml.start("resource", [("identifier", pageID), ("type", "webcontent"), ("href", path)])
            xml.empty("file", [("href", path)])
            for id in dependencies(of: item.resources) { xml.empty("dependency", [("identifierref", id)]) }
            xml.end()
        }
        // Participant handouts, each a resource of its own under web_resources/.
        for handout in state.handouts {
            xml.start("resource", [("identifier", handout.id), ("type", "webcontent"), ("href", handout.path)])
            xml.empty("file", [("href", handout.path)])
            xml.end()
        }
        for link in state.webLinks {
            xml.start("resource", [("identifier", link.id), ("type", "imswl_xmlv1p1")])
            xml.empty("file", [("href", link.path)])
            xml.end()
        }
        for assessment in state.assessments {
            xml.start("resource", [("identifier", assessment.id), ("type", QTIWriter.resourceType)])
            xml.empty("file", [("href", assessment.path)])
            xml.end()
        }
        guard builder.includesGuide else {
            xml.end()
            return
        }
        // The facilitator guide: Instructor role only, a lesson plan, with the facilitator-only files.
        xml.start(
            "resource",
            [
                ("identifier", Cartridge.guideID), ("type", "webcontent"), ("href", Cartridge.guidePath),
                ("intendeduse", "lessonplan"),
            ])
        xml.start("metadata")
        xml.start("lom:lom")
        xml.start("lom:educational")
        xml.start("lom:intendedEndUserRole")
        xml.text("lom:source", "IMSGLC_CC_Rolesv1p1")
        xml.text("lom:value", "Instructor")
        xml.end()
        xml.end()
        xml.end()
        xml.end()
        xml.empty("file", [("href", Cartridge.guidePath)])
        for path in state.instructorFiles { xml.empty("file", [("href", path)]) }
        for id in dependencies(of: state.items.flatMap(\.resources)) {
            xml.empty("dependency", [("identifierref", id)])
        }
        xml.end()
        xml.end()
    }

    /// The participant handout resources among some resources, without repeats.
    private func dependencies(of resources: [Resource]) -> [String] {
        var seen: Set<String> = []
        return resources.compactMap { resource -> String? in
            guard case .participantFile(_, let id) = state.packed[resource.id], seen.insert(id).inserted else {
                return nil
            }
            return id
        }
    }
}
