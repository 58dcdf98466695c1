import Foundation

/// A plugin written in Swift: conform, mark the type `@main`, and implement the capabilities it declares.
///
/// ```swift
/// @main struct HouseRules: CurriculumPlugin {
///     var identity: PluginIdentity { PluginIdentity(name: "house-rules", version: "1.0.0") }
///     var capabilities: Capabilities { Capabilities(validate: .init(rules: [...])) }
///     func validate(_ params: ValidateParams, context: PluginContext) async throws -> ValidateResult { ... }
/// }
/// ```
///
/// The run loop keeps the protocol channel clean: before anything else it moves standard output to a private
/// descriptor and points descriptor 1 at standard error, so a stray `print` ends up in the core's log instead of
/// corrupting the channel.
public protocol CurriculumPlugin: Sendable {
    /// Creates the plugin; called once per process.
    init()
    /// The plugin's name and version, answered to `initialize`.
    var identity: PluginIdentity { get }
    /// What the plugin can do, answered to `initialize`.
    var capabilities: Capabilities { get }
    /// Checks a curriculum. The default answers "method not found".
    func validate(_ params: ValidateParams, context: PluginContext) async throws -> ValidateResult
    /// Reads foreign course material into the model. The default answers "method not found".
    func importSource(_ params: ImportParams, context: PluginContext) async throws -> ImportResult
    /// Renders a curriculum into artifacts. The default answers "method not found".
    func export(_ params: ExportParams, context: PluginContext) async throws -> ExportResult
    /// Work done once per process on a thread of its own, started before the first request is read: loading
    /// what every request needs (templates, tables), while the core is still getting its request ready. A request
    /// that needs the work waits for it, so it must be safe to do twice at once (a `static let` is). The default
    /// does nothing.
    func prepare()
}

extension CurriculumPlugin {
    public func prepare() {}

    public func validate(_ params: ValidateParams, context: PluginContext) async throws -> ValidateResult {
        throw RPCError(code: PluginProtocol.ErrorCode.methodNotFound, message: "\(identity.name) does not validate")
    }

    public func importSource(_ params: ImportParams, context: PluginContext) async throws -> ImportResult {
        throw RPCError(code: PluginProtocol.ErrorCode.methodNotFound, message: "\(identity.name) does not import")
    }

    public func export(_ params: ExportParams, context: PluginContext) async throws -> ExportResult {
        throw RPCError(code: PluginProtocol.ErrorCode.methodNotFound, message: "\(identity.name) does not export")
    }

    /// Runs the protocol loop on standard input and output until the core closes standard input.
    public static func main() async {
        let status = await PluginRunner(plugin: Self()).run()
        exit(status)
    }
}
