/// The view model of `facilitator-guide.mustache`: every key the guide's template may use, and nothing else.
///
/// Keys ending in `Html` or `Svg` hold markup the plugin built from escaped text; templates insert them with
/// `{{{…}}}`. Every other value is plain text for `{{…}}`. ``FacilitatorGuide`` fills it in.
struct GuideViewModel: TemplateViewModel {
    var lang = ""
    var t = TemplateStrings([:])
    var styles = ""
    var programmeTitle = ""
    var programmeHeading = ""
    var programmeSubtitle: String? = nil
    var programmeCode: String? = nil
    var sessionTitle = ""
    var sessionHeading = ""
    var sessionLabel = ""
    var pageTitle = ""
    var generator = ""
    var coverFacts: [Fact] = []
    var facilitators: [Person] = []
    var summaryHtml: String? = nil
    var provenanceHtml: String? = nil
    var fictionalDelivery = false
    var programmeFacts: [Fact] = []
    var objectives: [Objective] = []
    var audiences: [Audience] = []
    var preparation: [Task] = []
    var hasDueDates = false
    var roomHtml: String? = nil
    var materials: [Material] = []
    var printList: [PrintItem] = []
    var headcounts: [Fact] = []
    var groupNote: String? = nil
    var resources: [UsedResource] = []
    var days: [Day] = []
    var activities: [ActivityPage] = []
    var timesNote = ""
    var caseStudies: [CaseStudyPage] = []
    var instruments: [InstrumentPlan] = []
    var glossary: [GlossaryItem] = []
    var toc: [Link] = []
    var hasOverview = false
    var hasPreparation = false
    var hasMaterials = false

    struct Person: TemplateViewModel {
        let name: String
        let role: String?
    }

    struct Objective: TemplateViewModel {
        let anchor: String
        let id: String
        let text: String
        let domain: String
        let level: String?
    }

    struct Audience: TemplateViewModel {
        let name: String
        let role: String
        let descriptionHtml: String?
        let facts: [Fact]
    }

    struct Task: TemplateViewModel {
        let task: String
        /// The source language when the text is shown untranslated on a translated page.
        let lang: String?
        let when: String?
        let due: String?
        let owner: String?
    }

    struct Material: TemplateViewModel {
        let text: String
        let lang: String?
        let quantity: String
        let total: String
    }

    /// A resource as the guide lists it: title, kind, where it is, and who may see it.
    struct ResourceEntry: TemplateViewModel {
        let id: String
        let title: String
        let kind: String
        let href: String?
        let file: String?
        let note: String?
    }

    /// A resource to print, with the copies per unit and in all.
    struct PrintItem: TemplateViewModel {
        let id: String
        let title: String
        let kind: String
        let href: String?
        let file: String?
        let note: String?
        let per: String?
        let total: String

        init(_ entry: ResourceEntry, per: String?, total: String) {
            (id, title, kind, href, file, note) = (
                entry.id, entry.title, entry.kind, entry.href, entry.file, entry.note
            )
            (self.per, self.total) = (per, total)
        }
    }

    /// A resource the session uses, with the items that use it.
    struct UsedResource: TemplateViewModel {
        let id: String
        let title: String
        let kind: String
        let href: String?
        let file: String?
        let note: String?
        let usedIn: String
        let descriptionHtml: String?

        init(_ entry: ResourceEntry, usedIn: String, descriptionHtml: String?) {
            (id, title, kind, href, file, note) = (
                entry.id, entry.title, entry.kind, entry.href, entry.file, entry.note
            )
            (self.usedIn, self.descriptionHtml) = (usedIn, descriptionHtml)
        }
    }

    struct Day: TemplateViewModel {
        let anchor: String
        let heading: String
        let title: String?
        let span: String
        let timelineSvg: String?
        let legend: [LegendItem]
        let slots: [Slot]
    }

    struct LegendItem: TemplateViewModel {
        let label: String
        let fill: String
    }

    /// A row of a day's agenda.
    struct Slot: TemplateViewModel {
        let number: Int
        let start: String
        let end: String
        let title: String
        let kind: String
        let duration: String
        /// The activity page's anchor, when the item has one.
        let anchor: String?
        let category: String
        let fill: String
        let module: String?
        let restricted: String?
    }

    /// An agenda item's page.
    struct ActivityPage: TemplateViewModel {
        let anchor: String
        let id: String
        let number: Int
        let dayNumber: Int
        let title: String
        let time: String
        let restricted: String?
        let category: String
        let facts: [Fact]
        let develops: [ObjectiveLink]
        let assesses: [ObjectiveLink]
        let purposeHtml: String?
        let steps: [Step]
        let facilitatorNotesHtml: String?
        let participantInstructionsHtml: String?
        let participantInstructionsRestricted: String?
        let debrief: [Line]
        let variants: [Variant]
        let sensitivityNoteHtml: String?
        let resources: [ResourceEntry]
        let cases: [Link]
    }

    struct ObjectiveLink: TemplateViewModel {
        let id: String
        let text: String
        let anchor: String?
    }

    struct Step: TemplateViewModel {
        let text: String
        let lang: String?
        let duration: String?
    }

    /// A line that may be shown untranslated (a debrief question).
    struct Line: TemplateViewModel {
        let text: String
        let lang: String?
    }

    struct Variant: TemplateViewModel {
        let mode: String
        let html: String
    }

    struct CaseStudyPage: TemplateViewModel {
        let anchor: String
        let id: String
        let title: String
        let restricted: String?
        let facts: [Fact]
        let summaryHtml: String?
        let contentWarningHtml: String?
        let contextHtml: String?
        let approachHtml: String?
        let impactHtml: String?
        let lessonsHtml: String?
        let discussion: [TextItem]
        let facilitatorNotesHtml: String?
        let sources: [Source]
    }

    struct Source: TemplateViewModel {
        let text: String
        let href: String?
        let date: String?
    }

    /// An instrument of the evaluation plan, with its answer key.
    struct InstrumentPlan: TemplateViewModel {
        let anchor: String
        let title: String
        let kind: String
        let restricted: String?
        let questions: [QuestionPlan]
    }

    struct QuestionPlan: TemplateViewModel {
        let number: Int
        let id: String
        let text: String
        let type: String
        let options: [OptionPlan]
        let acceptedAnswers: String?
        let questionFeedback: String?
        let explanationHtml: String?
        let lacksKey: Bool
        let assesses: [AssessedObjective]
    }

    struct OptionPlan: TemplateViewModel {
        let text: String
        let isCorrect: Bool
        let feedback: String?
    }

    struct AssessedObjective: TemplateViewModel {
        let id: String
        let text: String
        /// The objective's whole text, for a tooltip.
        let full: String
        let anchor: String?
    }
}
