/// The domain and Bloom level an objective's verb suggests. Objectives are knowledge unless the verb asks
/// participants to do or make something (the apply and create levels), which makes them skills.
enum ObjectiveVerbs {
    private static let levels: [String: String] = {
        var table: [String: String] = [:]
        let groups: [(String, [String])] = [
            ("remember", ["define", "list", "name", "recall", "recognise", "recognize", "state", "identify", "label"]),
            (
                "understand",
                [
                    "describe", "explain", "summarise", "summarize", "classify", "discuss", "interpret", "outline",
                    "paraphrase", "illustrate", "report", "clarify",
                ]
            ),
            (
                "apply",
                [
                    "apply", "use", "demonstrate", "carry", "conduct", "implement", "practise", "practice", "perform",
                    "refer", "respond", "handle", "solve", "complete", "follow", "operate", "run", "facilitate",
                    "share", "record", "contact", "chair", "lead", "negotiate", "mediate", "listen",
                ]
            ),
            (
                "analyse",
                [
                    "analyse", "analyze", "compare", "contrast", "differentiate", "distinguish", "examine",
                    "investigate", "categorise", "categorize", "break", "diagnose",
                ]
            ),
            (
                "evaluate",
                [
                    "assess", "evaluate", "judge", "justify", "critique", "decide", "prioritise", "prioritize",
                    "appraise", "select", "weigh", "recommend", "review",
                ]
            ),
            (
                "create",
                [
                    "create", "design", "plan", "draft", "develop", "write", "build", "produce", "compose", "devise",
                    "formulate", "draw", "prepare", "construct", "organise", "organize", "map", "propose", "set",
                ]
            ),
        ]
        for (level, verbs) in groups {
            for verb in verbs { table[verb] = level }
        }
        return table
    }()

    /// Words that may stand before the verb: "to identify", "be able to describe".
    private static let lead: Set<String> = ["to", "be", "able", "will", "can", "participants", "you", "learners"]

    /// The domain (`knowledge` or `skill`) and, when the verb is a known one, the Bloom level.
    static func classify(_ text: String) -> (domain: String, level: String?) {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        guard let verb = words.first(where: { !lead.contains($0) }), let level = levels[verb] else {
            return ("knowledge", nil)
        }
        return (level == "apply" || level == "create" ? "skill" : "knowledge", level)
    }
}
