import CurriculumImportKit
import CurriculumModel
import CurriculumXML
import Foundation

extension DITAImporter {
    // MARK: - Header

    /// The map's ID, title (`<title>`, `@title`, `<booktitle><mainbooktitle>`), summary, keywords and language.
    mutating func readHeader(of map: XMLElement) -> MapHeader {
        var header = MapHeader(
            id: map[attribute: "id"], language: map[attribute: "xml:lang"], location: location(of: map, in: mapPath))
        if let booktitle = map.element(named: "booktitle") {
            header.title = booktitle.element(named: "mainbooktitle").map { inlineText(of: $0, in: mapPath) }
            header.subtitle = booktitle.element(named: "booktitlealt").map { inlineText(of: $0, in: mapPath) }
            for part in booktitle.elements where !["mainbooktitle", "booktitlealt"].contains(part.name) {
                reportUnmapped(part, in: mapPath, context: "<booktitle>")
            }
        }
        if header.title?.isEmpty ?? true, let title = map.element(named: "title") {
            header.title = inlineText(of: title, in: mapPath)
        }
        if header.title?.isEmpty ?? true { header.title = map[attribute: "title"] }
        if let meta = map.element(named: "topicmeta") {
            let read = readTopicmeta(meta, usesKeywords: true)
            if header.title?.isEmpty ?? true { header.title = read.title }
            header.summary = read.summary
            header.keywords = read.keywords
        }
        if let bookmeta = map.element(named: "bookmeta") { reportUnmapped(bookmeta, in: mapPath) }
        return header
    }

    /// What a `topicmeta` holds that the importer uses: the navigation title, short description, keywords and
    /// the typical learning time. Anything else in it is reported.
    mutating func readTopicmeta(
        _ meta: XMLElement, usesKeywords: Bool
    )
        -> (title: String?, summary: [Block], keywords: [String], learningTime: WrittenDuration?)
    {
        var title: String?
        var summary: [Block] = []
        var keywords: [String] = []
        var learningTime: WrittenDuration?
        for child in meta.elements {
            switch child.name {
            case "navtitle", "linktext", "searchtitle":
                let text = inlineText(of: child, in: mapPath)
                if child.name == "navtitle" || title == nil, !text.isEmpty { title = title ?? text }
            case "shortdesc":
                var harvest = BodyHarvest()
                summary = richText(fromChildrenOf: child, in: mapPath, harvest: &harvest)?.blocks ?? []
            case "keywords" where usesKeywords:
                keywords += child.elements.map { inlineText(of: $0, in: mapPath) }.filter { !$0.isEmpty }
            case "lcLom", "metadata", "data", "othermeta":
                if let time = declaredTime(in: child) { learningTime = learningTime ?? time }
            default:
                reportUnmapped(child, in: mapPath, context: "<topicmeta>")
            }
        }
        return (title, summary, keywords, learningTime)
    }

    /// A learning time declared in metadata: `lomTypicalLearningTime` in `lcLom`, or `<data>` or `<othermeta>`
    /// named `duration`; the other metadata in the element is reported.
    private mutating func declaredTime(in element: XMLElement) -> WrittenDuration? {
        if Self.isDurationMetadata(element) || element.name == "lomTypicalLearningTime" {
            let value = PlainText.collapse(
                element[attribute: "value"] ?? element[attribute: "content"] ?? PlainText.of(element))
            return value.isEmpty ? nil : WrittenDuration(text: value, location: location(of: element, in: mapPath))
        }
        guard ["lcLom", "metadata"].contains(element.name) else {
            reportUnmapped(element, in: mapPath, context: "<topicmeta>")
            return nil
        }
        var found: WrittenDuration?
        for part in element.elements {
            if let time = declaredTime(in: part) { found = found ?? time }
        }
        return found
    }

    // MARK: - Structure

    /// The map's learning groups, learning objects and topic references in reading order. A map without the
    /// learning map domain is read as a plain map: each top-level reference, with everything below it, is one
    /// learning object.
    mutating func readOutline(of map: XMLElement) -> [OutlineEntry] {
        guard MapChooser.isLearningMap(map) || hasLearningSubmap(map) else {
            var entries: [OutlineEntry] = []
            for element in map.elements {
                let references = readEntries([element], inObject: true).compactMap { entry -> TopicReference? in
                    if case .topic(let reference) = entry { return reference }
                    return nil
                }
                guard !references.isEmpty else { continue }
                let title =
                    element.element(named: "topicmeta").flatMap { meta in
                        meta.element(named: "navtitle").map { inlineText(of: $0, in: mapPath) }
                    } ?? element[attribute: "navtitle"]
                entries.append(
                    .object(
                        LearningObjectNode(
                            id: element[attribute: "id"], title: title, summary: [],
                            location: location(of: element, in: mapPath), references: references)))
            }
            return entries
        }
        return readEntries(map.elements, inObject: false)
    }

