import CurriculumExportKit
import CurriculumModel

/// Writes one ``Assessment`` as a QTI 1.2.1 assessment in the Common Cartridge 1.1 profile
/// (`imsqti_xmlv1p2/imscc_xmlv1p1/assessment`), which Moodle imports as a quiz and Open edX as problems.
///
/// Choice, true/false and short-answer questions are scored when they have a key; opinion questions
/// (`graded="no"`) and questions without a key are left unscored. Rating scales and open questions become essay
/// items: the profile has no survey item type, so a rating scale's points are written into its text and reported.
/// Explanations are facilitator material and never written; feedback is shown after an answer.
struct QTIWriter {
    static let namespace = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
    static let schemaLocation = "http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd"
    static let resourceType = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"

    let assessment: Assessment
    let language: String?
    /// The words of the answer scales, from the export kit's catalogue.
    let text: StringCatalogue

    /// How a question is written.
    enum Shape: Equatable {
        case choice(multiple: Bool, trueFalse: Bool)
        case fillIn
        case essay
    }

    static func shape(of question: Question) -> Shape {
        switch question.type {
        case "single": .choice(multiple: false, trueFalse: false)
        case "multiple": .choice(multiple: true, trueFalse: false)
        // Moodle's importer stops the whole restore on a true/false item that has not exactly the two labels
        // true and false, so a true/false question of one or three options is a single choice.
        case "true-false": .choice(multiple: false, trueFalse: question.options.isEmpty || question.options.count == 2)
        case "short-answer": .fillIn
        default: .essay
        }
    }

    /// Whether a true/false question is written as a single choice: it has neither two options nor none.
    static func losesTrueFalse(_ question: Question) -> Bool {
        question.type == "true-false" && shape(of: question) == .choice(multiple: false, trueFalse: false)
    }

    /// The identifiers of a question's response labels, in the order of its options: `option1`, `option2`…, but
    /// `true` and `false` for a true/false question, the only identifiers Moodle's importer accepts there. Moodle
    /// shows its own words True and False for them, so the option that reads "false" (in English or the language
    /// of the cartridge) gets `false` even when it comes first; otherwise the first option is the true one.
    static func identifiers(of options: [String], shape: Shape, text: StringCatalogue) -> [String] {
        guard case .choice(_, true) = shape, options.count == 2 else {
            return options.indices.map { "option\($0 + 1)" }
        }
        let english = StringCatalogue(language: "en")
        func reads(_ option: String, _ key: String) -> Bool {
            let word = option.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
            return word == text[key].lowercased() || word == english[key].lowercased()
        }
        let falseFirst = reads(options[0], "false") || reads(options[1], "true")
        return falseFirst ? ["false", "true"] : ["true", "false"]
    }

    /// The five points of an agreement scale, as written into a Likert question's text.
    static func agreementScale(_ text: StringCatalogue) -> String {
        (1...5).map { text["likert.\($0)"] }.joined(separator: " · ")
    }

    func write() -> String {
        var xml = XMLWriter()
        xml.start(
            "questestinterop",
            [
                ("xmlns", Self.namespace), ("xmlns:xsi", ManifestWriter.xsiNamespace),
                ("xsi:schemaLocation", "\(Self.namespace) \(Self.schemaLocation)"),
            ])
        xml.start("assessment", [("ident", assessment.id), ("title", assessment.title)])
        xml.start("qtimetadata")
        field(&xml, "cc_profile", "cc.exam.v0p1")
        field(&xml, "qmd_assessmenttype", "Examination")
        field(&xml, "qmd_scoretype", "Percentage")
        field(&xml, "cc_maxattempts", "1")
        xml.end()
        xml.start("section", [("ident", "\(assessment.id)-section")])
        var used = UniqueNames(ignoresCase: false)
        for question in assessment.questions { item(&xml, question, ident: used.claim(Names.token(question.id))) }
        xml.end()
        xml.end()
        xml.end()
        return xml.output
    }

