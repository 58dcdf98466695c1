public import CurriculumModel

/// A small but complete curriculum the conformance suite sends to plugins.
public enum SampleCurriculum {
    public static let model: Curriculum = {
        let location = { (line: Int) in SourceLocation(path: "sample.xml", line: line, column: 5) }
        let objective = Objective(
            id: "obj-partners", domain: "skill", level: "apply",
            text: "Map the partners who can act on an early concern", location: location(4))
        let activity = Activity(
            id: "a-map", kind: .groupWork, title: "Drawing the partner map", duration: "PT1H15M",
            develops: ["obj-partners"],
            resources: ["res-map"],
            participantInstructions: .paragraph("In groups of four, place each local service on the map."),
            facilitatorNotes: .paragraph("Ask each group who is missing from its map."), location: location(12))
        let module = Module(
            id: "m-partners", title: "Partners", objectives: [objective],
            resources: [
                Resource(
                    id: "res-map", kind: "worksheet", href: "handouts/partner-map.md", mediaType: "text/markdown",
                    title: "Partner map", location: location(8))
            ],
            activities: [activity],
            questions: [
                Question(
                    id: "q-map", type: "open", assesses: ["obj-partners"], text: "Which partner would you call first?",
                    location: location(20))
            ],
            location: location(6))
        var placed = activity
        placed.module = module.id
        placed.placement = location(30)
        let session = Session(
            id: "s1", number: 1, declaredDays: 1, title: "Working with partners", objectiveRefs: ["obj-partners"],
            days: [
                Day(
                    number: 1, nominalStart: "09:00", ends: "10:30",
                    agenda: [
                        Activity(
                            id: "s1-welcome", kind: .welcome, title: "Welcome", duration: "PT10M",
                            facilitatorNotes: .paragraph("Introduce the day."), location: location(28)),
                        placed,
                        Activity(
                            id: "s1-close", kind: .closing, title: "Close", duration: "PT5M",
                            facilitatorNotes: .paragraph("Collect the forms."), location: location(32)),
                    ], location: location(26))
            ],
            evaluation: [
                Instrument(
                    id: "ev-s1", kind: "post", title: "End of session form", questionModules: ["m-partners"],
                    location: location(36))
            ],
            location: location(24))
        let delivery = Delivery(
            id: "sample-delivery", programme: "sample", timezone: "Europe/Brussels", venueName: "Training centre",
            runs: [SessionRun(session: "s1", date: "2027-03-09", dayStart: "09:00", location: location(40))],
            location: location(38))
        return Curriculum(
            id: "sample", title: "Sample programme", language: "en", revision: 1, modules: [module],
            sessions: [session],
            deliveries: [delivery], location: location(1))
    }()
}
