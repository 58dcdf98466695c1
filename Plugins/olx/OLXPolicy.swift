import CurriculumImportKit
import Foundation

/// The course's entry in `policies/<run>/policy.json`, where Studio exports keep course settings such as the
/// display name, language and dates. A grading policy beside it is reported as not imported.
struct OLXPolicy {
    var fields: [String: Any] = [:]

    func string(_ key: String) -> String? {
        (fields[key] as? String).flatMap { $0.isEmpty ? nil : $0 }
    }

    static func load(files: OLXCourseFiles, urlName: String?, report: inout ImportReport) -> OLXPolicy {
        guard let urlName else { return OLXPolicy() }
        let folder = files.path("policies/\(urlName)")
        if files.tree.contains(folder + "/grading_policy.json") {
            report.note(
                OLXCode.notImported, "the grading policy has no equivalent in a curriculum; not imported",
                at: files.tree.location(folder + "/grading_policy.json"))
        }
        let path = folder + "/policy.json"
        guard files.tree.contains(path), let data = try? files.tree.data(path) else { return OLXPolicy() }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            report.warning(
                OLXCode.badPolicy, "policy.json is not a JSON object; its settings are ignored",
                at: files.tree.location(path))
            return OLXPolicy()
        }
        let entry = object["course/\(urlName)"] ?? object.first(where: { $0.key.hasPrefix("course/") })?.value
        guard let fields = entry as? [String: Any] else {
            report.warning(
                OLXCode.badPolicy, "policy.json has no \"course/\(urlName)\" entry; its settings are ignored",
                at: files.tree.location(path))
            return OLXPolicy()
        }
        return OLXPolicy(fields: fields)
    }
}
