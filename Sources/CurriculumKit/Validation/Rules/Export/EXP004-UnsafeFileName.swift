import CurriculumModel

/// EXP004: File name unsafe for platforms. Checks the file names of packed resources.
enum UnsafeFileName: ModelRule {
    static let descriptor = RuleDescriptor(
        code: "EXP004", family: .export, severity: .warning, title: "File name unsafe for platforms",
        explanation:
            "File names with spaces, non-ASCII letters or characters such as # ? % break learning-platform imports and zip tools.",
        hint: "Rename the file using letters, digits, - and _.",
        example: RuleExample(
            trigger: "href=\"handouts/Partner map #2.pdf\"",
            fix: "href=\"handouts/partner-map-2.pdf\""))

    static func check(_ context: ValidationContext, into report: inout DiagnosticCollector) {
        for resource in context.allResources where !resource.isExternal {
            guard let name = resource.packedFileName, !name.utf8.allSatisfy(isPortableFileNameByte) else { continue }
            report.report(
                Self.self, "file name \"\(name)\" of resource \"\(resource.id)\" has characters platforms may reject",
                at: resource.location)
        }
    }

    /// ASCII letters, digits, `-`, `_` and `.`: the bytes every platform accepts in a packed file's name.
    private static func isPortableFileNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            true
        default: false
        }
    }
}