    /// What the quiz cannot carry, one note per kind of loss.
    func findings(session: String) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        let scales = assessment.questions.filter { ["likert", "scale"].contains($0.type) }
        if !scales.isEmpty {
            notes.append(
                note(
                    "IMS011",
                    "\(scales.count) rating-scale question(s) of \"\(assessment.title)\" (\(ids(scales))) are written as essay questions: Common Cartridge quizzes have no rating scale; the scale is named in the question text",
                    hint: "Collect ratings with the platform's survey or feedback tool if you need them as numbers."))
        }
        let reshaped = assessment.questions.filter(Self.losesTrueFalse)
        if !reshaped.isEmpty {
            notes.append(
                note(
                    "IMS015",
                    "\(reshaped.count) true/false question(s) of \"\(assessment.title)\" (\(ids(reshaped))) have neither two options nor none and are written as single-choice questions",
                    hint: "Give a true/false question no options (True / False) or exactly two."))
        }
        let unkeyed = assessment.questions.filter { $0.needsKey && !($0.key?.namesAnAnswer ?? false) }
        if !unkeyed.isEmpty {
            notes.append(
                note(
                    "IMS012",
                    "\(unkeyed.count) graded question(s) of \"\(assessment.title)\" (\(ids(unkeyed))) have no answer key and are not scored",
                    hint: "Mark the right options with correct=\"true\", or the question graded=\"no\"."))
        }
        let explained = assessment.questions.filter { $0.key?.explanation != nil }
        if !explained.isEmpty {
            notes.append(
                note(
                    "IMS013",
                    "the explanations of \(explained.count) question(s) of \"\(assessment.title)\" are for facilitators and stay in the facilitator guide, not in the quiz",
                    hint: nil))
        }
        return notes
    }

    private func ids(_ questions: [Question]) -> String {
        questions.prefix(5).map(\.id).joined(separator: ", ") + (questions.count > 5 ? ", …" : "")
    }

    private func note(_ code: String, _ message: String, hint: String?) -> Diagnostic {
        Diagnostic(severity: .info, code: code, message: message, hint: hint, location: nil, source: "imscc")
    }

    // MARK: - Items

    private func item(_ xml: inout XMLWriter, _ question: Question, ident: String) {
        let shape = Self.shape(of: question)
        let key = question.needsKey ? question.key.flatMap { $0.namesAnAnswer ? $0 : nil } : nil
        let profile: String
        switch shape {
        case .choice(let multiple, let trueFalse):
            profile =
                trueFalse ? "cc.true_false.v0p1" : multiple ? "cc.multiple_response.v0p1" : "cc.multiple_choice.v0p1"
        case .fillIn: profile = key == nil ? "cc.essay.v0p1" : "cc.fib.v0p1"
        case .essay: profile = "cc.essay.v0p1"
        }
        var text = question.text.text(in: language)
        if question.type == "likert" { text += " (\(Self.agreementScale(self.text)))" }
        if question.type == "scale", !text.contains("0") { text += " (0–10)" }
        xml.start("item", [("ident", ident), ("title", question.id)])
        xml.start("itemmetadata")
        xml.start("qtimetadata")
        field(&xml, "cc_profile", profile)
        field(&xml, "cc_weighting", key == nil ? "0" : "1")
        field(&xml, "qmd_computerscored", key == nil ? "No" : "Yes")
        xml.end()
        xml.end()
        xml.start("presentation")
        material(&xml, text)
        let options = choiceOptions(question, shape: shape)
        let idents = Self.identifiers(of: options, shape: shape, text: self.text)
        switch shape {
        case .choice(let multiple, _):
            xml.start("response_lid", [("ident", "response1"), ("rcardinality", multiple ? "Multiple" : "Single")])
            xml.start("render_choice")
            for (index, option) in options.enumerated() {
                xml.start("response_label", [("ident", idents[index])])
                material(&xml, option)
                xml.end()
            }
            xml.end()
            xml.end()
        case .fillIn, .essay:
            xml.start("response_str", [("ident", "response1"), ("rcardinality", "Single")])
            xml.empty("render_fib", shape == .essay ? [("rows", "5")] : [])
            xml.end()
        }
        xml.end()
        let feedback = (question.key?.feedback ?? []).filter { entry in entry.option.map { $0 < options.count } ?? true
        }
        // Every choice item gets response processing, even unscored: Open edX's converter (cc2olx) fails on a
        // choice item without one.
        if key != nil || !feedback.isEmpty || options.count > 0 {
            scoring(&xml, question: question, shape: shape, key: key, idents: idents, feedback: feedback)
        }
        for entry in feedback {
            let ident = entry.option.map { "feedback-option\($0 + 1)" } ?? "feedback-general"
            xml.start("itemfeedback", [("ident", ident)])
            xml.start("flow_mat")
            material(&xml, entry.text.text(in: language))
            xml.end()
            xml.end()
        }
        xml.end()
    }

    private func choiceOptions(_ question: Question, shape: Shape) -> [String] {
        guard case .choice(_, let trueFalse) = shape else { return [] }
        if trueFalse, question.options.isEmpty { return [text["true"], text["false"]] }
        return question.options.map { $0.text(in: language) }
    }

    private func scoring(
        _ xml: inout XMLWriter, question: Question, shape: Shape, key: AnswerKey?, idents: [String],
        feedback: [AnswerKey.Feedback]
    ) {
        let optionCount = idents.count
        xml.start("resprocessing")
        xml.start("outcomes")
        xml.text("decvar", "", [("varname", "SCORE"), ("vartype", "Decimal"), ("minvalue", "0"), ("maxvalue", "100")])
        xml.end()
        // The score first, stopping there: importers such as cc2olx take every varequal up to the first
        // continue="No" as a right answer, so feedback conditions must not come before it.
        if let key {
            xml.start("respcondition", [("continue", "No")])
            xml.start("conditionvar")
            switch shape {
            case .choice(let multiple, _):
                let correct = key.correctOptions.filter { $0 < optionCount }
                if multiple {
                    // Moodle's importer takes as right answers of a multiple-response item only the varequals
                    // marked case="Yes" (outside a not); without it the question arrives with no right answer.
                    let label: [(String, String)] = [("respident", "response1"), ("case", "Yes")]
                    xml.start("and")
                    for index in 0..<optionCount {
                        if correct.contains(index) {
                            xml.text("varequal", idents[index], label)
                        } else {
                            xml.start("not")
                            xml.text("varequal", idents[index], label)
                            xml.end()
                        }
                    }
                    xml.end()
                } else {
                    for index in correct { xml.text("varequal", idents[index], [("respident", "response1")]) }
                }
            case .fillIn, .essay:
                for answer in key.acceptedAnswers {
                    xml.text("varequal", answer.text(in: language), [("respident", "response1"), ("case", "No")])
                }
            }
            xml.end()
            xml.text("setvar", "100", [("varname", "SCORE"), ("action", "Set")])
            for entry in feedback {
                guard let option = entry.option, key.correctOptions.contains(option) else { continue }
                xml.empty(
                    "displayfeedback", [("feedbacktype", "Response"), ("linkrefid", "feedback-option\(option + 1)")])
            }
            if feedback.contains(where: { $0.option == nil }) {
                xml.empty("displayfeedback", [("feedbacktype", "Response"), ("linkrefid", "feedback-general")])
            }
            xml.end()
        }
        for option in feedback.compactMap(\.option) where !(key?.correctOptions.contains(option) ?? false) {
            xml.start("respcondition", [("continue", "Yes")])
            xml.start("conditionvar")
            xml.text("varequal", idents[option], [("respident", "response1")])
            xml.end()
            xml.empty("displayfeedback", [("feedbacktype", "Response"), ("linkrefid", "feedback-option\(option + 1)")])
            xml.end()
        }
        // Otherwise no score, and the general feedback.
        xml.start("respcondition", [("continue", "No")])
        xml.start("conditionvar")
        xml.empty("other")
        xml.end()
        xml.text("setvar", "0", [("varname", "SCORE"), ("action", "Set")])
        if feedback.contains(where: { $0.option == nil }) {
            xml.empty("displayfeedback", [("feedbacktype", "Response"), ("linkrefid", "feedback-general")])
        }
        xml.end()
        xml.end()
    }

    private func material(_ xml: inout XMLWriter, _ text: String) {
        xml.start("material")
        xml.text("mattext", text, [("texttype", "text/plain")])
        xml.end()
    }

    private func field(_ xml: inout XMLWriter, _ label: String, _ entry: String) {
        xml.start("qtimetadatafield")
        xml.text("fieldlabel", label)
        xml.text("fieldentry", entry)
        xml.end()
    }
}
