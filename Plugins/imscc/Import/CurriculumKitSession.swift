import CurriculumModel
import CurriculumXML

/// Reads back a cartridge this project exported: its manifest and items carry `curriculumkit:` LOM identifiers
/// (see the exporter's `SessionMetadata`), from which the session, its days and every agenda item's ID, kind and
/// duration are rebuilt, breaks and meals included. What the pages say (purpose, instructions, handouts) comes from
/// the general mapping, matched to the agenda items by title.
///
/// Other packages carry no such identifiers and are left as the general mapping made them.
struct CurriculumKitSession {
    static let prefix = "curriculumkit:"

    /// One fact: a LOM `<identifier>`'s catalog (without the prefix) and entry.
    typealias Fact = (name: String, value: String)

    let manifest: XMLElement

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
        // The quizzes the general mapping read (QTI, with their keys) are the session's evaluation.
        session.evaluation = curriculum.sessions.flatMap(\.evaluation)
        result.sessions = [session]
        if let programme = value("programme", in: facts) { result.id = programme }
        return result
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
