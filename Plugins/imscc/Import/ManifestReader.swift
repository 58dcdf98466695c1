import CurriculumImportKit
import CurriculumModel
import CurriculumXML
import Foundation

/// Reads the parsed `imsmanifest.xml` into a ``PackageManifest``: detects the flavour, picks the default
/// organisation, resolves every file against the package, and reports duplicates, missing files, references out
/// of the package and every element it does not map.
///
/// Elements are matched on their local names, so the namespaces of every CC version and SCORM edition are read
/// alike; an unknown namespace is reported once and the structure read anyway.
struct ManifestReader {
    /// Item children that SCORM and CP define for learning platforms (sequencing, navigation, time limits…).
    static let platformItemElements: Set<String> = [
        "prerequisites", "maxtimeallowed", "timelimitaction", "datafromlms", "masteryscore", "completionthreshold",
        "data", "sequencing", "presentation",
    ]

    /// Reads the manifest's root element; `nil` (with an error reported) when it is not a content package.
    func read(_ root: XMLElement, state: inout ImportState) -> PackageManifest? {
        guard root.name == "manifest" else {
            state.report.error(
                CCCode.notAPackage,
                "the root element of \"\(state.manifestPath)\" is <\(root.name)>, not <manifest>: this is not an IMS content package",
                at: state.location(root),
                hint: "Point the import at the folder or archive of a Common Cartridge or SCORM package.")
            return nil
        }
        guard root.element(named: "organizations") != nil || root.element(named: "resources") != nil else {
            state.report.error(
                CCCode.notAPackage,
                "the manifest has neither <organizations> nor <resources>: this is not an IMS content package",
                at: state.location(root))
            return nil
        }
        checkIdentifiers(root, state: &state)
        let metadata = root.element(named: "metadata")
        let flavour = detectFlavour(root, metadata: metadata, state: &state)
        state.report.note(CCCode.flavour, "the package is read as \(flavour.displayName)", at: state.location(root))
        var manifest = PackageManifest(
            flavour: flavour, identifier: root[attribute: "identifier"], lom: LOMRecord(), organization: nil,
            resources: [], location: state.location(root))
        for child in root.elements {
            switch child.name {
            case "metadata": manifest.lom = readMetadata(child, state: &state, isManifestLevel: true)
            case "organizations": continue
            case "resources": manifest.resources = readResources(child, state: &state)
            case "authorizations":
                state.notImported(child, in: state.manifestPath, what: "Common Cartridge access rules")
            case "manifest": state.notImported(child, in: state.manifestPath, what: "a sub-manifest")
            case "sequencingCollection": state.notImported(child, in: state.manifestPath, what: "SCORM sequencing")
            default: state.unknownElement(child, in: state.manifestPath, parent: root.name)
            }
        }
        if let organizations = root.element(named: "organizations") {
            manifest.organization = readOrganizations(organizations, manifest: manifest, state: &state)
        }
        return manifest
    }

    // MARK: - Flavour

    private func detectFlavour(
        _ root: XMLElement, metadata: XMLElement?, state: inout ImportState
    )
        -> PackageFlavour
    {
        let schemaElement = metadata?.element(named: "schema")
        let versionElement = metadata?.element(named: "schemaversion")
        let schema = schemaElement.map { LOMReader.plain($0.textContent) }
        let version = versionElement.map { LOMReader.plain($0.textContent) }
        let byNamespace = PackageFlavour.flavour(namespace: root.namespace)
        let byVersion = PackageFlavour.flavour(schema: schema, version: version)
        if byNamespace == nil {
            let namespace = root.namespace.map { "\"\($0)\"" } ?? "no namespace"
            let reading = (byVersion ?? .contentPackage).displayName
            state.report.warning(
                CCCode.unknownFlavour,
                "the manifest's namespace is \(namespace), which is not one of IMS CC 1.0–1.3, SCORM 1.2 or 2004; it is read as \(reading)",
                at: state.location(root),
                hint: "Check the result: elements were matched on their names only.")
        }
        if let version, byVersion == nil, let element = versionElement ?? schemaElement {
            let described = [schema, version].compactMap { $0 }.joined(separator: " ")
            state.report.warning(
                CCCode.unknownFlavour,
                "the schema version \"\(described)\" is not one this importer knows; the package is read as \((byNamespace ?? .contentPackage).displayName)",
                at: state.location(element))
        }
        switch (byNamespace, byVersion) {
        case (.contentPackage, let named?): return named
        case (.contentPackage, nil): return Self.usesSCORMAttributes(root) ? .scorm2004 : .contentPackage
        case (let known?, let named?) where known != named:
            let element = versionElement ?? root
            state.report.warning(
                CCCode.unknownFlavour,
                "the namespace says \(known.displayName) but the schema version says \(named.displayName); it is read as \(known.displayName)",
                at: state.location(element))
            return known
        case (let known?, _): return known
        case (nil, let named): return named ?? .contentPackage
        }
    }

