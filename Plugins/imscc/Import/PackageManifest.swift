import CurriculumModel

/// An `imsmanifest.xml` as the importer understands it, before it becomes a curriculum: the organisation tree
/// and the resources, with every reference already checked and every file resolved to a path of the source.
struct PackageManifest {
    var flavour: PackageFlavour
    var identifier: String?
    /// The manifest's own metadata (inline, or in the file `<adlcp:location>` names).
    var lom: LOMRecord
    /// The default organisation; `nil` for a package of resources only.
    var organization: Organization?
    /// The resources in document order, each identifier once (the first of two with the same identifier wins).
    var resources: [Resource] {
        didSet { positions = Self.positions(of: resources) }
    }
    var location: SourceLocation
    /// The position of each resource by identifier.
    private var positions: [String: Int] = [:]

    init(
        flavour: PackageFlavour, identifier: String?, lom: LOMRecord, organization: Organization?,
        resources: [Resource], location: SourceLocation
    ) {
        self.flavour = flavour
        self.identifier = identifier
        self.lom = lom
        self.organization = organization
        self.resources = resources
        self.location = location
        self.positions = Self.positions(of: resources)
    }

    /// The resource with an identifier.
    func resource(_ identifier: String) -> Resource? {
        positions[identifier].map { resources[$0] }
    }

    private static func positions(of resources: [Resource]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (index, resource) in resources.enumerated() where positions[resource.identifier] == nil {
            positions[resource.identifier] = index
        }
        return positions
    }

    /// The default `<organization>`.
    struct Organization {
        var identifier: String
        var title: String?
        var lom: LOMRecord
        var items: [Item]
        var location: SourceLocation
    }

    /// An `<item>` of the organisation tree.
    struct Item {
        var identifier: String
        /// The resource it shows, when `identifierref` names one that exists.
        var resourceIdentifier: String?
        var title: String?
        var lom: LOMRecord
        /// `isvisible="false"`: hidden from learners.
        var isHidden: Bool
        var children: [Item]
        var location: SourceLocation

        /// Whether the item has no children.
        var isLeaf: Bool { children.isEmpty }

        /// The number of levels from this item down to its deepest descendant (1 for a leaf).
        var height: Int {
            var deepest = 1
            var stack: [(Item, Int)] = [(self, 1)]
            while let (item, level) = stack.popLast() {
                deepest = max(deepest, level)
                stack += item.children.map { ($0, level + 1) }
            }
            return deepest
        }
    }

    /// A `<resource>`.
    struct Resource {
        /// Where the resource's entry point is.
        enum Entry: Equatable {
            /// A file of the package, as a path of the source tree.
            case file(String)
            /// A URL (SCORM and CP allow `href` to point at the web).
            case url(String)
            case none
        }

        var identifier: String
        var type: String
        /// `adlcp:scormtype` (SCORM 1.2) or `adlcp:scormType` (SCORM 2004): `sco` or `asset`.
        var scormType: String?
        /// CC's `intendeduse`: `lessonplan`, `syllabus`, `assignment`, `unspecified`.
        var intendedUse: String?
        var entry: Entry
        /// The files that exist, as paths of the source tree, in order, without repeats.
        var files: [String]
        /// The identifiers of the resources it depends on (only those that exist).
        var dependencies: [String]
        var lom: LOMRecord
        var location: SourceLocation
    }
}
