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
        xml.start("lomimscc:title")
        xml.text("lomimscc:string", curriculum.title.text(in: language), [("language", lang)])
        xml.end()
        xml.text("lomimscc:language", lang)
        // Platforms show the description to learners: only text participants may read belongs in it.
        var description = [builder.session.title.text(in: language)]
        if let summary = curriculum.meta.summary, summary.isVisibleToParticipants(byDefault: .all) {
            description.append(
                summary.blocks(in: language).map(\.plainText).joined(separator: "\n\n"))
        }
        xml.start("lomimscc:description")
        xml.text("lomimscc:string", description.joined(separator: "\n\n"), [("language", lang)])
        xml.end()
        for keyword in curriculum.meta.keywords where !keyword.isEmpty {
            xml.start("lomimscc:keyword")
            xml.text("lomimscc:string", keyword, [("language", lang)])
            xml.end()
        }
        xml.end()
        if let licence = curriculum.meta.licence, !licence.isEmpty {
            xml.start("lomimscc:rights")
            xml.start("lomimscc:copyrightAndOtherRestrictions")
            xml.text("lomimscc:value", "yes")
            xml.end()
            xml.start("lomimscc:description")
            xml.text("lomimscc:string", licence, [("language", lang)])
            xml.end()
            xml.end()
        }
        xml.end()
        xml.end()
    }

    // MARK: - Organization: programme → session → day → agenda item

    private func writeOrganization(_ xml: inout XMLWriter) {
        let pages = Pages(builder: builder, state: state)
        xml.start("organizations")
        xml.start("organization", [("identifier", "org"), ("structure", "rooted-hierarchy")])
        xml.start("item", [("identifier", "root")])
        xml.start("item", [("identifier", "programme")])
        xml.text("title", builder.curriculum.title.text(in: language))
        xml.start("item", [("identifier", state.sessionItemID)])
        xml.text("title", builder.session.title.text(in: language))
        for (dayIndex, day) in state.timetable.days.enumerated() {
            let participantItems = state.items.filter { $0.dayIndex == dayIndex && $0.isForParticipants }
            xml.start("item", [("identifier", state.dayItemIDs[dayIndex])])
            xml.text("title", pages.dayHeading(day))
            for item in participantItems {
                guard let itemID = item.itemID, let pageID = item.pageID else { continue }
                xml.start("item", [("identifier", itemID), ("identifierref", pageID)])
                xml.text("title", Pages.title(item.slot.item.title.text(in: language), fallback: item.slot.item.id))
                xml.end()
            }
            xml.end()
        }
        xml.end()
        xml.end()
        xml.end()
        xml.end()
        xml.end()
    }

    // MARK: - Resources

    private func writeResources(_ xml: inout XMLWriter) {
        xml.start("resources")
        // One page per participant agenda item; its participant handouts are dependencies.
        for item in state.items where item.isForParticipants {
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
