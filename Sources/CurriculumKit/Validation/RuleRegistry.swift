/// The list of every core rule. `curriculum rules`, `docs/rules.md`, SARIF's rule table and the rule tests are
/// derived from it; validation runs its model rules in this order.
///
/// Adding a rule: write its definition in `Validation/Rules/<Family>/<CODE>-<Name>.swift`, add the type here, and
/// add its fixture under `Tests/EndToEndTests/Fixtures/rules/<CODE>/` (the tests name any rule without one).
public enum RuleRegistry {
    /// Every rule, by family in ``RuleFamily`` order, then by code.
    public static let all: [any Rule.Type] = [
        // XML input: reported by the hardened parser.
        NotWellFormed.self, ForbiddenDeclaration.self, ExternalResourceRefused.self, NotXMLText.self,
        FileTooLarge.self, ParserLimitExceeded.self,
        // Structure
        NotACurriculumDocument.self, UnsupportedFormatVersion.self, UnexpectedElement.self, UnknownAttribute.self,
        RequiredPartMissing.self, InvalidValue.self, IncludeTargetMissing.self, IncludeWrongRoot.self,
        IncludeCycle.self, IncludeEscapesRoot.self, DayCountMismatch.self, EmptyText.self, OrphanDocument.self,
        FolderEntryNotRead.self,
        // References
        DuplicateID.self, DanglingReference.self, WrongKindReference.self, UnusedDefinition.self,
        ResourceFileMissing.self, ResourceFileCaseDiffers.self, ResourcePathEscapesRoot.self,
        DisallowedURLScheme.self, InsecureLink.self, PrerequisiteCycle.self, ActivityNotInModule.self,
        ActivityPlacedTwice.self,
        // Timing
        InvalidDuration.self, MissingDuration.self, DayOverruns.self, LongDay.self, NoBreak.self,
        DurationOutsideRange.self, DeliveryDatesOutOfOrder.self, UnknownTimeZone.self, DeliveryMismatch.self,
        DayEndsEarly.self, InvalidClockTime.self, ZeroDuration.self, OnlineOutsideRemoteHours.self,
        HeadCountDoesNotFit.self,
        // Pedagogy
        SessionWithoutObjectives.self, ObjectiveNotDeveloped.self, ObjectiveNotAssessed.self,
        UnmeasurableObjective.self, MissingFacilitatorNotes.self, MissingParticipantInstructions.self,
        SessionWithoutEvaluation.self, IncompleteCaseStudy.self, CaseStudyWithoutSources.self,
        InputHeavySession.self, SessionObjectiveNotDeveloped.self, ChoiceQuestionWithoutOptions.self,
        QuestionWithoutKey.self, AnswerKeyMismatch.self,
        // Accessibility
        ImageWithoutAltText.self, VagueLinkText.self, VideoWithoutCaptions.self, UntaggedPDF.self,
        AudioWithoutTranscript.self, ResourceLanguageMissing.self,
        // Language
        InvalidLanguageTag.self, MissingTranslation.self, StaleTranslation.self, UndeclaredTranslationLanguage.self,
        DuplicateTranslation.self,
        // Safety and data protection
        AnonymisationUndeclared.self, ConsentUndeclared.self, SensitiveWithoutGuidance.self,
        PersonalDataInParticipantText.self, CredentialLikeString.self, CaseStudyShownWithoutConsent.self,
        PublishedWithoutProvenance.self, DistressingBackToBack.self,
        // Export readiness
        FacilitatorContentForParticipants.self, FacilitatorResourceOnParticipantActivity.self, NothingToPack.self,
        UnsafeFileName.self, MediaTypeMismatch.self, KeyShownBeforeActivity.self,
    ]

    /// Every rule's descriptor, in code order (the order of `curriculum rules --format json` and of SARIF's rule
    /// table).
    public static let descriptors: [RuleDescriptor] = all.map { $0.descriptor }.sorted { $0.code < $1.code }

    /// The rules checked on the loaded model, in the order of ``all``.
    public static let modelRules: [any ModelRule.Type] = all.compactMap { $0 as? any ModelRule.Type }

    private static let byCode: [String: RuleDescriptor] = Dictionary(
        descriptors.map { ($0.code.rawValue, $0) }, uniquingKeysWith: { first, _ in first })

    /// Runs every model rule on a context.
    public static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for rule in modelRules { rule.check(context, into: &report) }
    }

    /// The descriptor of a core rule's code, or `nil` for a code of a plugin.
    public static func descriptor(for code: String) -> RuleDescriptor? { byCode[code] }
}
