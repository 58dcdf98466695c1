/// `pack.json`: what a pack is and the checksum of every file in it.
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
    }
}
