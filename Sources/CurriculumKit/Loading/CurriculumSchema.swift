import CurriculumXML

/// The compiled native-format schema, shared by every parse in the process.
public enum CurriculumSchema {
    /// The schema text, carried inside the binary so an installed `curriculum` needs no resource files.
    public static var source: String { EmbeddedSchema.curriculumXSD }

    /// The compiled schema, or the reason it did not compile (which would be a build defect).
    static let compiled: Result<XMLSchema, XMLSchemaError> = Result { () throws(XMLSchemaError) in
        try XMLSchema(source: EmbeddedSchema.curriculumXSD, name: "curriculum.xsd")
    }

    /// Element names the schema declares, for "did you mean" suggestions.
    public static let elementNames: [String] = declaredNames(of: "element")
    /// Attribute names the schema declares, for "did you mean" suggestions.
    public static let attributeNames: [String] = declaredNames(of: "attribute") + ["xml:lang"]

    private static func declaredNames(of kind: String) -> [String] {
        var names = Set<String>()
        let marker = "<xs:\(kind) name=\""
        var rest = Substring(EmbeddedSchema.curriculumXSD)
        while let range = rest.range(of: marker) {
            rest = rest[range.upperBound...]
            if let end = rest.firstIndex(of: "\"") { names.insert(String(rest[..<end])) }
        }
        return names.sorted()
    }
}
