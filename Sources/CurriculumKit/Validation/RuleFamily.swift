/// The families rules are grouped in, in the order validation runs them.
public enum RuleFamily: String, Sendable, CaseIterable, Codable {
    case xml
    case structure
    case references
    case timing
    case pedagogy
    case accessibility
    case language
    case safety
    case export

    /// A heading for documentation.
    public var title: String {
        switch self {
        case .xml: "XML input"
        case .structure: "Structure"
        case .references: "References"
        case .timing: "Timing"
        case .pedagogy: "Pedagogy"
        case .accessibility: "Accessibility"
        case .language: "Language"
        case .safety: "Safety and data protection"
        case .export: "Export readiness"
        }
    }
}
