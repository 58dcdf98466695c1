import CurriculumImportKit
import CurriculumModel
import CurriculumPluginKit
import CurriculumXML

/// Imports an IMS Common Cartridge (1.0–1.3), a SCORM 1.2 or 2004 package, or a plain IMS content package: an
/// `imsmanifest.xml`, a folder with one at its top, or a zip of such a folder.
///
/// Problems with the package are diagnostics; when one is an error the curriculum returned is a placeholder the
/// core does not write.
struct PackageImporter {
    /// The manifest's file name, fixed by IMS Content Packaging.
    static let manifestName = "imsmanifest.xml"

    let options: ImportOptions

    /// Imports the package at a path.
    func run(source: String) -> ImportResult {
        let tree: SourceTree
        do throws(ImportFailure) {
            tree = try SourceTree.open(source, limits: options.archiveLimits)
        } catch {
            return .unreadable(error, source: source)
        }
        var report = ImportReport()
        guard let manifestPath = Self.locateManifest(in: tree, report: &report) else {
            return .failed(report)
        }
        var state = ImportState(tree: tree, manifestPath: manifestPath)
        state.report = report
        guard let root = state.reader.parse(manifestPath, report: &state.report),
            let manifest = ManifestReader().read(root, state: &state)
        else { return .failed(state.report) }
        // A cartridge this project exported carries its session's structure; others keep the general mapping.
        let (general, mapped) = build(manifest, state: &state)
        let curriculum = CurriculumKitSession(manifest: root, questions: mapped.mapValues(\.questions)).apply(
            to: general)
        do throws(ImportFailure) {
            let files = try state.assets.artifacts()
            return ImportResult(curriculum: curriculum, diagnostics: state.report.diagnostics, files: files)
        } catch {
            state.report.error(ImportCode.unreadableSource, error.message, at: SourceLocation(path: source))
            return .failed(state.report)
        }
    }

    // MARK: - Finding the manifest

    /// The manifest's path in the tree: the file named, `imsmanifest.xml` at the top, or in the one folder at
    /// the top (a zip made of the package's folder rather than of its content).
    static func locateManifest(in tree: SourceTree, report: inout ImportReport) -> String? {
        if tree.kind == .file, let entry = tree.entryFile { return entry }
        if tree.contains(manifestName) { return manifestName }
        let nested = tree.files.filter { path in
            let parts = path.split(separator: "/")
            return parts.count == 2 && parts[1] == manifestName && !parts[0].hasPrefix("__MACOSX")
        }
        if nested.count == 1, let path = nested.first {
            report.note(
                CCCode.nestedManifest,
                "the manifest is in the folder \"\(path.dropLast(manifestName.count + 1))\" rather than at the top; that folder is imported",
                at: tree.location(path))
            return path
        }
        let what = tree.kind == .archive ? "archive" : "folder"
        let name = tree.sourcePath.split(separator: "/").last.map(String.init) ?? tree.sourcePath
        report.error(
            ImportCode.wrongFormat,
            "the \(what) \"\(name)\" has no \(manifestName) at its top: it is not an IMS content package",
            at: SourceLocation(path: tree.sourcePath),
            hint: "Import the folder (or zip) that holds imsmanifest.xml, as exported by the learning platform.")
        return nil
    }

    // MARK: - Building the curriculum

    /// The curriculum of the general mapping, and what each resource became (by identifier).
    private func build(
        _ manifest: PackageManifest, state: inout ImportState
    ) -> (Curriculum, [String: MappedResource]) {
        let language = self.language(of: manifest, state: &state)
        let organization = manifest.organization
        let title =
            manifest.lom.title(in: language)?.text ?? organization?.title ?? organization?.lom.title(in: language)?.text
            ?? manifest.identifier ?? FileKind.title(of: state.tree.sourcePath)
        // "LIAISE: Local Institutions Against Extremism" → "liaise": the words before a colon name the course.
        let name = title.split(separator: ":", maxSplits: 1).first.map(String.init) ?? title
        var curriculum = Curriculum(
            id: state.ids.make(from: name, fallback: "course"), title: Label(title), language: language,
            location: manifest.location)
        curriculum.meta.summary = manifest.lom.description(in: language).flatMap { PageText.plain($0.text).richText }
        curriculum.meta.keywords = manifest.lom.keywords.map { Label($0) }
        curriculum.meta.licence = manifest.lom.licence.map { Label($0) }

        let pages = manifest.resources.flatMap(\.files).filter { FileKind(path: $0).isPage }
        state.imageAlts = PageText.imageAlts(pages: pages, state: &state)
        let (registry, mapped) = ResourceMapper(
            manifest: manifest, itemTitles: Self.itemTitles(organization?.items ?? []), language: language
        ).map(state: &state)
        curriculum.resources = registry

        var placed: Set<String> = []
        if let organization, !organization.items.isEmpty {
            var mapper = OrganizationMapper(
                manifest: manifest, mapped: mapped, courseTitle: title, language: language,
                defaultDuration: options.defaultDuration)
            let outcome = mapper.map(organization, state: &state)
            curriculum.sessions = outcome.sessions
            placed = outcome.placedResources
            var defaulted = outcome.defaulted
            useCourseLearningTime(manifest, in: &curriculum, defaulted: &defaulted, state: &state)
            reportDefaults(defaulted, state: &state)
        } else {
            state.report.note(
                CCCode.noOrganization,
                "the package has no organisation: its \(registry.count) resource(s) are imported without sessions",
                at: organization?.location ?? manifest.location)
        }
        for resource in manifest.resources where !placed.contains(resource.identifier) {
            guard let questions = mapped[resource.identifier]?.questions, !questions.isEmpty else { continue }
            guard !curriculum.sessions.isEmpty else {
                state.report.warning(
                    CCCode.unplacedActivity,
                    "the \(questions.count) question(s) of \"\(resource.identifier)\" have no session to go to; they were not imported",
                    at: resource.location)
                continue
            }
            let last = curriculum.sessions.count - 1
            curriculum.sessions[last].evaluation.append(
                Instrument(
                    id: state.ids.make(from: "bank " + resource.identifier, fallback: "bank"), kind: "post",
                    title: Label("Question bank \(mapped[resource.identifier]?.title ?? resource.identifier)"),
                    questions: questions, location: resource.location))
            state.report.note(
                CCCode.unplacedActivity,
                "\"\(resource.identifier)\" is placed by no item; its \(questions.count) question(s) are an instrument of the last session",
                at: resource.location)
        }
        for resource in manifest.resources where !placed.contains(resource.identifier) {
            guard let role = mapped[resource.identifier]?.role, role == .discussion || role == .assignment else {
                continue
            }
            state.report.warning(
                CCCode.unplacedActivity,
                "the \(role == .discussion ? "discussion topic" : "assignment") \"\(resource.identifier)\" is not placed by any item of the organisation, so it has no agenda item; its text was not imported",
                at: resource.location)
        }
        return (curriculum, mapped)
    }

