public import CurriculumModel

/// The one place that decides what a participant may see.
///
/// Every participant-facing output — the HTML participant pack, the calendar, the cartridge's pages, the
/// participant bundle — asks these questions and nothing else, and so do the checks of `curriculum validate` (the
/// text inventory, EXP001, EXP002, SAF006, readability) and the translation exchange, so a text is checked as
/// participant text exactly when it is printed for participants. `VisibilityDecisionScanTests` fails when code
/// elsewhere decides for itself.
///
/// A text's own `for=` decides; without one, the default audience of the field that holds it does, and those
/// defaults are written once, in ``Field``.
/// Facilitator notes, sensitivity notes, steps, debrief questions, variants, preparation, materials, room notes,
/// answer keys and instructor notes are never participant fields: they have no case here, so an exporter cannot ask
/// for them through this view.
public enum ParticipantView {
    /// A rich-text field that may reach participants, with its default audience.
    public enum Field: Sendable, CaseIterable {
        case programmeSummary, provenance, moduleSummary, sessionSummary
        case purpose, participantInstructions
        case resourceDescription
        case caseStudySection
        case glossaryDefinition

        /// Who may read the field when its text has no `for=`: `<participant-instructions>` is written for
        /// participants; summaries, purposes, descriptions, case-study sections and definitions are for all.
        public var defaultAudience: Visibility {
            switch self {
            case .participantInstructions: .participant
            case .programmeSummary, .provenance, .moduleSummary, .sessionSummary, .purpose, .resourceDescription,
                .caseStudySection, .glossaryDefinition:
                .all
            }
        }
    }

    /// Whether participants see an agenda item at all (its `for=`, all by default).
    public static func sees(_ item: Activity) -> Bool { (item.audience ?? .all).isVisibleToParticipants }

    /// Whether participants may read a text held in a field; `false` when there is no text.
    public static func sees(_ text: RichText?, as field: Field) -> Bool {
        guard let text else { return false }
        return text.isVisibleToParticipants(byDefault: field.defaultAudience)
    }

    /// The text when participants may read it, else `nil`.
    public static func text(_ text: RichText?, as field: Field) -> RichText? {
        sees(text, as: field) ? text : nil
    }

    /// Whether a text's own `for=` names participants. Only an authoring mistake on a facilitator-only field
    /// (facilitator notes, sensitivity notes) makes this matter: the view still withholds such a text, and EXP001
    /// reports it so the author knows it was never shown.
    public static func isMarkedForParticipants(_ text: RichText?) -> Bool {
        text?.audience?.isVisibleToParticipants == true
    }

    /// Whether a resource's title, link and file may reach participants (its `for=`).
    public static func sees(_ resource: Resource) -> Bool { resource.visibility.isVisibleToParticipants }

    /// Whether a case study may reach participants (its `for=`); its facilitator notes never do.
    public static func sees(_ study: CaseStudy) -> Bool { study.visibility.isVisibleToParticipants }

    /// Whether an evaluation instrument is handed to participants (its `for=`, all by default). Answer keys of its
    /// questions never are.
    public static func sees(_ instrument: Instrument) -> Bool { (instrument.audience ?? .all).isVisibleToParticipants }

    /// The curriculum elements whose text never reaches participants, whatever their own `for=`: facilitator
    /// notes, sensitivity notes, steps, debrief questions, variants, room notes, preparation, materials, answer-key
    /// explanations, deliveries, and the programme's owner and funders (printed on the facilitator guide only). For
    /// code that reads curriculum files as XML (the translation exchange) rather
    /// than the model.
    public static let facilitatorElements: Set<String> = [
        "facilitator-notes", "sensitivity-note", "steps", "debrief", "variant", "room", "preparation", "materials",
        "explanation", "deliveries", "delivery", "owner", "funder",
    ]

    /// Whether participants may read the text of an element of a curriculum file, read as XML.
    ///
    /// - Parameters:
    ///   - element: The element's name.
    ///   - markedFor: Its `for=` attribute, if any.
    ///   - insideWithheld: Whether an enclosing element already withholds its content from participants.
    public static func sees(element: String, markedFor: String?, insideWithheld: Bool) -> Bool {
        if insideWithheld || facilitatorElements.contains(element) { return false }
        guard let markedFor else { return true }
        // An unknown value is a schema error reported elsewhere; until it is fixed, nothing is shown on its word.
        return Visibility(rawValue: markedFor)?.isVisibleToParticipants ?? false
    }

    /// The IDs of the resources a participant-visible item of the session lists: only those may be handed out.
    /// A participant-visible resource that only a facilitator item lists stays with the facilitators.
    public static func handedOutResources(of session: Session) -> Set<String> {
        var ids: Set<String> = []
        for item in session.allItems where sees(item) { ids.formUnion(item.resources) }
        return ids
    }

    /// Whether a resource of the session is handed to participants: visible to them and listed by an item they see.
    public static func handsOut(_ resource: Resource, in session: Session) -> Bool {
        sees(resource) && handedOutResources(of: session).contains(resource.id)
    }
}