    /// Whether any resource carries SCORM's `scormType` attribute.
    private static func usesSCORMAttributes(_ root: XMLElement) -> Bool {
        (root.element(named: "resources")?.elements(named: "resource") ?? []).contains { resource in
            resource.attributes.contains { $0.name.lowercased() == "scormtype" }
        }
    }

    // MARK: - Identifiers

    /// Reports identifiers used twice among organisations, items and resources.
    private func checkIdentifiers(_ root: XMLElement, state: inout ImportState) {
        var seen: [String: SourceLocation] = [:]
        var stack: [XMLElement] = [root]
        var found: [(String, XMLElement)] = []
        while let element = stack.popLast() {
            if ["organization", "item", "resource"].contains(element.name),
                let identifier = element[attribute: "identifier"]
            {
                found.append((identifier, element))
            }
            stack += element.elements.reversed()
        }
        for (identifier, element) in found {
            let location = state.location(element)
            if let first = seen[identifier] {
                state.report.warning(
                    CCCode.duplicateIdentifier,
                    "the identifier \"\(identifier)\" is already used at line \(first.line); references reach the first element with it",
                    at: location, hint: "Identifiers must be unique within a manifest.")
            } else {
                seen[identifier] = location
            }
        }
    }

    // MARK: - Metadata

    /// The LOM of a `<metadata>` element: inline `<lom>`, or the file `<adlcp:location>` names.
    func readMetadata(_ metadata: XMLElement, state: inout ImportState, isManifestLevel: Bool = false) -> LOMRecord {
        var record = LOMRecord()
        for child in metadata.elements {
            switch child.name.lowercased() {
            case "schema", "schemaversion": continue
            case "lom":
                record = record.filled(from: LOMReader(file: state.manifestPath).read(child, state: &state))
            case "location":
                record = record.filled(from: externalLOM(child, state: &state))
            case "curriculumstandardsmetadataset":
                state.notImported(child, in: state.manifestPath, what: "curriculum standards alignment")
            default: state.unknownElement(child, in: state.manifestPath, parent: metadata.name)
            }
        }
        return record
    }

    /// The LOM record in a file of its own (SCORM's `<adlcp:location>`).
    private func externalLOM(_ element: XMLElement, state: inout ImportState) -> LOMRecord {
        let href = LOMReader.plain(element.textContent)
        guard let path = state.resolve(href, base: "") else {
            state.report.warning(
                CCCode.referenceOutsidePackage,
                "the metadata file \"\(href)\" is outside the package and was not read", at: state.location(element))
            return LOMRecord()
        }
        guard state.tree.exists(path) else {
            state.report.warning(
                CCCode.missingFile, "the metadata file \"\(href)\" is not in the package",
                at: state.location(element))
            return LOMRecord()
        }
        guard let root = state.reader.parsePart(path, report: &state.report, referencedFrom: state.location(element))
        else { return LOMRecord() }
        guard root.name.lowercased() == "lom" else {
            state.unknownElement(root, in: path, parent: "metadata file")
            return LOMRecord()
        }
        return LOMReader(file: path).read(root, state: &state)
    }

    // MARK: - Organizations

