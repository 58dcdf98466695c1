/// The diagnostic codes of the Common Cartridge and SCORM importer; `docs/importers/imscc.md` explains each.
///
/// Problems with the files themselves (missing, not well-formed, hostile, too large), a source that cannot be
/// opened (`IMP005`) and a source without `imsmanifest.xml` (`IMP006`) carry the shared codes of
/// CurriculumImportKit instead.
enum CCCode {
    /// The manifest is not an IMS content package: its root is not `<manifest>`, or it has neither organisations
    /// nor resources. (A source without `imsmanifest.xml` is the kit's `IMP006`.)
    static let notAPackage = "CC001"
    /// The manifest's namespace or schema version is not one this importer knows.
    static let unknownFlavour = "CC002"
    /// An `identifierref` names no resource.
    static let danglingReference = "CC003"
    /// A file the manifest lists is not in the package.
    static let missingFile = "CC004"
    /// A file reference leaves the package (absolute path, `..` above the top, or a URL where a file belongs).
    static let referenceOutsidePackage = "CC005"
    /// Two elements share one identifier.
    static let duplicateIdentifier = "CC006"
    /// A typical learning time cannot be read as a duration.
    static let unreadableDuration = "CC007"
    /// Agenda items without a typical learning time were given the default duration.
    static let defaultDuration = "CC008"
    /// An element that is not part of IMS CP, Common Cartridge, SCORM or LOM.
    static let unknownElement = "CC009"
    /// A known element with no equivalent in the model (sequencing, prerequisites, other organisations…).
    static let notImported = "CC010"
    /// A QTI assessment or question bank, whose questions are not imported.
    static let assessmentNotImported = "CC011"
    /// Page or topic content with no equivalent in rich text (tables, images, forms…), or an unsafe link.
    static let contentLeftOut = "CC012"
    /// A web link without a usable URL.
    static let unusableLink = "CC013"
    /// A resource type this importer does not know; its files are imported as plain content.
    static let unknownResourceType = "CC014"
    /// An LTI tool link: only its launch URL is kept.
    static let toolLink = "CC015"
    /// The package has no organisation: only its resources are imported.
    static let noOrganization = "CC016"
    /// `<organizations default>` names no organisation.
    static let unknownDefaultOrganization = "CC017"
    /// An image or video imported as kind `other`, because the package gives no alt text or captions.
    static let mediaWithoutAlternative = "CC018"
    /// No usable language in the metadata; a default was assumed.
    static let languageAssumed = "CC019"
    /// The manifest was found in a folder inside the source rather than at its top.
    static let nestedManifest = "CC020"
    /// An item without a title.
    static let untitledItem = "CC021"
    /// A grouping item below the day level was flattened; its title is not kept.
    static let flattenedItem = "CC022"
    /// A discussion topic, assignment or other activity resource that no item places.
    static let unplacedActivity = "CC023"
    /// Which specification the package was read as (a note).
    static let flavour = "CC024"
    /// The course-level typical learning time: used for a one-item package, otherwise reported.
    static let courseLearningTime = "CC025"
}
