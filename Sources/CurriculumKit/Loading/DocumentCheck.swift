import CurriculumXML

/// Parses and schema-validates one file the way the loader does, without building the model; for benchmarks.
public enum DocumentCheck {
    /// The number of problems found.
    public static func problems(_ path: String) throws -> Int {
        let schema = try? CurriculumSchema.compiled.get()
        return try HardenedXMLParser().parse(contentsOf: path, schema: schema).problems.count
    }
}
