import CurriculumImportKit
import CurriculumModel
import CurriculumPluginKit
import CurriculumXML
import Foundation

/// Maps one OLX course onto the model: the course run to the programme, chapters to sessions, subsections to
/// days (or blocks of one day), units to agenda items, components to the items' text, resources, questions and
/// durations. Every part it cannot map is reported where it is.
struct OLXImporter {
    let tree: SourceTree
    let options: OLXOptions
    let context: PluginContext
    var report = ImportReport()
    var ids = IDAllocator()
    var resources: OLXResources
    var unitsDone = 0

    init(tree: SourceTree, options: OLXOptions, context: PluginContext) {
        self.tree = tree
        self.options = options
        self.context = context
        self.resources = OLXResources(tree: tree)
    }

    mutating func run() -> ImportResult {
        guard let files = OLXCourseFiles(tree: tree) else {
            return .failed(
                code: OLXCode.notACourse,
                "\(tree.sourcePath) has no course.xml, so it is not an Open edX course (OLX); export the course from Studio (Tools › Export) or pass the course folder",
                at: SourceLocation(path: tree.sourcePath))
        }
        let coursePointerFile = files.path("course.xml")
        guard let pointer = files.reader.parse(coursePointerFile, report: &report),
            let course = files.resolve(pointer, in: coursePointerFile, report: &report, pointsAlways: true)
        else {
            return .failed(report)
        }
        let policy = OLXPolicy.load(files: files, urlName: course.urlName, report: &report)
        var curriculum = programme(course, policy: policy, files: files)
        let units = course.element.elements(named: "chapter").count
        var sessionNumber = 0
        for child in course.element.elements {
            guard child.name == "chapter" else {
                reportUnmappedCoursePart(child, in: course.file, files: files)
                continue
            }
            guard let chapter = files.resolve(child, in: course.file, report: &report) else { continue }
            if let session = session(chapter, number: sessionNumber + 1, files: files) {
                sessionNumber += 1
                curriculum.sessions.append(session)
            }
            context.progress(done: sessionNumber, total: units, message: "chapter \(sessionNumber)")
        }
        if curriculum.sessions.isEmpty && !report.hasErrors {
            report.error(
                OLXCode.emptyCourse, "the course has no chapter with units; there is nothing to import",
                at: files.location(course.element, in: course.file))
        }
        resources.addHandouts(files: files, report: &report, ids: &ids)
        curriculum.resources = resources.registry
        let artifacts: [Artifact]
        do { artifacts = try resources.assets.artifacts() } catch {
            return .unreadable(error, source: tree.sourcePath)
        }
        return ImportResult(curriculum: curriculum, diagnostics: report.diagnostics, files: artifacts)
    }

    // MARK: - Course

    private mutating func programme(
        _ course: OLXCourseFiles.Node, policy: OLXPolicy, files: OLXCourseFiles
    ) -> Curriculum {
        let element = course.element
        let at = files.location(element, in: course.file)
        let number = element[attribute: "course"] ?? policy.string("course")
        let title = course.displayName ?? policy.string("display_name") ?? number ?? "Imported course"
        let id = ids.make(from: number ?? course.urlName ?? title, fallback: "course")
        var meta = ProgrammeMeta(
            code: [element[attribute: "org"], number, course.urlName].compactMap { $0 }.joined(separator: "/"),
            owner: (element[attribute: "org"] ?? policy.string("org")).map { Label($0) })
        meta.dateFrom = date(element[attribute: "start"] ?? policy.string("start"), at: at)
        meta.dateTo = date(element[attribute: "end"] ?? policy.string("end"), at: at)
        if meta.code?.isEmpty == true { meta.code = nil }
        // The short description leads the summary; the overview page (about the course, requirements, staff)
        // follows it, so neither is lost.
        for name in ["short_description.html", "overview.html"] {
            let path = files.path("about/" + name)
            guard tree.contains(path), let page = files.reader.parseHTMLPart(path, report: &report) else { continue }
            let converted = RichTextConverter.blocks(from: page.element(named: "body") ?? page)
            reportDropped(converted.dropped, at: tree.location(path))
            if !converted.blocks.isEmpty {
                let earlier = meta.summary?.blocks ?? []
                meta.summary = RichText(
                    blocks: earlier + converted.blocks, location: meta.summary?.location ?? tree.location(path))
            }
        }
        for name in ["effort.html", "duration.html"] where tree.contains(files.path("about/" + name)) {
            report.note(
                OLXCode.notImported,
                "the course's \(name.dropLast(5)) statement is not imported; durations come from the units",
                at: tree.location(files.path("about/" + name)))
        }
        if tree.contains(files.path("info/updates.html")) {
            report.note(
                OLXCode.notImported, "course updates are announcements for a run, not curriculum content; not imported",
                at: tree.location(files.path("info/updates.html")))
        }
        let language = element[attribute: "language"] ?? policy.string("language") ?? options.defaultLanguage
        return Curriculum(
            id: id, title: Label(title), language: language.isEmpty ? options.defaultLanguage : language, meta: meta,
            location: at)
    }

    private mutating func reportUnmappedCoursePart(_ element: XMLElement, in file: String, files: OLXCourseFiles) {
        report.warning(
            OLXCode.notImported, "<\(element.name)> in the course has no equivalent in a curriculum; not imported",
            at: files.location(element, in: file))
    }

