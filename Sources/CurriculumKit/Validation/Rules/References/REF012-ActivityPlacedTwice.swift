import CurriculumModel

/// REF012: Activity placed twice. Checks that no module activity is placed twice in one session.
enum ActivityPlacedTwice: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "REF012", family: .references, severity: .warning, title: "Activity placed twice",
        explanation:
            "The same module activity is placed twice in one session.",
        hint: "Remove the second <use>, or write a separate follow-up activity.",
        example: RuleExample(
            trigger: "<use module=\"m-partners\"/> … <use module=\"m-partners\" activity=\"a-map\"/>",
            fix: "<use module=\"m-partners\"/>   (once)"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for session in context.curriculum.sessions {
            var seen = Set<String>()
            for item in session.allItems where item.module != nil {
                if !seen.insert(item.id).inserted {
                    report.report(
                        Self.self,
                        "activity \"\(item.id)\" of module \"\(item.module ?? "")\" is placed twice in session \"\(session.id)\"",
                        at: item.agendaLocation)
                }
            }
        }
    }
}
