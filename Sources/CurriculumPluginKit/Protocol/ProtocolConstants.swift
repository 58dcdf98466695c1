/// Fixed values of plugin protocol version 1.
public enum PluginProtocol {
    /// The protocol versions this build speaks.
    public static let supportedVersions = [1]
    /// The minor version this build speaks within version 1: 1.1 adds the resolved `timetable` to requests; 1.2
    /// lets a plugin serve several requests, one after the other, in one process; 1.3 lets an importer answer with
    /// a native document instead of the model.
    public static let minorVersion = 3
    /// The minor version from which an `import` answer may carry a native document (``ImportAnswer``).
    public static let documentImportMinor = 3
    /// The environment variable the core sets to the protocol version it offers.
    public static let environmentVersionKey = "CURRICULUM_PLUGIN_PROTOCOL"
    /// The environment variable the core sets to its own version.
    public static let environmentCoreVersionKey = "CURRICULUM_VERSION"
    /// The default largest line, in bytes (64 MiB).
    public static let defaultMaxMessageBytes = 64 * 1024 * 1024

    /// JSON-RPC error codes the protocol uses.
    public enum ErrorCode {
        public static let parseError = -32700
        public static let invalidRequest = -32600
        public static let methodNotFound = -32601
        public static let invalidParams = -32602
        public static let internalError = -32603
        public static let unsupportedProtocolVersion = -32022
    }

    /// Method names.
    public enum Method {
        public static let initialize = "initialize"
        public static let validate = "validate"
        public static let `import` = "import"
        public static let export = "export"
        public static let progress = "$/progress"
        public static let log = "$/log"
        public static let cancel = "$/cancel"
    }
}
