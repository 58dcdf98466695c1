import CurriculumModel
import CurriculumXML
import Foundation

/// Checks that IDs are unique, references resolve to the right kind of thing, files exist inside the root, and
/// links use safe schemes.
enum ReferenceRules: RuleSet {
    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        duplicates(context, &report)
        references(context, &report)
        orphans(context, &report)
        files(context, &report)
        links(context, &report)
        prerequisiteCycles(context, &report)
        repeatedPlacements(context, &report)
    }

    private static func duplicates(_ context: ValidationContext, _ report: inout DiagnosticCollector) {
        for (id, definitions) in context.definitions where definitions.count > 1 {
            let first = definitions[0]
            for duplicate in definitions.dropFirst() {
                report.report(
                    .ref001,
                    "ID \"\(id)\" of this \(duplicate.kind.rawValue) is already used by the \(first.kind.rawValue) at \(place(first.location, context))",
                    at: duplicate.location)
            }
        }
    }

    private static func place(_ location: SourceLocation?, _ context: ValidationContext) -> String {
        guard let location else { return "?" }
        return "\(DisplayPath.of(context.root.absolute(location.path))):\(location.line):\(location.column)"
    }

    /// Checks one list of references against the kind they must name.
    static func checkRefs(
        _ refs: [String], attribute: String, expect kind: Definition.Kind, at location: SourceLocation?,
        _ context: ValidationContext, _ report: inout DiagnosticCollector
    ) {
        for ref in refs {
            guard let found = context.kind(of: ref) else {
                let candidates = context.definitions.filter { $0.value.first?.kind == kind }.map(\.key)
                let suggestion = Suggestions.closest(to: ref, among: candidates)
                report.report(
                    .ref002, "\(attribute)= names \"\(ref)\", but no \(kind.rawValue) has that ID", at: location,
                    hint: suggestion.map { "Did you mean \"\($0)\"?" })
                continue
            }
            if found != kind {
                report.report(
                    .ref003,
                    "\(attribute)= must name \(article(kind)) \(kind.rawValue), but \"\(ref)\" is \(article(found)) \(found.rawValue)",
                    at: location)
            }
        }
    }

    private static func article(_ kind: Definition.Kind) -> String {
        ["a", "e", "i", "o", "u"].contains(kind.rawValue.prefix(1)) ? "an" : "a"
    }

    private static func references(_ context: ValidationContext, _ report: inout DiagnosticCollector) {
        let c = context.curriculum
        for activity in context.allActivities {
            checkRefs(
                activity.develops, attribute: "develops", expect: .objective, at: activity.location, context, &report)
            checkRefs(
                activity.assesses, attribute: "assesses", expect: .objective, at: activity.location, context, &report)
            checkRefs(
                activity.resources, attribute: "resources", expect: .resource, at: activity.location, context, &report)
            checkRefs(activity.cases, attribute: "cases", expect: .caseStudy, at: activity.location, context, &report)
        }
        for question in context.allQuestions {
            checkRefs(
                question.assesses, attribute: "assesses", expect: .objective, at: question.location, context, &report)
        }
        let texts = context.texts
        for (entry, facts) in zip(texts.uniqueEntries, texts.facts) where !facts.termRefs.isEmpty {
            checkRefs(
                facts.termRefs, attribute: "term ref", expect: .glossaryEntry, at: entry.location, context, &report)
        }
        for session in c.sessions {
            checkRefs(
                session.audiences, attribute: "audience", expect: .audience, at: session.location, context, &report)
            checkRefs(
                session.prerequisites, attribute: "prerequisites", expect: .session, at: session.location, context,
                &report)
            checkRefs(
                session.objectiveRefs, attribute: "objectives-ref refs", expect: .objective, at: session.location,
                context, &report)
            for instrument in session.evaluation {
                checkRefs(
                    instrument.questionModules, attribute: "questions-from module", expect: .module,
                    at: instrument.location, context, &report)
            }
        }
    }

    private static func orphans(_ context: ValidationContext, _ report: inout DiagnosticCollector) {
        let c = context.curriculum
        var used = Set<String>()
        for activity in context.allActivities {
            used.formUnion(activity.develops + activity.assesses + activity.resources + activity.cases)
        }
        for question in context.allQuestions { used.formUnion(question.assesses) }
        for session in c.sessions {
            used.formUnion(session.objectiveRefs + session.moduleIDs + session.audiences)
            for instrument in session.evaluation { used.formUnion(instrument.questionModules) }
        }
        func flag(_ id: String, _ kind: String, _ location: SourceLocation?) {
            if !id.isEmpty && !used.contains(id) {
                report.report(.ref004, "\(kind) \"\(id)\" is defined but never used", at: location)
            }
        }
        context.allObjectives.forEach { flag($0.id, "objective", $0.location) }
        context.allResources.forEach { flag($0.id, "resource", $0.location) }
        context.allCaseStudies.forEach { flag($0.id, "case study", $0.location) }
        if !c.sessions.isEmpty { c.modules.forEach { flag($0.id, "module", $0.location) } }
    }

    private static func files(_ context: ValidationContext, _ report: inout DiagnosticCollector) {
        var check = FileCheck(root: context.root)
        for resource in context.allResources {
            guard let href = resource.href, !resource.isExternal else { continue }
            if href.hasPrefix("/") || href.contains("\\") || (href.count > 1 && href.dropFirst().first == ":") {
                report.report(
                    .ref007, "resource \"\(resource.id)\" uses the absolute path \"\(href)\"", at: resource.location)
                continue
            }
            guard let relative = resource.rootRelativePath, PathArithmetic.staysInside(relative) else {
                report.report(
                    .ref007, "resource \"\(resource.id)\" points outside the curriculum root: \"\(href)\"",
                    at: resource.location)
                continue
            }
            check.check(relative, href: href, of: resource, &report)
        }
    }

    private static func links(_ context: ValidationContext, _ report: inout DiagnosticCollector) {
        var targets: [(String, SourceLocation?)] = []
        for resource in context.allResources where resource.isExternal || resource.kind == "link" {
            if let href = resource.href { targets.append((href, resource.location)) }
        }
        for study in context.allCaseStudies {
            targets += study.sources.compactMap { source in source.href.map { ($0, study.location) } }
        }
        let texts = context.texts
        for (entry, facts) in zip(texts.uniqueEntries, texts.facts) {
            for link in facts.links { targets.append((link.href ?? "", entry.location)) }
        }
        for (href, location) in targets {
            let lowered = href.lowercased()
            if lowered.hasPrefix("https://") || lowered.hasPrefix("mailto:") { continue }
            if lowered.hasPrefix("http://") {
                report.report(.ref009, "link \"\(href)\" uses http, not https", at: location)
            } else if let colon = lowered.firstIndex(of: ":"),
                lowered[..<colon].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." }),
                lowered[..<colon].count > 1
            {
                report.report(
                    .ref008, "link \"\(href)\" uses the scheme \"\(lowered[..<colon])\", which is not allowed",
                    at: location)
            }
        }
    }

    private static func prerequisiteCycles(_ context: ValidationContext, _ report: inout DiagnosticCollector) {
        let sessions = Dictionary(
            context.curriculum.sessions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var reported = Set<String>()
        for start in context.curriculum.sessions {
            var path = [start.id]
            var frontier = [(start.id, [start.id])]
            var visited = Set<String>()
            while let (current, trail) = frontier.popLast() {
                for next in sessions[current]?.prerequisites ?? [] {
                    if next == start.id {
                        path = trail + [next]
                        let key = Set(path).sorted().joined(separator: ",")
                        if reported.insert(key).inserted {
                            report.report(
                                .ref010, "prerequisites form a cycle: \(path.joined(separator: " → "))",
                                at: start.location)
                        }
                    } else if visited.insert(next).inserted {
                        frontier.append((next, trail + [next]))
                    }
                }
            }
        }
    }

    private static func repeatedPlacements(_ context: ValidationContext, _ report: inout DiagnosticCollector) {
        for session in context.curriculum.sessions {
            var seen = Set<String>()
            for item in session.allItems where item.module != nil {
                if !seen.insert(item.id).inserted {
                    report.report(
                        .ref012,
                        "activity \"\(item.id)\" of module \"\(item.module ?? "")\" is placed twice in session \"\(session.id)\"",
                        at: item.agendaLocation)
                }
            }
        }
    }
}