    /// Whether a map that is not itself written with the learning map domain refers to submaps that are
    /// (a course map made of `learningGroupMap` files).
    private func hasLearningSubmap(_ map: XMLElement) -> Bool {
        var probe = ImportReport()
        for href in MapChooser.mapReferences(in: map) {
            guard let path = tree.resolve(href, from: mapPath), tree.exists(path),
                let root = reader.parse(path, report: &probe)
            else { continue }
            if MapChooser.isLearningMap(root) { return true }
        }
        return false
    }

    private mutating func readEntries(_ elements: [XMLElement], inObject: Bool) -> [OutlineEntry] {
        var entries: [OutlineEntry] = []
        for element in elements {
            let name = element.name
            if ["title", "topicmeta", "booktitle", "bookmeta", "keydef"].contains(name)
                || DITAVocabulary.generatedLists.contains(name)
            {
                continue
            }
            if element[attribute: "processing-role"] == "resource-only" { continue }
            if Self.isSubmapReference(element) {
                entries += followSubmap(element, inObject: inObject)
                continue
            }
            switch name {
            case "learningGroup" where !inObject:
                let meta = element.element(named: "topicmeta").map { readTopicmeta($0, usesKeywords: false) }
                entries.append(
                    .group(
                        LearningGroupNode(
                            id: element[attribute: "id"], title: meta?.title ?? element[attribute: "navtitle"],
                            summary: meta?.summary ?? [], location: location(of: element, in: mapPath),
                            entries: readEntries(element.elements, inObject: false))))
            case "learningObject" where !inObject:
                let meta = element.element(named: "topicmeta").map { readTopicmeta($0, usesKeywords: false) }
                let references = readEntries(element.elements, inObject: true).compactMap {
                    entry -> TopicReference? in
                    if case .topic(let reference) = entry { return reference }
                    return nil
                }
                entries.append(
                    .object(
                        LearningObjectNode(
                            id: element[attribute: "id"], title: meta?.title ?? element[attribute: "navtitle"],
                            summary: meta?.summary ?? [], location: location(of: element, in: mapPath),
                            references: references)))
            case "learningGroup", "learningObject":
                // Not allowed inside a learning object; read through.
                entries += readEntries(element.elements, inObject: true)
            case "mapref", "learningGroupMapRef", "learningObjectMapRef":
                reportSubmap(element)
            default:
                let role = ReferenceRole(element: name)
                guard role != nil || DITAVocabulary.genericReferences.contains(name) else {
                    reportUnmapped(element, in: mapPath)
                    continue
                }
                if let reference = topicReference(element, role: role ?? .generic) {
                    entries.append(.topic(reference))
                }
                entries += readEntries(element.elements, inObject: inObject)
            }
        }
        return entries
    }

    /// Whether a map element refers to another map (`mapref`, `learningGroupMapRef`, a `topicref` to a
    /// `.ditamap` or with `format="ditamap"`).
    static func isSubmapReference(_ element: XMLElement) -> Bool {
        if ["mapref", "learningGroupMapRef", "learningObjectMapRef"].contains(element.name) { return true }
        if element[attribute: "scope"] == "external" || element[attribute: "scope"] == "peer" { return false }
        if element[attribute: "format"] == "ditamap" { return true }
        return element[attribute: "href"]?.lowercased().split(separator: "#").first?.hasSuffix(".ditamap") ?? false
    }

    /// The entries of a submap, read as if written in place of the reference (as DITA resolves map references);
    /// a submap that is missing, broken, or refers back to a map being read is reported and left out.
    private mutating func followSubmap(_ element: XMLElement, inObject: Bool) -> [OutlineEntry] {
        let here = location(of: element, in: mapPath)
        var href = element[attribute: "href"]
        var base = mapPath
        if href == nil, let keyref = element[attribute: "keyref"], let definition = keys?.definition(for: keyref) {
            href = definition.href
            base = definition.base
        }
        guard let written = href, let path = tree.resolve(written, from: base) else {
            reportSubmap(element)
            return []
        }
        guard !openMaps.contains(path), openMaps.count < 16 else {
            report.warning(
                DITACode.submapNotFollowed,
                "<\(element.name) href=\"\(written)\"> refers back to a map that is already being read; it is not followed again",
                at: here)
            return []
        }
        guard tree.exists(path) else {
            report.warning(
                DITACode.missingTopic,
                "<\(element.name) href=\"\(written)\">: the map \"\(path)\" does not exist in the source; the rest of the course was imported without it",
                at: here)
            return []
        }
        guard let root = reader.parsePart(path, report: &report, referencedFrom: here) else { return [] }
        let outer = mapPath
        openMaps.insert(path)
        mapPath = path
        defer {
            mapPath = outer
            openMaps.remove(path)
        }
        return readEntries(root.elements, inObject: inObject)
    }

