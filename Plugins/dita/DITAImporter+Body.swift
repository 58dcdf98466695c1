import CurriculumImportKit
import CurriculumModel
import CurriculumXML
import Foundation

extension DITAImporter {
    // MARK: - Rich text

    /// Converts the children of an element (a body, a section, a note) into rich text, reporting what the
    /// converter had to leave out.
    mutating func richText(
        fromChildrenOf element: XMLElement, in file: String, harvest: inout BodyHarvest
    )
        -> RichText?
    {
        let children = normaliseChildren(of: element, in: file, harvest: &harvest)
        return richText(from: children, at: element, in: file)
    }

    /// Converts already normalised content into rich text.
    mutating func richText(from children: [XMLContent], at origin: XMLElement, in file: String) -> RichText? {
        let container = XMLElement(name: "div", children: children, position: origin.position)
        let conversion = RichTextConverter.blocks(from: container)
        for name in conversion.dropped {
            reportUnmapped(Self.firstElement(named: name, in: container) ?? origin, in: file)
        }
        guard !conversion.blocks.isEmpty else { return nil }
        return RichText(blocks: conversion.blocks, location: location(of: origin, in: file))
    }

    /// The text of a title, question or objective, with key references resolved and whitespace collapsed.
    mutating func inlineText(of element: XMLElement, in file: String) -> String {
        var harvest = BodyHarvest()
        let children = normaliseChildren(of: element, in: file, harvest: &harvest)
        return PlainText.of(XMLElement(name: "ph", children: children))
    }

    // MARK: - Normalising

    /// The children of an element rewritten into the vocabulary of `RichTextConverter`, with the Learning &
    /// Training elements that map elsewhere (notes, objectives, durations, audiences, interactions) moved into
    /// the harvest, images and links registered as resources, and key references resolved.
    mutating func normaliseChildren(
        of element: XMLElement, in file: String, harvest: inout BodyHarvest
    )
        -> [XMLContent]
    {
        var result: [XMLContent] = []
        for child in element.children {
            switch child {
            case .text: result.append(child)
            case .element(let inner): result.append(contentsOf: normalise(inner, in: file, harvest: &harvest))
            }
        }
        return result
    }

    private mutating func normalise(
        _ element: XMLElement, in file: String, harvest: inout BodyHarvest
    )
        -> [XMLContent]
    {
        let name = DITAVocabulary.baseName(element.name)
        if let condition = Self.profilingCondition(of: element) {
            // Conditional content is for some readers only; a participant must never read what was profiled for
            // instructors (or for another audience, platform or product), so it goes to the facilitator notes.
            report.warning(
                DITACode.profiledContent,
                "<\(element.name)> is profiled (\(condition)); it is kept in the facilitator notes, not in participant text",
                at: location(of: element, in: file),
                hint: "Filter the map with a DITAVAL file before importing to choose what participants read.")
            harvest.notes.append(rewritten(element, as: "div", in: file, harvest: &harvest))
            return []
        }
        if element[attribute: "conref"] == nil, let conkeyref = element[attribute: "conkeyref"] {
            // Content reused through a key: the element takes the content of the element the key's topic holds
            // (when that fails, the reason is reported and the element's own content stays).
            if reuseDepth < Self.maxReuseDepth, let reused = keyedReuse(element, conkeyref: conkeyref, in: file) {
                reuseDepth += 1
                defer { reuseDepth -= 1 }
                return normalise(reused, in: file, harvest: &harvest)
            }
        } else if let reuse = element[attribute: "conref"] ?? element[attribute: "conkeyref"] {
            report.warning(
                DITACode.unresolvedReuse,
                "<\(element.name)> reuses content from \"\(reuse)\", which the importer does not resolve; only the element's own content was imported",
                at: location(of: element, in: file),
                hint: "Resolve the reuse before importing, for example with DITA-OT's preprocessing.")
        }
        switch name {
        case "lcInstructornote":
            harvest.notes.append(rewritten(element, as: "div", in: file, harvest: &harvest))
            return []
        case "lcObjectives":
            harvest.objectives.append(contentsOf: Self.descendants(of: element) { $0.name == "lcObjective" })
            return []
        case "lcDuration":
            harvest.durations.append(element)
            return []
        case "lcAudience":
            harvest.audiences.append(rewritten(element, as: "section", in: file, harvest: &harvest))
            return []
        case "lcInteraction":
            harvest.isPractical = true
            collectInteractions(in: element, file: file, harvest: &harvest)
            return []
        case _ where DITAVocabulary.questionTypes[name] != nil || DITAVocabulary.unsupportedInteractions.contains(name):
            harvest.isPractical = true
            harvest.interactions.append(element)
            return []
        case "image":
            registerImage(element, in: file, harvest: &harvest)
            return []
        case "xref", "link":
            return crossReference(element, in: file, harvest: &harvest)
        default:
            break
        }
        if name == "fig" {
            let outer = harvest.figureTitle
            harvest.figureTitle = element.element(named: "title").map(PlainText.of).flatMap { $0.isEmpty ? nil : $0 }
            defer { harvest.figureTitle = outer }
            return [.element(rewritten(element, as: "fig", in: file, harvest: &harvest))]
        }
        if name == "lcChallenge" { harvest.isPractical = true }
        if DITAVocabulary.sectionLike.contains(name) {
            return [.element(rewritten(element, as: "section", in: file, harvest: &harvest))]
        }
        if let list = DITAVocabulary.renamed[name] {
            if name == "steps" || name == "steps-unordered" { harvest.isPractical = true }
            return [.element(rewritten(element, as: list, in: file, harvest: &harvest))]
        }
        if let keyref = element[attribute: "keyref"] {
            return keyedPhrase(element, keyref: keyref, in: file, harvest: &harvest)
        }
        if DITAVocabulary.phrases.contains(name) {
            return normaliseChildren(of: element, in: file, harvest: &harvest)
        }
        if name == "q" {
            return [.text("\u{201C}")] + normaliseChildren(of: element, in: file, harvest: &harvest) + [
                .text("\u{201D}")
            ]
        }
        return [.element(rewritten(element, as: element.name, in: file, harvest: &harvest))]
    }