    /// The typical learning time the manifest gives the whole course: the duration of a package with one agenda
    /// item that has none of its own (a single-SCO SCORM package), and otherwise reported beside the items'.
    private func useCourseLearningTime(
        _ manifest: PackageManifest, in curriculum: inout Curriculum,
        defaulted: inout [(id: String, location: SourceLocation?)], state: inout ImportState
    ) {
        guard let time = manifest.lom.learningTime else { return }
        guard let iso = LearningTime.isoDuration(time.text) else {
            state.report.warning(
                CCCode.unreadableDuration,
                "the course's typical learning time \"\(time.text.prefix(80))\" is not a duration; it was ignored",
                at: time.location)
            return
        }
        let items = curriculum.sessions.reduce(0) { $0 + $1.allItems.count }
        if items == 1, defaulted.count == 1, !curriculum.sessions.isEmpty, !curriculum.sessions[0].days.isEmpty,
            !curriculum.sessions[0].days[0].agenda.isEmpty
        {
            curriculum.sessions[0].days[0].agenda[0].duration = iso
            defaulted = []
            state.report.note(
                CCCode.courseLearningTime,
                "the course's typical learning time (\(iso)) is the duration of its one agenda item", at: time.location)
        } else {
            state.report.note(
                CCCode.courseLearningTime,
                "the course's typical learning time (\(iso)) is not split over its \(items) agenda items; they keep their own durations",
                at: time.location, hint: "Compare it with the sessions' total after import.")
        }
    }

    /// The language: the manifest's LOM, else the language of its title, else the option (reported).
    private func language(of manifest: PackageManifest, state: inout ImportState) -> String {
        let declared = manifest.lom.language ?? manifest.lom.titles.first?.language
        if let declared, ImportOptions.isLanguageTag(declared) { return declared }
        let why = declared.map { "\"\($0)\" is not a language tag" } ?? "the manifest's metadata declares no language"
        state.report.warning(
            CCCode.languageAssumed, "\(why); the curriculum's language is taken to be \"\(options.defaultLanguage)\"",
            at: manifest.location, hint: "Set the option defaultLanguage to choose another.")
        return options.defaultLanguage
    }

    private func reportDefaults(_ defaulted: [(id: String, location: SourceLocation?)], state: inout ImportState) {
        guard let first = defaulted.first else { return }
        let names = defaulted.prefix(5).map { "\"\($0.id)\"" }.joined(separator: ", ")
        let more = defaulted.count > 5 ? " and \(defaulted.count - 5) more" : ""
        let given = options.defaultDuration.map { "were given \($0)" } ?? "were left without a duration"
        let hint =
            options.defaultDuration == nil
            ? "Add the durations, or import again with --option defaultDuration=PT30M to give each item 30 minutes."
            : "Check these durations in the output."
        state.report.warning(
            CCCode.defaultDuration,
            "\(defaulted.count) agenda item(s) have no typical learning time and \(given): \(names)\(more)",
            at: first.location, hint: hint)
    }

    /// The title of the first item that shows each resource.
    private static func itemTitles(_ items: [PackageManifest.Item]) -> [String: String] {
        var titles: [String: String] = [:]
        var stack = Array(items.reversed())
        while let item = stack.popLast() {
            if let resource = item.resourceIdentifier, let title = item.title, titles[resource] == nil {
                titles[resource] = title
            }
            stack += item.children.reversed()
        }
        return titles
    }
}
