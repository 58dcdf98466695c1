import CurriculumModel
import CurriculumPluginKit

/// A rule pack for plain language in participant-facing text: participants of a programme that runs in many
/// countries often read it in their second language.
@main
struct ReadabilityPlugin: CurriculumPlugin {
    static let rules = [
        RuleSummary(
            code: "RDB001", severity: .warning, summary: "A sentence participants read is longer than 30 words."),
        RuleSummary(
            code: "RDB002", severity: .warning,
            summary: "Participant instructions for one activity are longer than 150 words."),
        RuleSummary(code: "RDB003", severity: .info, summary: "A title is longer than 80 characters."),
        RuleSummary(code: "RDB004", severity: .warning, summary: "Text is written in capitals, which is hard to read."),
    ]

    var identity: PluginIdentity {
        PluginIdentity(
            name: "readability", version: "1.0.0",
            description:
                "Plain-language checks for participant-facing text (sentence length, instruction length, capitals).")
    }

    var capabilities: Capabilities { Capabilities(validate: .init(rules: Self.rules)) }

    func validate(_ params: ValidateParams, context: PluginContext) async throws -> ValidateResult {
        let texts = ParticipantTexts(params.curriculum).all
        var checks = ReadabilityChecks()
        // Options from curriculum.json tune the limits: {"maxSentenceWords": 25, "maxInstructionWords": 120}.
        if let value = params.options["maxSentenceWords"]?.numberValue { checks.longestSentence = Int(value) }
        if let value = params.options["maxInstructionWords"]?.numberValue { checks.longestInstructions = Int(value) }
        if let value = params.options["maxTitleCharacters"]?.numberValue { checks.longestTitle = Int(value) }
        var diagnostics: [Diagnostic] = []
        for (index, text) in texts.enumerated() {
            if index % 200 == 0 { context.progress(done: index, total: texts.count) }
            diagnostics += checks.check(text)
        }
        if params.options["verbose"] == .bool(true) {
            // A plain print: the SDK routes standard output to standard error, so this cannot corrupt the channel.
            print("readability: checked \(texts.count) texts, \(diagnostics.count) findings")
        }
        return ValidateResult(diagnostics: diagnostics)
    }
}
