public import CurriculumModel
public import Foundation

// MARK: - initialize

/// `initialize` parameters, sent by the core.
public struct InitializeParams: Codable, Sendable, Equatable {
    public var protocolVersions: [Int]
    public var core: CoreIdentity
    public var modelVersion: String
    public var limits: Limits
    public var options: [String: JSONValue]
    /// The minor protocol version the core speaks within the offered major versions (1 for protocol 1.1).
    /// Absent means 0. A plugin that answers `protocolMinor` 1 or more gets 1.1's additions (`timetable`).
    public var protocolMinor: Int?

    /// The core's name and version.
    public struct CoreIdentity: Codable, Sendable, Equatable {
        public var name: String
        public var version: String

        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    /// Limits the core enforces on the plugin's messages.
    public struct Limits: Codable, Sendable, Equatable {
        public var maxMessageBytes: Int

        public init(maxMessageBytes: Int) {
            self.maxMessageBytes = maxMessageBytes
        }
    }

    public init(
        protocolVersions: [Int], core: CoreIdentity, modelVersion: String, limits: Limits,
        options: [String: JSONValue] = [:], protocolMinor: Int? = PluginProtocol.minorVersion
    ) {
        self.protocolVersions = protocolVersions
        self.core = core
        self.modelVersion = modelVersion
        self.limits = limits
        self.options = options
        self.protocolMinor = protocolMinor
    }
}

/// `initialize` result, sent by the plugin.
public struct InitializeResult: Codable, Sendable, Equatable {
    public var protocolVersion: Int
    public var plugin: PluginIdentity
    public var capabilities: Capabilities
    public var modelVersions: VersionRange?
    /// The minor version the plugin speaks, at most the core's `protocolMinor`; absent means 0.
    public var protocolMinor: Int?

    public init(
        protocolVersion: Int, plugin: PluginIdentity, capabilities: Capabilities, modelVersions: VersionRange? = nil,
        protocolMinor: Int? = nil
    ) {
        self.protocolVersion = protocolVersion
        self.plugin = plugin
        self.capabilities = capabilities
        self.modelVersions = modelVersions
        self.protocolMinor = protocolMinor
    }
}

/// Who a plugin is.
public struct PluginIdentity: Codable, Sendable, Equatable {
    public var name: String
    public var version: String
    public var description: String?
    public var homepage: String?

    public init(name: String, version: String, description: String? = nil, homepage: String? = nil) {
        self.name = name
        self.version = version
        self.description = description
        self.homepage = homepage
    }
}

/// What a plugin can do. Only the capabilities it has are present.
public struct Capabilities: Codable, Sendable, Equatable {
    public var `import`: FormatList?
    public var validate: RuleList?
    public var export: FormatList?

    /// Formats a plugin imports or exports.
    public struct FormatList: Codable, Sendable, Equatable {
        public var formats: [String]
        /// Importers only: how to recognise a source in each format, for `curriculum import --from auto`.
        public var recognise: [SourceRecognition]?
        /// Exporters only: the formats for which the exporter wants every session of a pack run in one request
        /// (it starts something costly once, such as a browser). Its answer for several sessions puts each
        /// session's files under a folder named after the session ID.
        public var batched: [String]?

        public init(formats: [String], recognise: [SourceRecognition]? = nil, batched: [String]? = nil) {
            self.formats = formats
            self.recognise = recognise
            self.batched = batched
        }
    }

    /// The rules a validator plugin reports.
    public struct RuleList: Codable, Sendable, Equatable {
        public var rules: [RuleSummary]

        public init(rules: [RuleSummary]) {
            self.rules = rules
        }
    }

    public init(import: FormatList? = nil, validate: RuleList? = nil, export: FormatList? = nil) {
        self.import = `import`
        self.validate = validate
        self.export = export
    }

    /// The capability names present, for listings: `validate`, `export(html, ics)`.
    public var summary: [String] {
        var names: [String] = []
        if let list = `import` { names.append("import(\(list.formats.joined(separator: ", ")))") }
        if let list = validate { names.append("validate(\(list.rules.count) rules)") }
        if let list = export { names.append("export(\(list.formats.joined(separator: ", ")))") }
        return names
    }
}

/// How an importer recognises a source in one of its formats. The core checks, in this order: marker files at
/// the top of a folder or zip archive or one folder down (the shallowest wins), the source's own file name as a
/// marker, the root element of an XML file, then the file name's ending.
public struct SourceRecognition: Codable, Sendable, Equatable {
    /// The format these signs mean.
    public var format: String
    /// File names that mark the format, compared without case; `*.ditamap` matches any name with that ending.
    public var markerFiles: [String]?
    /// File name endings of sources in the format, with their dot, compared without case: `.imscc`, `.tar.gz`.
    public var extensions: [String]?
    /// Local names of the root element of an XML file in the format.
    public var rootElements: [String]?

