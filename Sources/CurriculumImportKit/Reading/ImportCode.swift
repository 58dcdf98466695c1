/// Codes every importer shares for problems with the files themselves; format-specific codes carry the
/// importer's own prefix (`OLX`, `DITA`, `CC`).
public enum ImportCode {
    /// A file the source refers to does not exist, or cannot be read.
    public static let missingFile = "IMP001"
    /// A file is not well-formed XML.
    public static let malformedXML = "IMP002"
    /// A file uses a construct refused for safety: an internal DTD subset, entity declarations, external entities,
    /// XInclude.
    public static let forbiddenConstruct = "IMP003"
    /// A file is too large, too deep, or otherwise beyond the parser's limits, or is binary.
    public static let beyondLimits = "IMP004"
    /// The source cannot be opened at all: a damaged or unsafe archive (zip slip, links, a decompression bomb),
    /// or one beyond the archive limits.
    public static let unreadableSource = "IMP005"
    /// The source is not in the format the importer reads (a folder without its marker file).
    public static let wrongFormat = "IMP006"
    /// The import produced nothing: no session, module or agenda item (reported by the core).
    public static let emptyResult = "IMP007"
}
