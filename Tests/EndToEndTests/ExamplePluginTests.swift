import Foundation
import Testing

/// The example plugins in other languages, run through the real binary.
@Suite struct ExamplePluginTests {
    static let examples = CLI.packageRoot.appendingPathComponent("Plugins/examples")
    static let python = examples.appendingPathComponent("python/curriculum-plugin-agenda-shape").path
    static let shell = examples.appendingPathComponent("shell/curriculum-plugin-placeholders").path

    @Test func pythonAgendaShapePluginFindsItsProblems() throws {
        let result = try CLI.run([
            "validate", Self.examples.appendingPathComponent("fixtures/agenda-shape").path, "--plugin", Self.python,
            "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let found = try result.diagnostics().map { "\($0.code):\($0.line)" }
        #expect(found.contains("AGD004:47"), "\(found)")
        #expect(found.contains("AGD002:54"), "\(found)")
    }

    @Test func shellPlaceholderPluginFindsLeftoverText() throws {
        let result = try CLI.run([
            "validate", Self.examples.appendingPathComponent("fixtures/placeholders").path, "--plugin", Self.shell,
            "--fail-on", "warning",
        ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("mini.xml:24:11: warning[PLH001]"), "\(result.stdout)")
        #expect(result.stdout.contains("mini.xml:41:13: warning[PLH001]"), "\(result.stdout)")
        #expect(result.stdout.contains("(placeholders)"))
    }

    @Test(arguments: [python, shell])
    func examplePluginsPassTheConformanceSuite(plugin: String) throws {
        let result = try CLI.run(["plugins", "check", plugin])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("7 passed, 0 failed"), "\(result.stdout)")
    }

    @Test func examplePluginsRunCleanlyOnTheBundledCurricula() throws {
        let result = try CLI.run([
            "validate", CLI.packageRoot.appendingPathComponent("Curricula").path, "--plugin", Self.shell, "--plugin",
            Self.python,
        ])
        #expect(result.status == 0, "\(result.stdout.suffix(500))\(result.stderr)")
    }
}