    private mutating func reportSubmap(_ element: XMLElement) {
        let target = element[attribute: "href"] ?? element[attribute: "keyref"] ?? ""
        report.warning(
            DITACode.submapNotFollowed,
            "<\(element.name)> refers to the map \"\(target)\", which the importer does not follow; its topics were not imported",
            at: location(of: element, in: mapPath), hint: "Import that map on its own, or merge it into this one.")
    }

    /// The topic a map element refers to, checked: key resolved, `href` present and inside the source, the file
    /// there. Non-DITA targets become resources. `nil` for a pure grouping element or after a reported problem.
    private mutating func topicReference(_ element: XMLElement, role: ReferenceRole) -> TopicReference? {
        let here = location(of: element, in: mapPath)
        if let condition = Self.profilingCondition(of: element) {
            // A whole topic profiled for instructors (or another audience) must not become participant material.
            report.warning(
                DITACode.profiledContent,
                "<\(element.name) href=\"\(element[attribute: "href"] ?? element[attribute: "keyref"] ?? "")\"> is profiled (\(condition)); the topic is left out so that participants do not receive it",
                at: here,
                hint:
                    "Filter the map with a DITAVAL file before importing, or import the instructor topics on their own."
            )
            return nil
        }
        var href = element[attribute: "href"]
        var scope = element[attribute: "scope"]
        var format = element[attribute: "format"]
        // A key's target is relative to the map that defines the key, which may be a submap.
        var base = mapPath
        var learningTime: WrittenDuration?
        var navtitle: String?
        if let meta = element.element(named: "topicmeta") {
            let read = readTopicmeta(meta, usesKeywords: element[attribute: "keys"] != nil)
            learningTime = read.learningTime
            navtitle = read.title
        }
        if href == nil, let keyref = element[attribute: "keyref"] {
            guard let definition = keys?.definition(for: keyref) else {
                report.warning(
                    DITACode.undefinedTopicKey,
                    "<\(element.name) keyref=\"\(keyref)\"> names a key that neither \(mapPath) nor the maps it refers to define",
                    at: here, hint: "Define the key with <keydef keys=\"\(keyref)\" href=\"…\"/>, or correct the name.")
                return nil
            }
            guard let target = definition.href, !target.trimmingCharacters(in: .whitespaces).isEmpty else {
                report.warning(
                    DITACode.undefinedTopicKey,
                    "<\(element.name) keyref=\"\(keyref)\">: the key is defined at line \(definition.location.line) without an href, so it names no topic",
                    at: here, hint: "Give the key definition an href to the topic.")
                return nil
            }
            href = target
            base = definition.base
            scope = scope ?? definition.scope
            format = format ?? definition.format
        }
        guard let written = href else { return nil }
        let target = written.trimmingWhitespace()
        guard !target.isEmpty else {
            report.warning(
                DITACode.emptyHref, "<\(element.name)> has an empty href, so it names no topic", at: here,
                hint: "Point href at the topic file, or remove the reference.")
            return nil
        }
        if scope == "external" || SourceTree.hasScheme(target) {
            _ = resources.link(target, title: navtitle ?? target, location: here, ids: &ids)
            return nil
        }
        if format == "ditamap" || target.lowercased().hasSuffix(".ditamap") {
            reportSubmap(element)
            return nil
        }
        if scope == "peer" {
            report.warning(
                DITACode.notATopic,
                "<\(element.name) href=\"\(target)\" scope=\"peer\"> points at another publication, which is not part of this source",
                at: here)
            return nil
        }
        guard let path = tree.resolve(target, from: base) else {
            report.warning(
                DITACode.missingTopic, "<\(element.name) href=\"\(target)\"> points outside the source", at: here,
                hint: "Keep every topic inside the folder or zip being imported.")
            return nil
        }
        guard Self.isTopicTarget(target, format: format) else {
            _ = registerFile(
                target, from: base, title: navtitle ?? (path as NSString).lastPathComponent, kind: nil, alt: nil,
                at: element, in: mapPath)
            return nil
        }
        guard tree.exists(path) else {
            report.warning(
                DITACode.missingTopic,
                "<\(element.name) href=\"\(target)\">: the topic file \"\(path)\" does not exist in the source; the rest of the course was imported without it",
                at: here, hint: "Add the topic file, or correct the href (paths are relative to the map).")
            return nil
        }
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            let rest = target[target.index(after: hash)...]
            let id = rest.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
            fragment = id.isEmpty ? nil : id
        }
        return TopicReference(
            path: path, fragment: fragment, role: role, location: here, typicalLearningTime: learningTime)
    }
}