    public init(
        format: String, markerFiles: [String]? = nil, extensions: [String]? = nil, rootElements: [String]? = nil
    ) {
        self.format = format
        self.markerFiles = markerFiles
        self.extensions = extensions
        self.rootElements = rootElements
    }
}

/// One rule a validator plugin may report.
public struct RuleSummary: Codable, Sendable, Equatable {
    public var code: String
    public var severity: Severity
    public var summary: String

    public init(code: String, severity: Severity, summary: String) {
        self.code = code
        self.severity = severity
        self.summary = summary
    }
}

/// An inclusive range of model versions.
public struct VersionRange: Codable, Sendable, Equatable {
    public var min: String
    public var max: String

    public init(min: String, max: String) {
        self.min = min
        self.max = max
    }
}

// MARK: - validate, import, export

/// `validate` parameters.
public struct ValidateParams: Codable, Sendable {
    public var curriculum: Curriculum
    /// The curriculum root, absolute; locations in the model are relative to it.
    public var root: String
    public var options: [String: JSONValue]
    /// Protocol 1.1: every session's resolved clock times.
    public var timetable: ResolvedTimetable?

    public init(curriculum: Curriculum, root: String, options: [String: JSONValue] = [:]) {
        self.curriculum = curriculum
        self.root = root
        self.options = options
    }
}

extension ValidateParams {
    /// The JSON of validate params around a curriculum that is already encoded.
    public static func encoded(curriculum: Data, root: String, options: [String: JSONValue]) throws -> Data {
        var data = Data(#"{"curriculum":"#.utf8)
        data.append(curriculum)
        data.append(contentsOf: Array(#","root":"#.utf8))
        data.append(try ProtocolJSONEncoder.encode(root))
        data.append(contentsOf: Array(#","options":"#.utf8))
        data.append(try ProtocolJSONEncoder.encode(options))
        data.append(UInt8(ascii: "}"))
        return data
    }
}

/// `validate` result.
public struct ValidateResult: Codable, Sendable, Equatable {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}

/// `import` parameters.
public struct ImportParams: Codable, Sendable, Equatable {
    public var source: String
    public var format: String
    public var options: [String: JSONValue]

    public init(source: String, format: String, options: [String: JSONValue] = [:]) {
        self.source = source
        self.format = format
        self.options = options
    }
}

/// `import` result.
public struct ImportResult: Codable, Sendable {
    public var curriculum: Curriculum
    public var diagnostics: [Diagnostic]
    /// Files the curriculum refers to (handouts, images), written by the core beside the native XML at their
    /// `path`; `copyOf` names a file relative to the source folder, `base64` carries the bytes (for archives).
    /// Optional in the JSON; `[]` when absent.
    public var files: [Artifact]

    public init(curriculum: Curriculum, diagnostics: [Diagnostic] = [], files: [Artifact] = []) {
        self.curriculum = curriculum
        self.diagnostics = diagnostics
        self.files = files
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        curriculum = try container.decode(Curriculum.self, forKey: .curriculum)
        diagnostics = try container.decode([Diagnostic].self, forKey: .diagnostics)
        files = try container.decodeIfPresent([Artifact].self, forKey: .files) ?? []
    }
}

/// An `import` answer as it travels: the curriculum as a model (`curriculum`, every protocol version), or, from a
/// plugin that answered `protocolMinor` 3, as a native XML document (`document`, with `documentSources`).
///
/// Plugins build an ``ImportResult``; the Swift SDK sends it in the document form when the core speaks 1.3. The
/// core reads either.
public struct ImportAnswer: Codable, Sendable {
    /// The imported curriculum, in one of its two forms.
    public enum Content: Sendable {
        case model(Curriculum)
        case document(NativeDocument)
    }

    public var content: Content
    public var diagnostics: [Diagnostic]
    public var files: [Artifact]

    public init(content: Content, diagnostics: [Diagnostic] = [], files: [Artifact] = []) {
        self.content = content
        self.diagnostics = diagnostics
        self.files = files
    }

    /// A result in the form the negotiated protocol allows: from 1.3, the curriculum written as a document, unless
    /// the importer reported an error (nothing will be written then, and the model is the smaller answer).
    public init(_ result: ImportResult, protocolMinor: Int) {
        let sendsDocument =
            protocolMinor >= PluginProtocol.documentImportMinor
            && !result.diagnostics.contains { $0.severity == .error }
        let content: Content =
            sendsDocument ? .document(NativeXMLWriter().written(result.curriculum)) : .model(result.curriculum)
        self.init(content: content, diagnostics: result.diagnostics, files: result.files)
    }

    private enum CodingKeys: String, CodingKey {
        case curriculum, document, documentSources, diagnostics, files
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try container.decodeIfPresent(String.self, forKey: .document) {
            guard !container.contains(.curriculum) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .document, in: container,
                    debugDescription: "an answer carries either curriculum or document, not both")
            }
            let sources = try container.decodeIfPresent([DocumentSource].self, forKey: .documentSources) ?? []
            content = .document(NativeDocument(text: text, sources: sources))
        } else {
            content = .model(try container.decode(Curriculum.self, forKey: .curriculum))
        }
        diagnostics = try container.decode([Diagnostic].self, forKey: .diagnostics)
        files = try container.decodeIfPresent([Artifact].self, forKey: .files) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch content {
        case .model(let curriculum): try container.encode(curriculum, forKey: .curriculum)
        case .document(let document):
            try container.encode(document.text, forKey: .document)
            try container.encode(document.sources, forKey: .documentSources)
        }
        try container.encode(diagnostics, forKey: .diagnostics)
        try container.encode(files, forKey: .files)
    }
}

/// `export` parameters.
public struct ExportParams: Codable, Sendable {
    public var curriculum: Curriculum
    public var root: String
    public var format: String
    public var sessions: [String]
    public var delivery: Delivery?
    public var options: [String: JSONValue]
    /// Protocol 1.1: the exported sessions' resolved clock times, in the delivery's time zone.
    public var timetable: ResolvedTimetable?

    public init(
        curriculum: Curriculum, root: String, format: String, sessions: [String], delivery: Delivery? = nil,
        options: [String: JSONValue] = [:]
    ) {
        self.curriculum = curriculum
        self.root = root
        self.format = format
        self.sessions = sessions
        self.delivery = delivery
        self.options = options
    }

    /// The params as JSON, with a curriculum already encoded spliced in: one encoding of a large model serves every
    /// session and format. Members come in sorted order, as a sorted-keys encoder writes them.
    public static func encoded(
        curriculum: Data, root: String, format: String, sessions: [String], delivery: Delivery?,
        options: [String: JSONValue]
    ) throws -> Data {
        var data = Data(#"{"curriculum":"#.utf8)
        data.append(curriculum)
        if let delivery {
            data.append(contentsOf: Array(#","delivery":"#.utf8))
            data.append(try ProtocolJSONEncoder.encode(delivery))
        }
        data.append(contentsOf: Array(#","format":"#.utf8))
        data.append(try ProtocolJSONEncoder.encode(format))
        data.append(contentsOf: Array(#","options":"#.utf8))
        data.append(try ProtocolJSONEncoder.encode(options))
        data.append(contentsOf: Array(#","root":"#.utf8))
        data.append(try ProtocolJSONEncoder.encode(root))
        data.append(contentsOf: Array(#","sessions":"#.utf8))
        data.append(try ProtocolJSONEncoder.encode(sessions))
        data.append(UInt8(ascii: "}"))
        return data
    }
}

/// `export` result.
public struct ExportResult: Codable, Sendable, Equatable {
    public var artifacts: [Artifact]
    public var diagnostics: [Diagnostic]

    public init(artifacts: [Artifact], diagnostics: [Diagnostic] = []) {
        self.artifacts = artifacts
        self.diagnostics = diagnostics
    }
}

/// One file an exporter produces; exactly one of `text`, `base64` and `copyOf` is set.
public struct Artifact: Codable, Sendable, Equatable {
    public var path: String
    public var mediaType: String?
    public var text: String?
    public var base64: String?
    /// A file under the curriculum root to copy.
    public var copyOf: String?
    /// Who the file is for: ``ArtifactAudience/participants`` may be handed to participants; anything else, or no
    /// audience, is kept for facilitators (the participant bundle leaves it out).
    public var audience: ArtifactAudience?

    public init(
        path: String, mediaType: String? = nil, text: String? = nil, base64: String? = nil, copyOf: String? = nil,
        audience: ArtifactAudience? = nil
    ) {
        self.path = path
        self.mediaType = mediaType
        self.text = text
        self.base64 = base64
        self.copyOf = copyOf
        self.audience = audience
    }
}

// MARK: - Notifications

/// `$/progress`, from plugin to core; it also resets the core's request timeout.
public struct ProgressParams: Codable, Sendable, Equatable {
    public var id: Int?
    public var done: Int?
    public var total: Int?
    public var message: String?

    public init(id: Int? = nil, done: Int? = nil, total: Int? = nil, message: String? = nil) {
        self.id = id
        self.done = done
        self.total = total
        self.message = message
    }
}

/// `$/log`, from plugin to core.
public struct LogParams: Codable, Sendable, Equatable {
    public var level: String
    public var message: String

    public init(level: String, message: String) {
        self.level = level
        self.message = message
    }
}

/// `$/cancel`, from core to plugin.
public struct CancelParams: Codable, Sendable, Equatable {
    public var id: Int

    public init(id: Int) {
        self.id = id
    }
}
