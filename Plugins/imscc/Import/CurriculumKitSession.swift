import CurriculumExportKit
import CurriculumModel
import CurriculumXML

/// Reads back a cartridge this project exported: its manifest and items carry `curriculumkit:` LOM identifiers
/// (see the exporter's `SessionMetadata`), from which the session, its days and every agenda item's ID, kind and
/// duration are rebuilt, breaks and meals included. What the pages say (purpose, instructions, handouts) comes from
/// the general mapping, matched to the agenda items by title. Each quiz is the instrument it was made from, with its
/// ID, kind and audience, and its questions get back their IDs, types and `graded="no"`; the questions' text,
/// options and keys are the QTI reader's.
///
/// Other packages carry no such identifiers and are left as the general mapping made them.
struct CurriculumKitSession {
    static let prefix = "curriculumkit:"

    /// One fact: a LOM `<identifier>`'s catalog (without the prefix) and entry.
    typealias Fact = (name: String, value: String)

    let manifest: XMLElement
    /// The questions the QTI reader found in each assessment resource, by resource identifier.
    let questions: [String: [Question]]

    /// The curriculum with its sessions rebuilt, or unchanged when the manifest is not one of this project's.
    func apply(to curriculum: Curriculum) -> Curriculum {
        let facts = Self.facts(of: manifest.element(named: "metadata"))
        guard let sessionID = value("session", in: facts) else { return curriculum }
        guard
            let root = manifest.element(named: "organizations")?.element(named: "organization")?.element(named: "item")
        else { return curriculum }
        var mapped = curriculum.sessions.flatMap(\.allItems)
        var days: [Day] = []
        for top in root.elements(named: "item") {
            let dayFacts = Self.facts(of: top.element(named: "metadata"))
            guard let number = value("day", in: dayFacts).flatMap(Int.init) else { continue }
            var agenda: [Activity] = []
            for fact in Self.allFacts(below: top) where fact.name == "agenda" {
                let fields = fact.value.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
                guard fields.count >= 3 else { continue }
                let title = fields.count == 4 ? String(fields[3]) : String(fields[0])
                var activity =
                    Self.take(title: title, from: &mapped)
                    ?? Activity(id: String(fields[0]), kind: .input, title: Label(title))
                activity.id = String(fields[0])
                activity.kind = ActivityKind(rawValue: String(fields[1]))
                activity.duration = fields[2] == "-" ? nil : String(fields[2])
                agenda.append(activity)
            }
            let dayTitle = top.element(named: "title").map { Self.dayTitle($0.textContent) } ?? nil
            days.append(
                Day(
                    number: number, nominalStart: value("start", in: dayFacts), title: dayTitle.map { Label($0) },
                    agenda: agenda))
        }
        guard !days.isEmpty else { return curriculum }
        var result = curriculum
        let title = value("session-title", in: facts) ?? curriculum.sessions.first?.title.text ?? sessionID
        var session = Session(
            id: sessionID, number: 1, declaredDays: days.count, title: Label(title), days: days,
            location: curriculum.sessions.first?.location)
        session.summary = curriculum.sessions.first?.summary
        // Each quiz is one of the session's instruments; quizzes without this project's facts keep what the general
        // mapping made of them.
        session.evaluation = instruments(below: root) ?? curriculum.sessions.flatMap(\.evaluation)
        result.sessions = [session]
        if let programme = value("programme", in: facts) { result.id = programme }
        return result
    }

