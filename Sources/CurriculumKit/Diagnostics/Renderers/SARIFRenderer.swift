import CurriculumModel

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

    private struct Tool: Encodable { var driver: Driver }

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
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]?
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
        var results: [Result] = []
        for diagnostic in input.report.diagnostics {
            if index[diagnostic.code] == nil {
                index[diagnostic.code] = rules.count
                rules.append(
                    Rule(
                        id: diagnostic.code, name: diagnostic.code,
                        shortDescription: Message(text: "Reported by \(diagnostic.source ?? "a plugin")"),
                        fullDescription: Message(text: "A rule of the plugin \(diagnostic.source ?? "?")."), help: nil,
                        defaultConfiguration: Configuration(level: Self.level(diagnostic.severity)),
                        properties: Properties(tags: ["plugin"])))
            }
            let text = diagnostic.hint.map { "\(diagnostic.message). \($0)" } ?? diagnostic.message
            results.append(
                Result(
                    ruleId: diagnostic.code, ruleIndex: index[diagnostic.code] ?? 0,
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
        return JSONOutput.string(Log(runs: [Run(tool: Tool(driver: Driver(rules: rules)), results: results)]))
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
