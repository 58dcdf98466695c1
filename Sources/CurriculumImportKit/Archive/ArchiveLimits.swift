public import CurriculumPluginKit

/// How much an import source may hold: archives are expanded in memory, so every bound is checked before and
/// while bytes are inflated, never after.
public struct ArchiveLimits: Sendable, Equatable {
    /// The importer option that sets ``maxTotalBytes`` and ``maxArchiveBytes``, in MB (MiB):
    /// `curriculum import SOURCE --option maxExpandedMB=1024`.
    public static let totalOption = "maxExpandedMB"
    /// The default of ``maxTotalBytes`` and ``maxArchiveBytes``: 256 MB.
    public static let defaultTotalBytes = 256 * 1_048_576

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
    /// Archives whose files hold up to this much together may compress as well as they like; beyond it, all files
    /// together may expand at most ``maxRatio`` times the archive's size, however small each one is.
    public var totalRatioFloorBytes: Int

    /// Creates limits.
    public init(
        maxArchiveBytes: Int = defaultTotalBytes, maxEntries: Int = 20_000, maxEntryBytes: Int = 64 * 1024 * 1024,
        maxTotalBytes: Int = defaultTotalBytes, maxRatio: Int = 200, ratioFloorBytes: Int = 1024 * 1024,
        totalRatioFloorBytes: Int = 16 * 1024 * 1024
    ) {
        self.maxArchiveBytes = maxArchiveBytes
        self.maxEntries = maxEntries
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxRatio = maxRatio
        self.ratioFloorBytes = ratioFloorBytes
        self.totalRatioFloorBytes = totalRatioFloorBytes
    }

    /// The limits importers use unless told otherwise.
    public static let standard = ArchiveLimits()

    /// The standard limits, with ``maxTotalBytes`` and ``maxArchiveBytes`` taken from the importer option
    /// ``totalOption`` when it is given (a whole number of MB, as a number or as text, from 1 to 65,536).
    ///
    /// - Throws: `RPCError` (invalid params) when the option is not such a number, so the import stops with a
    ///   usage error that names it.
    public init(options: [String: JSONValue]) throws(RPCError) {
        self = .standard
        guard let value = options[Self.totalOption], value != .null else { return }
        let megabytes =
            value.numberValue.flatMap { $0 == $0.rounded() ? Int(exactly: $0) : nil }
            ?? value.stringValue.flatMap { Int($0) }
        guard let megabytes, (1...65_536).contains(megabytes) else {
            throw RPCError(
                code: PluginProtocol.ErrorCode.invalidParams,
                message: "option \(Self.totalOption) must be a whole number of MB from 1 to 65536")
        }
        maxTotalBytes = megabytes * 1_048_576
        maxArchiveBytes = maxTotalBytes
    }

    /// The total limit as users read it in messages: the figure and how to change it.
    var totalDescription: String {
        "\(maxTotalBytes / 1_048_576) MB (the limit; raise it with --option \(Self.totalOption)=N)"
    }
}
