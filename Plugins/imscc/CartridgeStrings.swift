/// The cartridge's own words (headings, day names, answer scales) in each language the exporter knows.
///
/// TO MOVE: these belong in the shared export kit's string tables once it exists, so that every exporter says the
/// same thing; until then this is the one table of the imscc plugin. A language without a table gets English.
struct CartridgeStrings {
    let aboutSession: String
    let objectives: String
    let when: String
    let venue: String
    let day: String
    let timetable: String
    let morning: String
    let afternoon: String
    let purpose: String
    let whatToDo: String
    let handoutsAndLinks: String
    let notIncluded: String
    let forFacilitators: String
    let facilitatorGuide: String
    let guideNotice: String
    let beforeTheSession: String
    let preparation: String
    let materials: String
    let steps: String
    let participantInstructions: String
    let facilitatorNotes: String
    let debrief: String
    let variant: String
    let sensitivityNote: String
    let caseStudy: String
    let contentWarning: String
    let resources: String
    let noAgenda: String
    let notShownToParticipants: String
    let answerKey: String
    let knowledgeCheck: String
    let trueWord: String
    let falseWord: String
    let agreement: [String]
    let resourceKinds: [String: String]
    /// `%d days before`, with `%d` replaced.
    let daysBefore: String
    let oneDayBefore: String
    let before: String
    let per: String
    /// What separates a label from what follows: `: ` in English, ` : ` in French.
    let colon: String

    /// `Day 3`.
    func dayName(_ number: Int) -> String { "\(day) \(number)" }

    /// The name of a resource kind, or `nil` when the kind has no name in this language (it is then left out
    /// rather than shown in English).
    func kindName(_ kind: String) -> String? { resourceKinds[kind] }

    /// The table for a language tag (`fr`, `fr-BE`); English when there is none.
    static func forLanguage(_ tag: String) -> CartridgeStrings {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return primary == "fr" ? french : english
    }

    static let english = CartridgeStrings(
        aboutSession: "About this session", objectives: "Objectives", when: "When", venue: "Venue", day: "Day",
        timetable: "Timetable", morning: "Morning", afternoon: "Afternoon", purpose: "Purpose",
        whatToDo: "What to do", handoutsAndLinks: "Handouts and links", notIncluded: "not included",
        forFacilitators: "For facilitators", facilitatorGuide: "Facilitator guide",
        guideNotice: "For facilitators only. Participants do not see this page.",
        beforeTheSession: "Before the session", preparation: "Preparation", materials: "Materials", steps: "Steps",
        participantInstructions: "Participant instructions", facilitatorNotes: "Facilitator notes",
        debrief: "Debrief", variant: "Variant", sensitivityNote: "Sensitivity note", caseStudy: "Case study",
        contentWarning: "Content warning.", resources: "Resources", noAgenda: "No agenda.",
        notShownToParticipants: "not shown to participants", answerKey: "Answer key",
        knowledgeCheck: "Knowledge check", trueWord: "True", falseWord: "False",
        agreement: ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
        resourceKinds: [
            "handout": "handout", "worksheet": "worksheet", "checklist": "checklist", "slides": "slides",
            "form": "form", "map": "map", "reading": "reading", "video": "video", "audio": "audio",
            "image": "image", "link": "link", "other": "other",
        ],
        daysBefore: "%d days before", oneDayBefore: "1 day before", before: "before", per: "per", colon: ": ")

    static let french = CartridgeStrings(
        aboutSession: "À propos de la session", objectives: "Objectifs", when: "Dates", venue: "Lieu", day: "Jour",
        timetable: "Programme de la journée", morning: "Matin", afternoon: "Après-midi", purpose: "Objectif",
        whatToDo: "Consignes", handoutsAndLinks: "Documents et liens", notIncluded: "non inclus",
        forFacilitators: "Pour les animateurs", facilitatorGuide: "Guide de l'animateur",
        guideNotice: "Réservé aux animateurs. Les participants ne voient pas cette page.",
        beforeTheSession: "Avant la session", preparation: "Préparation", materials: "Matériel", steps: "Étapes",
        participantInstructions: "Consignes aux participants", facilitatorNotes: "Notes pour l'animateur",
        debrief: "Débriefing", variant: "Variante", sensitivityNote: "Point de vigilance", caseStudy: "Étude de cas",
        contentWarning: "Avertissement sur le contenu.", resources: "Ressources", noAgenda: "Pas de programme.",
        notShownToParticipants: "non montré aux participants", answerKey: "Corrigé",
        knowledgeCheck: "Test de connaissances", trueWord: "Vrai", falseWord: "Faux",
        agreement: [
            "Pas du tout d'accord", "Plutôt pas d'accord", "Ni d'accord ni pas d'accord", "Plutôt d'accord",
            "Tout à fait d'accord",
        ],
        resourceKinds: [
            "handout": "document", "worksheet": "fiche de travail", "checklist": "liste de contrôle",
            "slides": "diaporama", "form": "formulaire", "map": "carte", "reading": "lecture", "video": "vidéo",
            "audio": "audio", "image": "image", "link": "lien", "other": "autre",
        ],
        daysBefore: "%d jours avant", oneDayBefore: "1 jour avant", before: "avant", per: "par", colon: " : ")
}
