import CurriculumModel

/// TIM009: Delivery does not match the programme. Checks that a delivery names its programme, existing sessions and existing days.
enum DeliveryMismatch: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "TIM009", family: .timing, severity: .error, title: "Delivery does not match the programme",
        explanation:
            "A delivery names a programme or session that does not exist, or a day the session does not have.",
        example: RuleExample(
            trigger: "<delivery … programme=\"liaise\"> <session-run session=\"s9\" …/>   (no session s9)",
            fix: "<session-run session=\"s1\" …/>"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        let c = context.curriculum
        for delivery in c.deliveries {
            if delivery.programme != c.id {
                report.report(
                    Self.self,
                    "delivery \"\(delivery.id)\" is for programme \"\(delivery.programme)\", not \"\(c.id)\"",
                    at: delivery.location)
            }
            for run in delivery.runs {
                guard let session = c.session(run.session) else {
                    let suggestion = Suggestions.closest(to: run.session, among: c.sessions.map(\.id))
                    report.report(
                        Self.self, "delivery schedules session \"\(run.session)\", which the programme does not have",
                        at: run.location,
                        hint: suggestion.map { "Did you mean \"\($0)\"?" }
                            ?? "Sessions: \(c.sessions.map(\.id).joined(separator: ", ")).")
                    continue
                }
                // Days of a run with no valid date are not placed, so their overrides are not checked.
                guard CalendarDate.components(run.date) != nil else { continue }
                for override in run.days where override.number < 1 || override.number > session.days.count {
                    report.report(
                        Self.self,
                        "the run of \"\(run.session)\" overrides day \(override.number), but the session has \(session.days.count) days",
                        at: run.location)
                }
            }
        }
    }
}