    /// The instruments of the quizzes below an item, in outline order, or `nil` when no quiz carries this project's
    /// facts (a cartridge of an older version, whose quizzes the general mapping read).
    func instruments(below item: XMLElement) -> [Instrument]? {
        var instruments: [Instrument] = []
        var stack = Array(item.elements(named: "item").reversed())
        while let current = stack.popLast() {
            stack += current.elements(named: "item").reversed()
            let facts = Self.facts(of: current.element(named: "metadata"))
            guard let id = value("instrument", in: facts), let resource = current[attribute: "identifierref"] else {
                continue
            }
            let title = current.element(named: "title")?.textContent ?? id
            var read = questions[resource] ?? []
            let declared = facts.filter { $0.name == "question" }.map {
                $0.value.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            }
            // The facts name the QTI items in order; a quiz edited since has other items, and keeps what was read.
            if declared.count == read.count {
                for (index, fields) in declared.enumerated() where fields.count >= 2 {
                    read[index].id = fields[0]
                    read[index].type = Self.restoredType(fields[1], read: read[index])
                    read[index].text.text = Self.withoutScale(read[index].text.text, type: read[index].type)
                    if fields.dropFirst(2).contains("ungraded") { read[index].isGraded = false }
                }
            }
            let kind = value("instrument-kind", in: facts) ?? "post"
            let module = value("module", in: facts)
            instruments.append(
                Instrument(
                    id: module.map { "\($0)-check" } ?? id, kind: kind,
                    audience: value("instrument-for", in: facts).flatMap(Visibility.init(rawValue:)),
                    title: Label(title), questions: read, location: read.first?.location))
        }
        return instruments.isEmpty ? nil : instruments
    }

    /// The type a question was written with, when the quiz could carry it: a rating scale, open question or
    /// unkeyed short answer comes back from its essay item; a choice stays what the QTI reader made of its options.
    static func restoredType(_ declared: String, read: Question) -> String {
        switch declared {
        case "likert", "scale", "open", "short-answer": read.options.isEmpty ? declared : read.type
        default: read.type
        }
    }

    /// A rating-scale question's text without the scale the exporter wrote after it (in any catalogue's words).
    static func withoutScale(_ text: String, type: String) -> String {
        var suffixes: [String] = []
        if type == "likert" {
            suffixes = StringCatalogue.languages.map { " (\(QTIWriter.agreementScale(StringCatalogue(language: $0))))" }
        } else if type == "scale" {
            suffixes = [" (0–10)"]
        }
        for suffix in suffixes where text.hasSuffix(suffix) { return String(text.dropLast(suffix.count)) }
        return text
    }

    /// The first mapped activity with this title, taken out so that a repeated title matches the next one.
    private static func take(title: String, from activities: inout [Activity]) -> Activity? {
        guard let index = activities.firstIndex(where: { $0.title.text == title }) else { return nil }
        return activities.remove(at: index)
    }

    /// `Day 1 (2027-03-09): Raising awareness` → `Raising awareness`; `nil` when the day has no title of its own.
    private static func dayTitle(_ heading: String) -> String? {
        guard let colon = heading.firstIndex(of: ":") else { return nil }
        let rest = heading[heading.index(after: colon)...].trimmingPrefixWhitespace()
        return rest.isEmpty ? nil : rest
    }

    private func value(_ name: String, in facts: [Fact]) -> String? {
        facts.first { $0.name == name }?.value
    }

    /// The `curriculumkit:` identifiers of a `<metadata>` element's LOM general section.
    static func facts(of metadata: XMLElement?) -> [Fact] {
        guard let lom = metadata?.elements.first(where: { $0.name == "lom" }),
            let general = lom.elements.first(where: { $0.name == "general" })
        else { return [] }
        return general.elements.filter { $0.name == "identifier" }.compactMap { identifier in
            guard let catalog = identifier.element(named: "catalog")?.textContent, catalog.hasPrefix(prefix),
                let entry = identifier.element(named: "entry")?.textContent
            else { return nil }
            return (String(catalog.dropFirst(prefix.count)), entry)
        }
    }

    /// The facts of every item below an item, depth first, in document order.
    static func allFacts(below item: XMLElement) -> [Fact] {
        item.elements(named: "item").flatMap { child in
            facts(of: child.element(named: "metadata")) + allFacts(below: child)
        }
    }
}

extension Substring {
    fileprivate func trimmingPrefixWhitespace() -> String {
        String(drop { $0 == " " })
    }
}
