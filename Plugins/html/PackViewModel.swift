/// The view model of `participant-pack.mustache`: every key the participant pack's template may use.
///
/// Built by ``ParticipantPack`` from an explicit allow-list of participant-facing fields. Facilitator notes,
/// sensitivity notes, steps, debrief questions, variants, preparation, materials, room notes, case-study
/// facilitator notes, sources and safety facts have no property here at all, so even a custom template cannot
/// print them: the key check rejects it.
struct PackViewModel: TemplateViewModel {
    var lang = ""
    var t = TemplateStrings([:])
    var styles = ""
    var programmeTitle = ""
    var programmeHeading = ""
    var sessionHeading = ""
    var programmeSubtitle: String? = nil
    var sessionTitle = ""
    var sessionLabel = ""
    var pageTitle = ""
    var generator = ""
    var coverFacts: [Fact] = []
    var summaryHtml: String? = nil
    var provenanceHtml: String? = nil
    var fictionalDelivery = false
    var days: [Day] = []
    var activities: [ActivityPage] = []
    var timesNote: String? = nil
    var objectives: [TextItem] = []
    var handouts: [Handout] = []
    var caseStudies: [CaseStudyPage] = []
    var glossary: [GlossaryItem] = []
    var instruments: [Form] = []
    var toc: [Link] = []

    struct Day: TemplateViewModel {
        let anchor: String
        let heading: String
        let title: String?
        let slots: [Slot]
    }

    struct Slot: TemplateViewModel {
        let start: String
        let end: String
        let title: String
        /// The activity's instructions, when participants have some to read.
        let anchor: String?
    }

    struct ActivityPage: TemplateViewModel {
        let anchor: String
        let title: String
        let when: String
        let purposeHtml: String?
        let instructionsHtml: String?
        let handouts: [HandoutLink]
        let cases: [Link]
    }

    /// A participant-visible resource with its link: the copied handout, or a web address.
    struct HandoutLink: TemplateViewModel {
        let title: String
        let href: String?
    }

    struct Handout: TemplateViewModel {
        let title: String
        let href: String?
        let kind: String
        let descriptionHtml: String?
    }

    struct CaseStudyPage: TemplateViewModel {
        let anchor: String
        let title: String
        let facts: [Fact]
        let summaryHtml: String?
        let contentWarningHtml: String?
        let contextHtml: String?
        let approachHtml: String?
        let impactHtml: String?
        let lessonsHtml: String?
        let discussion: [TextItem]
    }

    /// An instrument as a printable form.
    struct Form: TemplateViewModel {
        let anchor: String
        let title: String
        let kind: String
        let questions: [Question]
    }

    /// A question as a fieldset with boxes to tick or room to write.
    struct Question: TemplateViewModel {
        let number: Int
        let name: String
        let text: String
        let choices: [Choice]
        let isScale: Bool
        /// `likert`, `scale` or `list`.
        let layout: String
        let isOpen: Bool
        let hint: String?
    }

    struct Choice: TemplateViewModel {
        let value: String
        let label: String
        let id: String
        let type: String
        let name: String
    }
}
