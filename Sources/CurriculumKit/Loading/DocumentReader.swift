import CurriculumModel
import CurriculumPluginKit
import CurriculumXML

/// One curriculum file, parsed and checked against the schema.
struct LoadedDocument: Sendable {
    /// The document element, when the file parsed.
    var root: XMLNode?
    /// The file's path relative to the curriculum root.
    var path: String
}

/// Reads one file with the hardened parser and the native schema, reporting every problem as a diagnostic.
struct DocumentReader: Sendable {
    var parser = HardenedXMLParser()
    /// Documents kept from earlier reads; a file whose fingerprint is unchanged is not parsed again.
    var cache: DocumentCache? = nil

    /// Reads a file.
    ///
    /// - Parameters:
    ///   - absolutePath: The file to read.
    ///   - relativePath: Its path relative to the curriculum root, used in locations.
    ///   - diagnostics: Where problems are reported.
    func read(absolutePath: String, relativePath: String, into diagnostics: inout DiagnosticCollector) -> LoadedDocument
    {
        guard let cache else {
            return parse(absolutePath: absolutePath, relativePath: relativePath, into: &diagnostics)
        }
        return cache.read(absolutePath: absolutePath, relativePath: relativePath, into: &diagnostics) { own in
            parse(absolutePath: absolutePath, relativePath: relativePath, into: &own)
        }
    }

    private func parse(
        absolutePath: String, relativePath: String, into diagnostics: inout DiagnosticCollector
    )
        -> LoadedDocument
    {
        let schema = try? CurriculumSchema.compiled.get()
        let outcome: XMLParseOutcome
        do {
            outcome = try parser.parse(contentsOf: absolutePath, schema: schema)
        } catch {
            let message =
                switch error.code {
                case .notFound: "the file does not exist"
                case .isDirectory: "this is a folder, not a file"
                case .unreadable: "the file cannot be read"
                case .notRegularFile(let kind): "this is \(kind), not a regular file"
                }
            diagnostics.report(IncludeTargetMissing.self, message, at: SourceLocation(path: relativePath))
            return LoadedDocument(root: nil, path: relativePath)
        }
        var problems = outcome.problems
        if let root = outcome.tree?.root {
            if let rootProblem = checkRoot(root) {
                diagnostics.report(
                    rootProblem.rule, rootProblem.message, at: location(relativePath, root.position),
                    hint: rootProblem.hint)
                return LoadedDocument(root: nil, path: relativePath)
            }
            problems = problems.enumerated().sorted {
                ($0.element.position, $0.offset) < ($1.element.position, $1.offset)
            }.map(\.element)
        }
        let classifier = SchemaMessageClassifier()
        var previous: XMLProblem? = nil
        for problem in problems {
            defer { previous = problem }
            let at = location(relativePath, problem.position)
            switch problem.kind {
            case .notWellFormed: diagnostics.report(NotWellFormed.self, problem.message, at: at)
            case .forbiddenDeclaration: diagnostics.report(ForbiddenDeclaration.self, problem.message, at: at)
            case .externalResource: diagnostics.report(ExternalResourceRefused.self, problem.message, at: at)
            case .notText: diagnostics.report(NotXMLText.self, problem.message, at: at)
            case .tooLarge: diagnostics.report(FileTooLarge.self, problem.message, at: at)
            case .limitExceeded: diagnostics.report(ParserLimitExceeded.self, problem.message, at: at)
            case .schemaViolation:
                let follows = previous.map { $0.position == problem.position && $0.kind == .schemaViolation } ?? false
                guard let finding = classifier.classify(problem.message, followsFacetMessage: follows) else { continue }
                diagnostics.report(finding.rule, finding.message, at: at, hint: finding.hint)
            }
        }
        return LoadedDocument(root: outcome.tree?.root, path: relativePath)
    }

    private struct RootProblem {
        var rule: any Rule.Type
        var message: String
        var hint: String?
    }

    private func checkRoot(_ root: XMLNode) -> RootProblem? {
        guard root.namespace == NativeFormat.namespace else {
            let namespace = root.namespace.map { "namespace \"\($0)\"" } ?? "no namespace"
            return RootProblem(
                rule: NotACurriculumDocument.self,
                message: "root element <\(root.name)> in \(namespace) is not a curriculum document",
                hint: "Curriculum documents use xmlns=\"\(NativeFormat.namespace)\".")
        }
        guard NativeFormat.rootElements.contains(root.name) else {
            return RootProblem(
                rule: NotACurriculumDocument.self,
                message: "<\(root.name)> cannot be the root of a curriculum document",
                hint: "The root is one of <programme>, <module>, <session>, <case-study> or <delivery>.")
        }
        if let version = root[attribute: "format-version"], !NativeFormat.supports(version: version) {
            return RootProblem(
                rule: UnsupportedFormatVersion.self,
                message: "format-version \"\(version)\" is not supported; this toolkit reads 1.x",
                hint: UnsupportedFormatVersion.descriptor.hint)
        }
        return nil
    }

    private func location(_ path: String, _ position: XMLPosition) -> SourceLocation {
        SourceLocation(path: path, line: position.line, column: position.column)
    }
}