    /// The date part of an OLX date (`2024-03-01T00:00:00Z`, sometimes quoted).
    private mutating func date(_ value: String?, at location: SourceLocation) -> String? {
        guard let value else { return nil }
        let text = value.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        let day = String(text.prefix(10))
        let parts = day.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ Int($0) != nil }),
            let month = Int(parts[1]), (1...12).contains(month), let dayNumber = Int(parts[2]),
            (1...31).contains(dayNumber)
        else {
            report.warning(
                OLXCode.badDate, "\"\(value)\" is not an ISO 8601 date; the date is not imported", at: location)
            return nil
        }
        return day
    }

    // MARK: - Chapters, subsections, units

    private mutating func session(_ chapter: OLXCourseFiles.Node, number: Int, files: OLXCourseFiles) -> Session? {
        let at = files.location(chapter.element, in: chapter.file)
        let title = chapter.displayName ?? "Chapter \(number)"
        var days: [Day] = []
        var questions: [Question] = []
        var blockItems: [Activity] = []
        for child in chapter.element.elements {
            guard child.name == "sequential" else {
                report.warning(
                    OLXCode.unexpectedElement,
                    "<\(child.name)> directly in a chapter is not imported; OLX puts units in subsections",
                    at: files.location(child, in: chapter.file))
                continue
            }
            guard let sequential = files.resolve(child, in: chapter.file, report: &report) else { continue }
            // A restriction on a chapter or subsection holds for everything in it.
            let restriction =
                OLXUnitMapper.restriction(of: chapter.element) ?? OLXUnitMapper.restriction(of: sequential.element)
            let (items, found) = units(of: sequential, files: files, restriction: restriction)
            questions += found
            guard !items.isEmpty else {
                report.warning(
                    OLXCode.emptyContainer,
                    "the subsection \"\(sequential.displayName ?? sequential.urlName ?? "")\" has no units; it is left out",
                    at: files.location(sequential.element, in: sequential.file))
                continue
            }
            switch options.layout {
            case .days:
                days.append(
                    Day(
                        number: days.count + 1, title: sequential.displayName.map { Label($0) }, agenda: items,
                        location: files.location(sequential.element, in: sequential.file)))
            case .blocks:
                let prefix = sequential.displayName.map { $0 + ": " } ?? ""
                blockItems += items.map { item in
                    var titled = item
                    titled.title = Label(prefix + item.title.text)
                    return titled
                }
            }
        }
        if options.layout == .blocks && !blockItems.isEmpty {
            days = [Day(number: 1, agenda: blockItems, location: at)]
        }
        guard !days.isEmpty else {
            report.warning(OLXCode.emptyContainer, "the chapter \"\(title)\" has no units; it is left out", at: at)
            return nil
        }
        let id = ids.make(from: chapter.urlName ?? title, fallback: "session")
        var session = Session(
            id: id, number: number, declaredDays: days.count, title: Label(title), days: days, location: at)
        if !questions.isEmpty {
            session.evaluation = [
                Instrument(
                    id: ids.make(from: id + "-checks", fallback: "checks"), kind: "post",
                    title: Label("Checks from \(title)"), questions: questions, location: at)
            ]
        }
        return session
    }

    /// The agenda items of a subsection, and the questions of its problems.
    private mutating func units(
        of sequential: OLXCourseFiles.Node, files: OLXCourseFiles, restriction: String?
    ) -> ([Activity], [Question]) {
        let verticals = sequential.element.elements.filter { $0.name == "vertical" }
        for other in sequential.element.elements where other.name != "vertical" {
            report.warning(
                OLXCode.unexpectedElement,
                "<\(other.name)> directly in a subsection is not imported; OLX puts components in units",
                at: files.location(other, in: sequential.file))
        }
        let timeLimit =
            sequential.element[attribute: "is_time_limited"] == "true"
            ? sequential.element[attribute: "default_time_limit_minutes"].flatMap { Int($0) } : nil
        var items: [Activity] = []
        var questions: [Question] = []
        for child in verticals {
            guard let vertical = files.resolve(child, in: sequential.file, report: &report) else { continue }
            var mapper = OLXUnitMapper(files: files, options: options)
            let unit = mapper.map(
                vertical, restriction: restriction, report: &report, ids: &ids, resources: &resources)
            unitsDone += 1
            if unitsDone % 100 == 0 { context.progress(done: unitsDone, total: 0, message: "\(unitsDone) units") }
            guard var item = unit.item else { continue }
            if item.duration == nil, let timeLimit, timeLimit > 0 {
                let share = max(1, (timeLimit + verticals.count - 1) / verticals.count)
                item.duration = DurationText.format(share)
            } else if item.duration == nil {
                report.warning(
                    OLXCode.noDuration,
                    "no duration can be derived for the unit \"\(item.title.text)\" (\(unit.undatedParts.joined(separator: ", ")) give none); add one after import",
                    at: item.location)
            } else if unit.isEstimate {
                report.note(
                    OLXCode.estimatedDuration,
                    "the duration of \"\(item.title.text)\" (\(item.duration ?? "")) is estimated from its reading time; check it",
                    at: item.location)
            }
            items.append(item)
            questions += unit.questions
        }
        return (items, questions)
    }

    private mutating func reportDropped(_ names: [String], at location: SourceLocation) {
        guard !names.isEmpty else { return }
        report.warning(
            OLXCode.droppedMarkup,
            "markup with no equivalent was left out: <\(names.joined(separator: ">, <"))>", at: location)
    }
}