    /// Audience values that name learners: content profiled only for them is participant text.
    static let learnerAudiences: Set<String> = [
        "learner", "learners", "student", "students", "participant", "participants", "trainee", "trainees",
        "novice", "user", "users", "all",
    ]

    /// The profiling attributes an element carries (`audience="instructor"`, `platform="web"` …), written as
    /// `name="value"`; `nil` when the element is for every reader or only for learners.
    static func profilingCondition(of element: XMLElement) -> String? {
        var conditions: [String] = []
        for attribute in ["audience", "platform", "product", "otherprops", "props", "deliveryTarget"] {
            guard let value = element[attribute: attribute]?.trimmingCharacters(in: .whitespaces), !value.isEmpty
            else { continue }
            if attribute == "audience" {
                let tokens = value.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
                if tokens.allSatisfy(learnerAudiences.contains) { continue }
            }
            conditions.append("\(attribute)=\"\(value)\"")
        }
        return conditions.isEmpty ? nil : conditions.joined(separator: " ")
    }

    /// A copy of an element under another name, its children normalised.
    private mutating func rewritten(
        _ element: XMLElement, as name: String, in file: String, harvest: inout BodyHarvest
    ) -> XMLElement {
        XMLElement(
            name: name, attributes: element.attributes,
            children: normaliseChildren(of: element, in: file, harvest: &harvest), position: element.position)
    }

    private mutating func collectInteractions(in element: XMLElement, file: String, harvest: inout BodyHarvest) {
        for child in element.elements {
            let name = DITAVocabulary.baseName(child.name)
            if DITAVocabulary.questionTypes[name] != nil || DITAVocabulary.unsupportedInteractions.contains(name) {
                harvest.interactions.append(child)
            } else if name == "title" || name == "lcInteractionLabel" {
                continue
            } else {
                reportUnmapped(child, in: file, context: "<\(element.name)>")
            }
        }
    }

    // MARK: - Keys

    /// `<keyword keyref>`, `<ph keyref>`, `<term keyref>` …: an empty element takes the key's text; the content
    /// is spliced into the surrounding text.
    private mutating func keyedPhrase(
        _ element: XMLElement, keyref: String, in file: String, harvest: inout BodyHarvest
    ) -> [XMLContent] {
        let children = normaliseChildren(of: element, in: file, harvest: &harvest)
        let ownText = PlainText.of(XMLElement(name: "ph", children: children))
        guard let definition = keys?.definition(for: keyref) else {
            reportUndefinedKey(keyref, on: element, in: file)
            return children
        }
        guard ownText.isEmpty, let text = definition.keyword ?? definition.linkText else { return children }
        return [.text(text)]
    }

