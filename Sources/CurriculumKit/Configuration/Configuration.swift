import CurriculumModel
public import CurriculumPluginKit
import Foundation

/// The contents of a `curriculum.json`: per-rule severities, ignored codes, and plugins.
///
/// ```json
/// {"rules": {"PED010": "off", "TIM005": "error"}, "ignore": ["ACC004"],
///  "plugins": [{"name": "house-rules", "command": ["python3", "tools/house_rules.py"], "options": {}}]}
/// ```
public struct Configuration: Sendable, Equatable, Decodable {
    /// Severity per code: `error`, `warning`, `info`, or `off`.
    public var rules: [String: String]
    /// Codes to ignore entirely.
    public var ignore: [String]
    /// Plugins to run, each an argv array with options.
    public var plugins: [PluginEntry]

    /// A plugin listed in the configuration: a bundled or installed plugin by `name`, or any program by `command`.
    public struct PluginEntry: Sendable, Equatable, Decodable {
        /// A name: `readability` finds `curriculum-plugin-readability` beside the binary or on `PATH`.
        public var name: String?
        /// An argv array; a relative program path is relative to the configuration file's folder.
        public var command: [String]?
        /// Options passed to the plugin in `initialize` and in each request.
        public var options: [String: JSONValue]?
        /// The request time-out in seconds (default 120).
        public var timeoutSeconds: Double?
        /// Other limits: `handshakeSeconds`, `maxLineMegabytes`, `maxOutputMegabytes`, `stderrKilobytes`.
        public var limits: [String: Double]?
    }

    /// An empty configuration.
    public init(rules: [String: String] = [:], ignore: [String] = [], plugins: [PluginEntry] = []) {
        self.rules = rules
        self.ignore = ignore
        self.plugins = plugins
    }

    private enum CodingKeys: String, CodingKey { case rules, ignore, plugins }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rules = try container.decodeIfPresent([String: String].self, forKey: .rules) ?? [:]
        ignore = try container.decodeIfPresent([String].self, forKey: .ignore) ?? []
        plugins = try container.decodeIfPresent([PluginEntry].self, forKey: .plugins) ?? []
    }

    /// Reads a configuration file.
    ///
    /// - Throws: ``ConfigurationError`` naming the file and what is wrong with it.
    public static func load(from path: String) throws(ConfigurationError) -> Configuration {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConfigurationError(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw ConfigurationError(path: path, reason: "is a folder, expected a JSON file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(path: path, reason: "cannot be read")
        }
        let configuration: Configuration
        do {
            configuration = try JSONDecoder().decode(Configuration.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw ConfigurationError(
                path: path,
                reason:
                    "is not valid JSON: \(context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription)"
            )
        } catch let DecodingError.typeMismatch(_, context) {
            throw ConfigurationError(
                path: path,
                reason:
                    "has a wrong type at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
            )
        } catch {
            throw ConfigurationError(path: path, reason: "cannot be read: \(error)")
        }
        _ = try configuration.policy(path: path)
        return configuration
    }

    /// The severity policy the configuration describes.
    public func policy(path: String = NativeFormatName.configuration) throws(ConfigurationError) -> SeverityPolicy {
        var policy = SeverityPolicy(ignored: Set(ignore))
        for (code, value) in rules {
            switch value.lowercased() {
            case "off", "ignore", "none": policy.ignored.insert(code)
            default:
                // "note" is the word SARIF uses for info; it is accepted here as on the command line.
                let word = value.lowercased() == "note" ? "info" : value.lowercased()
                guard let severity = Severity(rawValue: word) else {
                    throw ConfigurationError(
                        path: path, reason: "rule \(code) has severity \"\(value)\"; use error, warning, info or off")
                }
                policy.overrides[code] = severity
            }
        }
        return policy
    }
}

/// File names the toolkit looks for.
public enum NativeFormatName {
    public static let configuration = "curriculum.json"
}

/// A configuration file that cannot be used.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason)" }
}
