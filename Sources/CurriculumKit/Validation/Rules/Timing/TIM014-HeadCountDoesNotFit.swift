import CurriculumModel

/// TIM014: Head count does not fit. Checks a delivery's head counts against its room and the group design of the
/// activities it schedules.
///
/// A delivery states its expected participants (`participants=`) and, optionally, a fixed group size
/// (`group-size=`) and the room's capacity (`capacity=` on `<venue>`). Print totals and groups follow these numbers,
/// so a delivery whose numbers cannot work is worth a warning before anything is printed.
enum HeadCountDoesNotFit: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "TIM014", family: .timing, severity: .warning, title: "Head count does not fit",
        explanation:
            "A delivery expects more participants than its room holds, groups larger than its participants, or an odd number of participants for an activity in pairs.",
        hint: "Check participants=, group-size= and the venue's capacity=, or plan the extra group.",
        example: RuleExample(
            trigger: "<delivery … participants=\"36\"><venue capacity=\"30\"><name>Town hall</name></venue>",
            fix: "<delivery … participants=\"30\"> (or a larger room)"))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        let curriculum = context.curriculum
        for delivery in curriculum.deliveries {
            guard let participants = delivery.participants else { continue }
            if let capacity = delivery.roomCapacity, participants > capacity {
                report.report(
                    Self.self,
                    "delivery \"\(delivery.id)\" expects \(participants) participants, more than its room holds (capacity \(capacity))",
                    at: delivery.location)
            }
            if let size = delivery.groupSize, size > participants {
                report.report(
                    Self.self,
                    "delivery \"\(delivery.id)\" has groups of \(size), more than its \(participants) participants",
                    at: delivery.location)
            }
            for run in delivery.runs {
                guard let session = curriculum.session(run.session) else { continue }
                for item in session.allItems where item.grouping == "pairs" && participants % 2 == 1 {
                    report.report(
                        Self.self,
                        "\"\(item.id)\" works in pairs, but delivery \"\(delivery.id)\" expects an odd number of participants (\(participants))",
                        at: item.location,
                        hint: "Plan one group of three, or say who pairs with the odd one out.")
                }
            }
        }
    }
}
