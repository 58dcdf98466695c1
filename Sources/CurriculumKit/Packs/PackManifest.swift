public import CurriculumPluginKit

/// `pack.json`: what a pack is, and for every file its checksum, who it is for and which plugin made it.
public struct PackManifest: Codable, Sendable, Equatable {
    public var formatVersion = 1
    public var programme: String
    public var revision: Int?
    public var session: String
    public var delivery: String?
    public var language: String
    public var formats: [String]
    public var generator: String
    public var files: [File]

    /// One file of the pack.
    public struct File: Codable, Sendable, Equatable {
        public var path: String
        public var size: Int
        public var sha256: String
        public var mediaType: String?
        /// Who the file is for; only `participants` files go into the participant bundle.
        public var audience: ArtifactAudience
        /// The plugin that made the file.
        public var plugin: Producer?
    }

    /// A plugin by name and version.
    public struct Producer: Codable, Sendable, Equatable {
        public var name: String
        public var version: String
    }
}
