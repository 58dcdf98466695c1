/// How much an import source may hold: archives are expanded in memory, so every bound is checked before and
/// while bytes are inflated, never after.
public struct ArchiveLimits: Sendable, Equatable {
    /// The largest archive file accepted, compressed.
    public var maxArchiveBytes: Int
    /// The most files an archive or folder may hold.
    public var maxEntries: Int
    /// The largest single file, expanded.
    public var maxEntryBytes: Int
    /// The most bytes all files of an archive may expand to together.
    public var maxTotalBytes: Int
    /// The highest expansion ratio accepted for an entry larger than ``ratioFloorBytes``.
    public var maxRatio: Int
    /// Entries up to this size may compress as well as they like (a page of spaces is legitimate).
    public var ratioFloorBytes: Int

    /// Creates limits.
    public init(
        maxArchiveBytes: Int = 512 * 1024 * 1024, maxEntries: Int = 20_000, maxEntryBytes: Int = 64 * 1024 * 1024,
        maxTotalBytes: Int = 512 * 1024 * 1024, maxRatio: Int = 200, ratioFloorBytes: Int = 1024 * 1024
    ) {
        self.maxArchiveBytes = maxArchiveBytes
        self.maxEntries = maxEntries
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxRatio = maxRatio
        self.ratioFloorBytes = ratioFloorBytes
    }

    /// The limits importers use unless told otherwise.
    public static let standard = ArchiveLimits()
}
