/// Element names of DITA and its Learning & Training specialisation, grouped by how the importer treats them.
enum DITAVocabulary {
    /// Root elements of the topic types the importer reads.
    static let topicTypes: Set<String> = [
        "learningPlan", "learningOverview", "learningContent", "learningSummary", "learningAssessment",
        "learningBase", "topic", "concept", "task", "reference",
    ]

    /// Learning & Training sections read as ordinary sections of running text.
    static let sectionLike: Set<String> = [
        "lcIntro", "lcSummary", "lcReview", "lcNextSteps", "lcResources", "lcPrereqs", "lcChallenge",
        "lcInstruction", "lcDescription", "bodydiv", "sectiondiv",
    ]

    /// Interactions and the question type each becomes.
    static let questionTypes: [String: String] = [
        "lcTrueFalse": "single", "lcSingleSelect": "single", "lcMultipleSelect": "multiple",
        "lcOpenQuestion": "open",
    ]

    /// Interactions the model has no question type for.
    static let unsupportedInteractions: Set<String> = ["lcSequencing", "lcMatching", "lcHotspot"]

    /// Task and list structures renamed to the lists the rich-text converter knows.
    static let renamed: [String: String] = [
        "steps": "ol", "substeps": "ol", "steps-unordered": "ul", "choices": "ul", "step": "li", "substep": "li",
        "choice": "li", "stepsection": "li",
    ]

    /// Phrase elements that only wrap text: their content is spliced into the surrounding text, so that the
    /// words keep their neighbouring punctuation ("the <keyword>network</keyword>." stays "the network.").
    static let phrases: Set<String> = [
        "ph", "keyword", "term", "tm", "codeph", "filepath", "apiname", "option", "parmname", "cmdname", "msgph",
        "systemoutput", "userinput", "varname", "abbreviated-form", "tt", "u", "text", "state", "sup", "sub",
        "linktext",
    ]

    /// Map elements that only ask a processor to generate navigation (tables of contents, indexes); they carry
    /// no content and are skipped without a report.
    static let generatedLists: Set<String> = [
        "booklists", "toc", "indexlist", "figurelist", "tablelist", "abbrevlist", "trademarklist", "bibliolist",
        "glossarylist",
    ]

    /// Map elements that reference a topic like `topicref` does, or group references without one.
    static let genericReferences: Set<String> = [
        "topicref", "topichead", "topicgroup", "chapter", "part", "appendix", "appendices", "frontmatter",
        "backmatter", "preface", "notices", "bookabstract", "dedication", "colophon", "draftintro", "amendments",
        "topicset", "glossref",
    ]

    /// The name of a Learning & Training element without the `2` of the DITA 1.3 `learning2` domain
    /// (`lcSingleSelect2` → `lcSingleSelect`).
    static func baseName(_ name: String) -> String {
        guard name.hasPrefix("lc"), name.hasSuffix("2") else { return name }
        return String(name.dropLast())
    }
}
