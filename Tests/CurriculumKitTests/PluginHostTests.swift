import CurriculumPluginKit
import Foundation
import Testing

@testable import CurriculumKit

@Suite struct PluginHostTests {
    @Test func splicedRequestsAreValidJSONWithOneParamsMember() throws {
        let line = PluginHost.encodeRequest(
            id: 2, method: "validate", params: PreEncodedJSON(data: Data(#"{"root":"/x"}"#.utf8)))
        let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
        #expect(object["id"] as? Int == 2)
        #expect(object["method"] as? String == "validate")
        #expect((object["params"] as? [String: Any])?["root"] as? String == "/x")
        #expect(String(decoding: line, as: UTF8.self).components(separatedBy: "\"params\"").count == 2)
    }

    @Test(
        arguments: [
            ("handouts/a.md", nil), ("../x", "the path climbs out with '..'"), ("/etc/x", "the path is absolute"),
            ("a/../../x", "the path climbs out with '..'"), ("a\\..\\x", "the path contains a backslash"),
            ("C:x", "the path starts with a drive letter"),
            ("", "the path is empty"), ("a\u{0}b", "the path contains a control character"),
            ("a//b", "the path has an empty segment"), ("./a", "the path has a '.' segment"),
        ] as [(String, String?)])
    func artifactPathRules(path: String, problem: String?) {
        #expect(ArtifactPath.problem(with: path) == problem)
    }

    @Test(arguments: [
        ("PATH", true), ("CI", true), ("CI_COMMIT_SHA", true), ("GITHUB_WORKSPACE", true), ("CI_JOB_TOKEN", false),
        ("GITHUB_TOKEN", false), ("CI_REGISTRY_PASSWORD", false), ("AWS_SECRET_ACCESS_KEY", false),
        ("SSH_AUTH_SOCK", false),
    ])
    func pluginsGetAnAllowListOfTheEnvironmentWithoutCredentials(name: String, passed: Bool) {
        #expect(PluginEnvironment.isPassedOn(name) == passed)
    }

    @Test func artifactPathsMustBeUniqueIgnoringCase() {
        let collisions = ArtifactPath.caseCollisions(in: ["A.txt", "b.txt", "a.txt"])
        #expect(collisions.count == 1)
        #expect(collisions.first?.0 == "A.txt")
    }
}