    private mutating func reportUndefinedKey(_ keyref: String, on element: XMLElement, in file: String) {
        report.warning(
            DITACode.undefinedInlineKey,
            "<\(element.name) keyref=\"\(keyref)\"> names a key that neither \(mapPath) nor the maps it refers to define; the element's own text was kept",
            at: location(of: element, in: file),
            hint: "Define the key in the map with <keydef keys=\"\(keyref)\" …>, or correct the key name.")
    }

    // MARK: - Links and images

    /// An `<xref>` or `<link>`: a URL stays a link and becomes a link resource; a local file becomes a file
    /// resource and its text stays; a reference to another topic keeps only its text.
    private mutating func crossReference(
        _ element: XMLElement, in file: String, harvest: inout BodyHarvest
    )
        -> [XMLContent]
    {
        var href = element[attribute: "href"]
        var scope = element[attribute: "scope"]
        var format = element[attribute: "format"]
        var base = file
        var keyText: String?
        if let keyref = element[attribute: "keyref"] {
            if let definition = keys?.definition(for: keyref) {
                if href == nil, let target = definition.href {
                    href = target
                    base = definition.base
                    scope = scope ?? definition.scope
                    format = format ?? definition.format
                }
                keyText = definition.linkText ?? definition.keyword
            } else {
                reportUndefinedKey(keyref, on: element, in: file)
            }
        }
        var children = normaliseChildren(of: element, in: file, harvest: &harvest)
        // <linktext> and <desc> of a <link> are read as text; a <desc> would only repeat it.
        children = children.filter {
            if case .element(let inner) = $0 { return inner.name != "desc" }
            return true
        }
        let text = PlainText.of(XMLElement(name: "ph", children: children))
        if text.isEmpty, let fallback = keyText ?? href.map({ linkedTopicTitle($0, from: base, format: format) ?? $0 })
        {
            children = [.text(fallback)]
        }
        // A key's link text names the resource better than the words that happen to link to it.
        let label = keyText ?? (text.isEmpty ? href ?? "" : text)
        guard let target = href?.trimmingWhitespace(), !target.isEmpty else {
            return children
        }
        if scope == "external" || SourceTree.hasScheme(target) {
            if target.lowercased().hasPrefix("http://") || target.lowercased().hasPrefix("https://") {
                let id = resources.link(target, title: label, location: location(of: element, in: file), ids: &ids)
                harvest.use(resource: id)
            }
            let link = XMLElement(
                name: "xref", attributes: [XMLAttribute(name: "href", value: target)], children: children,
                position: element.position)
            return [.element(link)]
        }
        if Self.isTopicReference(target, format: format) { return children }
        if let id = registerFile(target, from: base, title: label, kind: nil, alt: nil, at: element, in: file) {
            harvest.use(resource: id)
        }
        return children
    }

