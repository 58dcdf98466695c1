public import CurriculumModel
public import CurriculumXML
import Foundation

/// Parses the XML and HTML files of a source with the hardened parser, turning every refusal into an error
/// diagnostic at the file, line and column it concerns.
public struct SourceXMLReader: Sendable {
    /// The source the files come from.
    public let tree: SourceTree
    private let parser: HardenedXMLParser

    /// Creates a reader.
    ///
    /// - Parameters:
    ///   - tree: The source.
    ///   - allowsExternalDoctype: Whether a `<!DOCTYPE>` naming an external DTD (as every DITA file has, and some
    ///     manifests) is accepted. It is never loaded either way; internal subsets and entity declarations stay
    ///     refused.
    public init(tree: SourceTree, allowsExternalDoctype: Bool = true) {
        self.tree = tree
        self.parser = HardenedXMLParser(limits: XMLParserLimits(allowsExternalDoctype: allowsExternalDoctype))
    }

    /// Parses an XML file of the tree.
    ///
    /// - Parameters:
    ///   - path: The file, relative to the tree.
    ///   - report: Receives the problems.
    ///   - reference: Where the file was referred to from, for the message when it is missing.
    /// - Returns: The root element, or `nil` when the file is missing or was refused.
    public func parse(
        _ path: String, report: inout ImportReport, referencedFrom reference: SourceLocation? = nil
    )
        -> XMLElement?
    {
        guard let data = read(path, report: &report, referencedFrom: reference) else { return nil }
        let outcome = data.withUnsafeBytes { parser.parse($0, url: path) }
        for problem in outcome.problems {
            report.error(
                Self.code(for: problem.kind), problem.message,
                at: tree.location(path, line: problem.position.line, column: problem.position.column),
                hint: Self.hint(for: problem.kind))
        }
        return outcome.root
    }

    /// Parses a file that is one part of the source (a topic, a component, a page): when it is missing, not
    /// well-formed or beyond the limits, that is reported as a warning at its reference and the caller leaves the
    /// part out, so one broken file does not refuse the whole source. Constructs refused for safety stay errors.
    public func parsePart(
        _ path: String, report: inout ImportReport, referencedFrom reference: SourceLocation? = nil
    )
        -> XMLElement?
    {
        var local = ImportReport()
        let root = parse(path, report: &local, referencedFrom: reference)
        Self.merge(local, into: &report, isUsable: root != nil)
        return root
    }

    /// Parses an HTML page that is one part of the source, reporting a missing or unreadable page as a warning.
    public func parseHTMLPart(
        _ path: String, report: inout ImportReport, referencedFrom reference: SourceLocation? = nil
    )
        -> XMLElement?
    {
        var local = ImportReport()
        let root = parseHTML(path, report: &local, referencedFrom: reference)
        Self.merge(local, into: &report, isUsable: root != nil)
        return root
    }

    private static func merge(_ local: ImportReport, into report: inout ImportReport, isUsable: Bool) {
        for diagnostic in local.diagnostics {
            guard diagnostic.severity == .error, diagnostic.code != ImportCode.forbiddenConstruct else {
                report.record(diagnostic)
                continue
            }
            var partial = diagnostic
            partial.severity = .warning
            partial.message +=
                isUsable ? "; what could be read was imported" : "; this part was left out and the rest imported"
            report.record(partial)
        }
    }

    /// Parses an HTML page of the tree leniently.
    ///
    /// - Returns: The `<html>` element, or `nil` when the file is missing or too large.
    public func parseHTML(
        _ path: String, report: inout ImportReport, referencedFrom reference: SourceLocation? = nil
    )
        -> XMLElement?
    {
        guard let data = read(path, report: &report, referencedFrom: reference) else { return nil }
        let outcome = data.withUnsafeBytes { LenientHTMLParser().parse($0, url: path) }
        for problem in outcome.problems {
            report.error(
                Self.code(for: problem.kind), problem.message,
                at: tree.location(path, line: problem.position.line, column: problem.position.column))
        }
        return outcome.root
    }

    private func read(_ path: String, report: inout ImportReport, referencedFrom reference: SourceLocation?) -> Data? {
        guard tree.exists(path) else {
            report.error(
                ImportCode.missingFile, "the file \"\(path)\" does not exist in the source",
                at: reference ?? tree.location(path))
            return nil
        }
        do throws(ImportFailure) {
            return try tree.data(path)
        } catch {
            report.error(ImportCode.missingFile, error.message, at: reference ?? tree.location(path))
            return nil
        }
    }

    static func code(for kind: XMLProblemKind) -> String {
        switch kind {
        case .notWellFormed, .schemaViolation: ImportCode.malformedXML
        case .forbiddenDeclaration, .externalResource: ImportCode.forbiddenConstruct
        case .tooLarge, .notText, .limitExceeded: ImportCode.beyondLimits
        }
    }

    static func hint(for kind: XMLProblemKind) -> String? {
        switch kind {
        case .forbiddenDeclaration, .externalResource:
            "Imported files may name a public DTD but not declare entities or pull in other files."
        default: nil
        }
    }
}