    private func readOrganizations(
        _ organizations: XMLElement, manifest: PackageManifest, state: inout ImportState
    ) -> PackageManifest.Organization? {
        let all = organizations.elements(named: "organization")
        for other in organizations.elements where other.name != "organization" {
            state.unknownElement(other, in: state.manifestPath, parent: organizations.name)
        }
        guard let first = all.first else { return nil }
        var chosen = first
        if let wanted = organizations[attribute: "default"] {
            if let match = all.first(where: { $0[attribute: "identifier"] == wanted }) {
                chosen = match
            } else {
                state.report.warning(
                    CCCode.unknownDefaultOrganization,
                    "<organizations default=\"\(wanted)\"> names no organisation; the first one is imported",
                    at: state.location(organizations))
            }
        }
        for other in all where other.position != chosen.position {
            state.report.warning(
                CCCode.notImported,
                "the organisation \"\(other[attribute: "identifier"] ?? "")\" is not the default one and was not imported",
                at: state.location(other), hint: "Only the default organisation becomes sessions.")
        }
        var organization = PackageManifest.Organization(
            identifier: chosen[attribute: "identifier"] ?? "", title: nil, lom: LOMRecord(), items: [],
            location: state.location(chosen))
        for child in chosen.elements {
            switch child.name {
            case "title": organization.title = Self.title(child)
            case "item": organization.items.append(readItem(child, manifest: manifest, state: &state))
            case "metadata": organization.lom = readMetadata(child, state: &state)
            case "sequencing": state.notImported(child, in: state.manifestPath, what: "SCORM sequencing")
            default: state.unknownElement(child, in: state.manifestPath, parent: chosen.name)
            }
        }
        return organization
    }

    private func readItem(
        _ element: XMLElement, manifest: PackageManifest, state: inout ImportState
    )
        -> PackageManifest.Item
    {
        var item = PackageManifest.Item(
            identifier: element[attribute: "identifier"] ?? "", resourceIdentifier: nil, title: nil,
            lom: LOMRecord(), isHidden: element[attribute: "isvisible"]?.lowercased() == "false", children: [],
            location: state.location(element))
        if let reference = element[attribute: "identifierref"] {
            if manifest.resource(reference) != nil {
                item.resourceIdentifier = reference
            } else {
                state.report.warning(
                    CCCode.danglingReference,
                    "the item \"\(item.identifier)\" refers to the resource \"\(reference)\", which the manifest does not define; the item is imported without it",
                    at: item.location, hint: "Add the resource, or correct identifierref.")
            }
        }
        for child in element.elements {
            switch child.name.lowercased() {
            case "title": item.title = Self.title(child)
            case "item": item.children.append(readItem(child, manifest: manifest, state: &state))
            case "metadata": item.lom = item.lom.filled(from: readMetadata(child, state: &state))
            case "typicallearningtime":
                // Written by some SCORM 1.2 tools as adlcp:typicallearningtime (HH:MM:SS) on the item.
                let value = child.element(named: "datetime") ?? child
                if item.lom.learningTime == nil {
                    item.lom.learningTime = LOMRecord.LearningTime(
                        text: LOMReader.plain(value.textContent), location: state.location(value))
                }
            case let name where Self.platformItemElements.contains(name):
                state.notImported(child, in: state.manifestPath, what: "learning-platform behaviour")
            default: state.unknownElement(child, in: state.manifestPath, parent: element.name)
            }
        }
        return item
    }

    /// The text of a `<title>`, whitespace collapsed; `nil` when blank.
    static func title(_ element: XMLElement) -> String? {
        let text = LOMReader.plain(element.textContent).replacingOccurrences(of: "\n\n", with: " ")
        return text.isEmpty ? nil : text
    }

    // MARK: - Resources

    private func readResources(_ resources: XMLElement, state: inout ImportState) -> [PackageManifest.Resource] {
        let base = resources[attribute: "xml:base"] ?? ""
        var result: [PackageManifest.Resource] = []
        var identifiers: Set<String> = []
        for element in resources.elements {
            guard element.name == "resource" else {
                state.unknownElement(element, in: state.manifestPath, parent: resources.name)
                continue
            }
            let resource = readResource(element, base: base, state: &state)
            // A duplicate was reported with the identifiers; the first definition is the one references reach.
            if identifiers.insert(resource.identifier).inserted { result.append(resource) }
        }
        let known = identifiers
        for index in result.indices {
            result[index].dependencies = result[index].dependencies.filter { known.contains($0) }
        }
        checkDependencies(resources, known: known, state: &state)
        return result
    }