    /// The title of the topic an empty cross-reference points at, so the reference reads as that title; `nil`
    /// when the target is not a topic of the source. Only already readable files are consulted, without
    /// reporting: a broken target is not the referring topic's problem.
    private mutating func linkedTopicTitle(_ href: String, from base: String, format: String?) -> String? {
        guard Self.isTopicReference(href, format: format), !SourceTree.hasScheme(href) else { return nil }
        let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let path = parts[0].isEmpty ? base : tree.resolve(parts[0], from: base)
        guard let path, tree.exists(path) else { return nil }
        let root: XMLElement?
        if let cached = parsedFiles[path] {
            root = cached
        } else {
            var ignored = ImportReport()
            root = reader.parse(path, report: &ignored)
            // Only a clean parse is kept: a refused file must still be reported when a map reference reads it.
            if let root { parsedFiles.updateValue(root, forKey: path) }
        }
        guard let root else { return nil }
        let topicID = parts.count > 1 ? parts[1].split(separator: "/").first.map(String.init) : nil
        let topics = [root] + Self.descendants(of: root) { DITAVocabulary.topicTypes.contains($0.name) }
        let target =
            topicID.flatMap { id in topics.first { $0[attribute: "id"] == id } }
            ?? topics.first { DITAVocabulary.topicTypes.contains($0.name) }
        let title = target?.element(named: "title").map(PlainText.of)
        return title.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Registers an `<image>` as an image resource, with its `<alt>` as the text alternative.
    private mutating func registerImage(_ element: XMLElement, in file: String, harvest: inout BodyHarvest) {
        var href = element[attribute: "href"]
        var base = file
        if let keyref = element[attribute: "keyref"] {
            if let definition = keys?.definition(for: keyref) {
                if href == nil {
                    href = definition.href
                    base = definition.base
                }
            } else {
                reportUndefinedKey(keyref, on: element, in: file)
            }
        }
        guard let target = href?.trimmingWhitespace(), !target.isEmpty else { return }
        let alt = element.element(named: "alt").map { inlineText(of: $0, in: file) } ?? element[attribute: "alt"]
        let altText = alt.flatMap { $0.isEmpty ? nil : $0 }
        let name = harvest.figureTitle ?? (target as NSString).lastPathComponent
        if SourceTree.hasScheme(target) {
            let id = resources.link(
                target, title: name, location: location(of: element, in: file), ids: &ids, kind: "image",
                alt: altText)
            harvest.use(resource: id)
            return
        }
        if let id = registerFile(target, from: base, title: name, kind: "image", alt: altText, at: element, in: file) {
            harvest.use(resource: id)
        }
    }

    /// Registers a local file a topic or the map refers to; reports it when it is not in the source.
    mutating func registerFile(
        _ href: String, from base: String, title: String, kind: String?, alt: String?, at element: XMLElement,
        in file: String
    ) -> String? {
        guard let path = tree.resolve(href, from: base), tree.exists(path) else {
            report.warning(
                DITACode.missingAsset,
                "\"\(href)\" is not a file in the source, so it was not imported as a resource",
                at: location(of: element, in: file), hint: "Add the file to the course folder, or correct the path.")
            return nil
        }
        return resources.file(
            path, assetName: assetName(for: path), title: title, kind: kind, alt: alt,
            location: location(of: element, in: file), ids: &ids, assets: &assets)
    }

    /// Where an asset is written below `files/`: relative to the map's folder, so a zip that wraps the course
    /// in a folder of its own gives the same paths as the folder; the path in the source when the file lies
    /// outside the map's folder or the shorter name is taken by another file.
    private func assetName(for path: String) -> String? {
        let folder = (mapPath as NSString).deletingLastPathComponent
        guard !folder.isEmpty, path.hasPrefix(folder + "/") else { return nil }
        let relative = String(path.dropFirst(folder.count + 1))
        return tree.contains(relative) ? nil : relative
    }

    /// Whether an `href` points at another DITA topic (or an element of this one) rather than at a file.
    static func isTopicReference(_ href: String, format: String?) -> Bool {
        if href.hasPrefix("#") { return true }
        if let format { return format == "dita" }
        let path = href.split(separator: "#", maxSplits: 1).first.map(String.init) ?? href
        let ext = (path as NSString).pathExtension.lowercased()
        return ext == "dita" || ext == "xml"
    }

    /// Whether a map reference's target is a topic: `format="dita"`, or no format and an extension that is not
    /// a known resource file (`.dita`, `.xml`, or none).
    static func isTopicTarget(_ href: String, format: String?) -> Bool {
        if let format { return format == "dita" }
        let path = href.split(separator: "#", maxSplits: 1).first.map(String.init) ?? href
        let ext = (path as NSString).pathExtension.lowercased()
        return ext.isEmpty || ext == "dita" || ext == "xml"
    }

    // MARK: - Tree search

    /// The first element with this name, depth first.
    static func firstElement(named name: String, in root: XMLElement) -> XMLElement? {
        descendants(of: root) { $0.name == name }.first
    }

    /// The descendants that match, in document order.
    static func descendants(of root: XMLElement, where matches: (XMLElement) -> Bool) -> [XMLElement] {
        var result: [XMLElement] = []
        var stack = Array(root.elements.reversed())
        while let element = stack.popLast() {
            if matches(element) { result.append(element) }
            stack.append(contentsOf: element.elements.reversed())
        }
        return result
    }
}