/// Checks that resource files exist with exactly the names given. Folder listings and the folders' containment in
/// the root are worked out once per folder, and each file once: a programme lists dozens of handouts from a few
/// folders, often the same handout from several modules.
struct FileCheck {
    let root: CurriculumRoot
    /// Each folder's entries and their types as `readdir` reports them (`DT_UNKNOWN` where it does not).
    private var listings: [String: [String: UInt8]] = [:]
    private var foldersInside: [String: Bool] = [:]
    /// Root-relative files already found present, inside the root, and not folders.
    private var present: Set<String> = []

    init(root: CurriculumRoot) {
        self.root = root
    }

    mutating func check(_ relative: String, href: String, of resource: Resource, _ report: inout DiagnosticCollector) {
        if present.contains(relative) { return }
        let absolute = root.absolute(relative)
        let slash = absolute.lastIndex(of: "/")
        let folder = slash.map { String(absolute[..<$0]) } ?? "."
        let name = slash.map { String(absolute[absolute.index(after: $0)...]) } ?? absolute
        let siblings = listing(of: folder)
        // A regular file, as the listing already says, is neither a folder nor a link: no lstat is needed.
        if siblings[name] == UInt8(DT_REG), isInside(PathArithmetic.directory(of: relative)) {
            present.insert(relative)
            return
        }
        var status = stat()
        if siblings[name] != nil, lstat(absolute, &status) == 0 {
            let isLink = (status.st_mode & S_IFMT) == S_IFLNK
            var target = stat()
            // A link that leads nowhere is as missing as no file at all.
            let kind =
                isLink
                ? (stat(absolute, &target) == 0 ? FileKind(mode: target.st_mode) : nil) : FileKind(mode: status.st_mode)
            if let kind, kind != .regularFile, kind != .folder {
                // A FIFO would block the pack that copies it, and a device may never end.
                report.report(
                    .ref005, "resource \"\(resource.id)\" names \"\(href)\", which is \(kind), not a regular file",
                    at: resource.location)
                return
            }
            if let kind, kind == .regularFile {
                let inside =
                    isLink
                    ? root.contains(resolvingLinksIn: relative) : isInside(PathArithmetic.directory(of: relative))
                if inside {
                    present.insert(relative)
                } else {
                    report.report(
                        .ref007,
                        "resource \"\(resource.id)\" is a symbolic link that leaves the curriculum root: \"\(href)\"",
                        at: resource.location)
                }
                return
            }
        }
        if let match = siblings.keys.sorted().first(where: { $0.lowercased() == name.lowercased() }) {
            report.report(
                .ref006, "resource \"\(resource.id)\" names \"\(name)\" but the file is \"\(match)\"",
                at: resource.location)
        } else {
            report.report(
                .ref005, "resource \"\(resource.id)\" names \"\(href)\", which does not exist", at: resource.location)
        }
    }

    private mutating func listing(of folder: String) -> [String: UInt8] {
        if let known = listings[folder] { return known }
        var entries: [String: UInt8] = [:]
        if let directory = opendir(folder) {
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                if name != "." && name != ".." { entries[name] = entry.pointee.d_type }
            }
        }
        listings[folder] = entries
        return entries
    }

    /// Whether a root-relative folder, links resolved, is inside the root (the root itself is).
    private mutating func isInside(_ folder: String) -> Bool {
        if folder.isEmpty { return true }
        if let known = foldersInside[folder] { return known }
        let inside = root.contains(resolvingLinksIn: folder)
        foldersInside[folder] = inside
        return inside
    }
}
