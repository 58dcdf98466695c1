import CurriculumModel
import CurriculumPluginKit

/// A SARIF 2.1.0 log with the rule catalogue as the driver's rules, for code-scanning dashboards.
struct SARIFRenderer {
    let input: RenderInput

    private struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    private struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var columnKind = "unicodeCodePoints"
    }

    private struct Tool: Encodable {
        var driver: Driver
        /// Each plugin that took part, with the rules it declared.
        var extensions: [Component]?
    }

    /// A plugin as a SARIF tool component.
    private struct Component: Encodable {
        var name: String
        var version: String
        var semanticVersion: String?
        var informationUri: String?
        var shortDescription: Message?
        var rules: [Rule]
    }

    private struct Driver: Encodable {
        var name = ToolVersion.name
        var version = ToolVersion.current
        var semanticVersion = ToolVersion.current
        var informationUri = ToolVersion.informationURI
        var rules: [Rule]
    }

    private struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message?
        var defaultConfiguration: Configuration
        var properties: Properties?
    }

    private struct Properties: Encodable { var tags: [String] }
    private struct Configuration: Encodable { var level: String }
    private struct Message: Encodable { var text: String }

    private struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        /// Where the rule is described when it is not the driver's: a plugin's component.
        var rule: RuleReference?
        var level: String
        var message: Message
        var locations: [Location]?
    }

    private struct RuleReference: Encodable {
        var id: String
        var index: Int
        var toolComponent: ComponentReference
    }
    private struct ComponentReference: Encodable {
        var name: String
        var index: Int
    }

    private struct Location: Encodable { var physicalLocation: PhysicalLocation }
    private struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }
    private struct ArtifactLocation: Encodable { var uri: String }
    private struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }

    func render() -> String {
        var rules: [Rule] = RuleRegistry.descriptors.map { descriptor in
            Rule(
                id: descriptor.code.rawValue, name: Self.pascalCase(descriptor.title),
                shortDescription: Message(text: descriptor.title),
                fullDescription: Message(text: descriptor.explanation),
                help: descriptor.hint.map { Message(text: $0) },
                defaultConfiguration: Configuration(level: Self.level(descriptor.severity)),
                properties: Properties(tags: [descriptor.family.rawValue]))
        }
        var index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        // Each plugin is an extension with the rules it declared; a code it did not declare (an importer's or an
        // exporter's) is added to its component as it is met.
        var components: [Component] = input.report.plugins.map { handshake in
            Component(
                name: handshake.plugin.name, version: handshake.plugin.version,
                semanticVersion: handshake.plugin.version, informationUri: handshake.plugin.homepage,
                shortDescription: handshake.plugin.description.map { Message(text: $0) },
                rules: (handshake.capabilities.validate?.rules ?? []).map { rule in
                    Rule(
                        id: rule.code, name: rule.code, shortDescription: Message(text: rule.summary),
                        fullDescription: Message(text: rule.summary), help: nil,
                        defaultConfiguration: Configuration(level: Self.level(rule.severity)),
                        properties: Properties(tags: ["plugin"]))
                })
        }
        var results: [Result] = []
        for diagnostic in input.report.diagnostics {
            var ruleIndex: Int? = nil
            var reference: RuleReference? = nil
            if diagnostic.source == nil || diagnostic.source == ToolVersion.name {
                if index[diagnostic.code] == nil {
                    index[diagnostic.code] = rules.count
                    rules.append(
                        Rule(
                            id: diagnostic.code, name: diagnostic.code,
                            shortDescription: Message(text: diagnostic.code),
                            fullDescription: Message(text: "A finding of the core."), help: nil,
                            defaultConfiguration: Configuration(level: Self.level(diagnostic.severity)),
                            properties: nil))
                }
                ruleIndex = index[diagnostic.code]
            } else {
                let name = diagnostic.source ?? "plugin"
                var component = components.firstIndex { $0.name == name }
                if component == nil {
                    components.append(Component(name: name, version: "", rules: []))
                    component = components.count - 1
                }
                let place = component ?? 0
                var rule = components[place].rules.firstIndex { $0.id == diagnostic.code }
                if rule == nil {
                    components[place].rules.append(
                        Rule(
                            id: diagnostic.code, name: diagnostic.code,
                            shortDescription: Message(text: "Reported by \(name)"),
                            fullDescription: Message(text: "A rule of the plugin \(name)."), help: nil,
                            defaultConfiguration: Configuration(level: Self.level(diagnostic.severity)),
                            properties: Properties(tags: ["plugin"])))
                    rule = components[place].rules.count - 1
                }
                reference = RuleReference(
                    id: diagnostic.code, index: rule ?? 0, toolComponent: ComponentReference(name: name, index: place))
            }
            let text = diagnostic.hint.map { "\(diagnostic.message). \($0)" } ?? diagnostic.message
            results.append(
                Result(
                    ruleId: diagnostic.code, ruleIndex: ruleIndex, rule: reference,
                    level: Self.level(diagnostic.severity),
                    message: Message(text: text),
                    locations: diagnostic.location.map {
                        [
                            Location(
                                physicalLocation: PhysicalLocation(
                                    artifactLocation: ArtifactLocation(uri: Self.uri($0.path)),
                                    region: Region(startLine: max(1, $0.line), startColumn: max(1, $0.column))))
                        ]
                    }))
        }
        let tool = Tool(driver: Driver(rules: rules), extensions: components.isEmpty ? nil : components)
        return JSONOutput.string(Log(runs: [Run(tool: tool, results: results)]))
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A relative URI reference: percent-encodes what URIs do not allow in a path.
    static func uri(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            if (byte < 0x80 && (scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar))))
                || "/-._~".utf8.contains(byte)
            {
                result.append(Character(scalar))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return path.hasPrefix("/") ? "file://" + result : result
    }

    static func pascalCase(_ title: String) -> String {
        title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
