public import CurriculumModel

/// The result of loading one programme with its includes.
public struct LoadedCurriculum: Sendable {
    /// The model, or `nil` when the programme file itself could not be read.
    public var curriculum: Curriculum?
    /// The curriculum root.
    public var root: CurriculumRoot
    /// The programme file, root-relative.
    public var programmePath: String
    /// Every file that was read, root-relative.
    public var files: [String]
    /// Problems found while reading: XML, schema, includes, module placement.
    public var diagnostics: [Diagnostic]
}

/// Loads a programme document and everything it includes into the model.
public struct CurriculumLoader: Sendable {
    /// The severity policy applied to loading diagnostics.
    public var policy: SeverityPolicy
    /// Documents kept from earlier loads, when loads are repeated as files change; `nil` parses every file.
    public var cache: DocumentCache?

    /// Creates a loader.
    public init(policy: SeverityPolicy = SeverityPolicy(), cache: DocumentCache? = nil) {
        self.policy = policy
        self.cache = cache
    }

    /// Loads the programme at a path.
    ///
    /// - Parameters:
    ///   - path: A `<programme>` document.
    ///   - root: The curriculum root; found from the file when `nil`.
    public func load(
        programmeAt path: String, root: CurriculumRoot? = nil, deliveryFiles: [String] = []
    ) -> LoadedCurriculum {
        let root = root ?? CurriculumRoot.find(for: path)
        let relativePath = root.relative(path) ?? path
        let includes = IncludeResolver(root: root, reader: DocumentReader(cache: cache))
        var builder = ModelBuilder(includes: includes, diagnostics: DiagnosticCollector(policy: policy))
        let document = includes.open(relativePath, diagnostics: &builder.diagnostics)
        var curriculum: Curriculum? = nil
        if let element = document.root {
            if element.name == "programme" {
                curriculum = builder.programme(element, file: relativePath)
            } else {
                builder.diagnostics.report(
                    OrphanDocument.self,
                    "<\(element.name)> document is not part of any programme; only its structure was checked",
                    at: builder.location(element, relativePath))
            }
        }
        includes.finish(document)
        for file in deliveryFiles {
            // A delivery given on the command line may live outside the curriculum root (an organiser's folder).
            let relative = root.relative(file) ?? CurriculumRoot.canonical(file)
            // The programme may already include this very file; reading it twice would duplicate its ID.
            if includes.files.contains(relative) { continue }
            let delivery = DocumentReader(cache: cache).read(
                absolutePath: file, relativePath: relative, into: &builder.diagnostics)
            guard let element = delivery.root else { continue }
            guard element.name == "delivery" else {
                builder.diagnostics.report(
                    IncludeWrongRoot.self, "\(relative) is a <\(element.name)> document, not a <delivery>",
                    at: builder.location(element, relative))
                continue
            }
            curriculum?.deliveries.append(builder.delivery(element, file: relative))
        }
        return LoadedCurriculum(
            curriculum: curriculum, root: root, programmePath: relativePath, files: includes.files,
            diagnostics: builder.diagnostics.diagnostics)
    }
}