    private func checkDependencies(_ resources: XMLElement, known: Set<String>, state: inout ImportState) {
        for resource in resources.elements(named: "resource") {
            for dependency in resource.elements(named: "dependency") {
                guard let reference = dependency[attribute: "identifierref"], !known.contains(reference) else {
                    continue
                }
                state.report.warning(
                    CCCode.danglingReference,
                    "the resource \"\(resource[attribute: "identifier"] ?? "")\" depends on \"\(reference)\", which the manifest does not define",
                    at: state.location(dependency), hint: "Add the resource, or remove the dependency.")
            }
        }
    }

    private func readResource(
        _ element: XMLElement, base outerBase: String, state: inout ImportState
    )
        -> PackageManifest.Resource
    {
        let base = Self.joinBase(outerBase, element[attribute: "xml:base"] ?? "")
        var resource = PackageManifest.Resource(
            identifier: element[attribute: "identifier"] ?? "", type: element[attribute: "type"] ?? "",
            scormType: element.attributes.first { $0.name.lowercased() == "scormtype" }?.value.lowercased(),
            intendedUse: element[attribute: "intendeduse"], entry: .none, files: [], dependencies: [],
            lom: LOMRecord(), location: state.location(element))
        var listed: Set<String> = []
        for child in element.elements {
            switch child.name {
            case "metadata": resource.lom = readMetadata(child, state: &state)
            case "file":
                guard let href = child[attribute: "href"] else { continue }
                if let path = checkedFile(href, base: base, at: child, state: &state), !resource.files.contains(path) {
                    resource.files.append(path)
                }
                if let path = state.resolve(href, base: base) { listed.insert(path) }
                for inner in child.elements {
                    if inner.name == "metadata" {
                        state.notImported(inner, in: state.manifestPath, what: "metadata of a single file")
                    } else {
                        state.unknownElement(inner, in: state.manifestPath, parent: child.name)
                    }
                }
            case "dependency":
                if let reference = child[attribute: "identifierref"] { resource.dependencies.append(reference) }
            default: state.unknownElement(child, in: state.manifestPath, parent: element.name)
            }
        }
        if let href = element[attribute: "href"]?.trimmingCharacters(in: .whitespaces), !href.isEmpty {
            if SourceTree.hasScheme(href) {
                resource.entry = .url(href)
            } else if let path = state.resolve(href, base: base), listed.contains(path) {
                // Listed as a <file> too: reported there if it is missing.
                resource.entry = resource.files.contains(path) ? .file(path) : .none
            } else if let path = checkedFile(href, base: base, at: element, state: &state) {
                resource.entry = .file(path)
                resource.files.insert(path, at: 0)
            }
        }
        return resource
    }

    /// The tree path of a file reference, or `nil` after reporting why it cannot be used.
    private func checkedFile(
        _ href: String, base: String, at element: XMLElement, state: inout ImportState
    )
        -> String?
    {
        guard let path = state.resolve(href, base: base) else {
            let what = SourceTree.hasScheme(base + href) ? "is a URL" : "leaves the package"
            state.report.warning(
                CCCode.referenceOutsidePackage, "the file reference \"\(href)\" \(what); it was not imported",
                at: state.location(element), hint: "Files of a package are referred to by paths inside it.")
            return nil
        }
        guard state.tree.exists(path) else {
            state.report.warning(
                CCCode.missingFile, "the file \"\(path)\" is listed in the manifest but is not in the package",
                at: state.location(element), hint: "Add the file to the package, or remove the <file> element.")
            return nil
        }
        return path
    }

    /// `xml:base` values joined, each treated as a folder.
    private static func joinBase(_ outer: String, _ inner: String) -> String {
        func folder(_ text: String) -> String {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
        }
        let innerFolder = folder(inner)
        if SourceTree.hasScheme(innerFolder) || innerFolder.hasPrefix("/") { return innerFolder }
        return folder(outer) + innerFolder
    }
}
