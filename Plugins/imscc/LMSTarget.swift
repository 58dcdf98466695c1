import CurriculumPluginKit

/// The learning platform a cartridge is shaped for (the exporter option `lms`).
///
/// Moodle and Canvas make a course section of each child of the organisation's root item and honour the Instructor
/// role; Open edX's converter (cc2olx) makes chapter → subsection → unit from three levels of items and ignores
/// roles, so it gets deeper days and no facilitator guide.
enum LMSTarget: String, CaseIterable {
    case moodle
    case canvas
    case openedx

    /// Whether the platform hides a resource marked for the Instructor role from learners.
    var honoursInstructorRole: Bool { self != .openedx }

    /// Whether each day is split into parts of the day and activity units (Open edX's chapter → subsection → unit).
    var nestsActivities: Bool { self == .openedx }

    /// The `lms` option; Moodle when absent.
    static func parse(_ options: [String: JSONValue]) throws -> LMSTarget {
        guard let value = options["lms"] else { return .moodle }
        if case .null = value { return .moodle }
        guard let name = value.stringValue, let target = LMSTarget(rawValue: name.lowercased()) else {
            throw RPCError(
                code: PluginProtocol.ErrorCode.invalidParams,
                message:
                    "option lms must be one of \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return target
    }
}
