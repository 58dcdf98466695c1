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

    /// The three letters every code of the family starts with.
    public var codePrefix: String {
        switch self {
        case .xml: "XML"
        case .structure: "STR"
        case .references: "REF"
        case .timing: "TIM"
        case .pedagogy: "PED"
        case .accessibility: "ACC"
        case .language: "LNG"
        case .safety: "SAF"
        case .export: "EXP"
        }
    }

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
