import Foundation

/// Which specification a manifest follows: a version of IMS Common Cartridge, a SCORM edition, or plain IMS
/// Content Packaging.
///
/// The importer reads every flavour with one mapping (elements are matched on their local names, and resource
/// types and durations of every flavour are accepted in every package); the flavour is reported so that users see
/// how their package was understood.
enum PackageFlavour: String, Sendable, Equatable {
    case commonCartridge10, commonCartridge11, commonCartridge12, commonCartridge13
    case scorm12, scorm2004
    case contentPackage

    /// The name users know the flavour by.
    var displayName: String {
        switch self {
        case .commonCartridge10: "IMS Common Cartridge 1.0"
        case .commonCartridge11: "IMS Common Cartridge 1.1"
        case .commonCartridge12: "IMS Common Cartridge 1.2"
        case .commonCartridge13: "IMS Common Cartridge 1.3"
        case .scorm12: "SCORM 1.2"
        case .scorm2004: "SCORM 2004"
        case .contentPackage: "IMS Content Packaging"
        }
    }

    // MARK: - Detection

    /// The content-packaging namespaces of the root `<manifest>`, by flavour.
    static let namespaces: [String: PackageFlavour] = [
        "http://www.imsglobal.org/xsd/imscc/imscp_v1p1": .commonCartridge10,
        "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1": .commonCartridge11,
        "http://www.imsglobal.org/xsd/imsccv1p2/imscp_v1p1": .commonCartridge12,
        "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1": .commonCartridge13,
        "http://www.imsproject.org/xsd/imscp_rootv1p1p2": .scorm12,
        // IMS CP 1.1.4: SCORM 2004 packages and plain content packages share it.
        "http://www.imsglobal.org/xsd/imscp_v1p1": .contentPackage,
    ]

    /// The flavour a root namespace names, or `nil` for a namespace this importer does not know.
    static func flavour(namespace: String?) -> PackageFlavour? {
        guard let namespace else { return nil }
        return namespaces[namespace]
    }

    /// The flavour `<schema>` and `<schemaversion>` name, or `nil` when they are absent or unknown.
    static func flavour(schema: String?, version: String?) -> PackageFlavour? {
        let schema = (schema ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let version = (version ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        switch (schema, version) {
        case (_, "1.0.0") where schema.contains("cartridge") || schema.contains("thin cc"): return .commonCartridge10
        case (_, "1.1.0") where schema.contains("cartridge") || schema.contains("thin cc"): return .commonCartridge11
        case (_, "1.2.0") where schema.contains("cartridge") || schema.contains("thin cc"): return .commonCartridge12
        case (_, "1.3.0") where schema.contains("cartridge") || schema.contains("thin cc"): return .commonCartridge13
        case ("adl scorm", "1.2"): return .scorm12
        case ("adl scorm", "cam 1.3"), ("adl scorm", "2004 3rd edition"), ("adl scorm", "2004 4th edition"),
            ("adl scorm", "2004 2nd edition"):
            return .scorm2004
        case (_, let version) where schema.hasPrefix("ims content") && version.hasPrefix("1.1"):
            return .contentPackage
        default: return nil
        }
    }
}
