import Foundation
import Testing

/// What every command shares: the version, one word per severity, one spelling of "error:", readable help.
@Suite struct CommandLineConventionsTests {
    @Test(arguments: [["--version"], ["-V"], ["version"]])
    func everyVersionSpellingPrintsTheVersion(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.wholeMatch(of: /\d+\.\d+\.\d+\n/) != nil, "\(result.stdout)")
    }

    /// A curriculum with one info finding: a module file no programme includes (STR013).
    private func curriculumWithAnInfoFinding() throws -> URL {
        let folder = try CLI.temporaryFolder()
        let initialised = try CLI.run(["init", folder.path])
        #expect(initialised.status == 0, "\(initialised.stderr)")
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("modules/first-module.xml"),
            to: folder.appendingPathComponent("modules/spare.xml"))
        return folder
    }

    @Test func infoIsTheWordInFindingsTheSummaryAndFailOn() throws {
        let folder = try curriculumWithAnInfoFinding()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["validate", folder.path])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("info[STR013]:"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("0 errors, 0 warnings, 1 info in 6 files\n"), "\(result.stdout)")
        #expect(!result.stdout.contains("note"), "\(result.stdout)")
        for level in ["info", "note"] {
            let failing = try CLI.run(["validate", folder.path, "--fail-on", level])
            #expect(failing.status == 1, "--fail-on \(level): \(failing.stdout)\(failing.stderr)")
        }
        let rules = try CLI.run(["rules"])
        #expect(rules.stdout.contains("STR013  info "))
    }

    @Test func usageErrorsSayErrorInLowerCase() throws {
        for arguments in [["validate", "--bogus"], ["pack"], ["explain", "NOPE999"], ["frobnicate"]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix("error: "), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Error:"), "\(arguments): \(result.stderr)")
        }
    }

    /// ArgumentParser wraps help at 80 columns; an example longer than that would be cut mid-command.
    @Test(arguments: [
        ["validate"], ["show"], ["pack"], ["assemble"], ["import"], ["init"], ["explain"], ["rules"],
        ["plugins", "check"], ["translate"], ["translate", "export"], ["translate", "import"], ["translate", "status"],
        ["preview"],
    ])
    func helpExamplesAreNotWrappedMidCommand(command: [String]) throws {
        let result = try CLI.run(command + ["--help"], environment: ["COLUMNS": "80"])
        #expect(result.status == 0, "\(result.stderr)")
        var inExamples = false
        for line in result.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "Examples:" {
                inExamples = true
            } else if line.isEmpty {
                inExamples = false
            } else if inExamples {
                #expect(line.hasPrefix("  "), "\(command) help example wrapped: \(line)")
            }
        }
    }
}

/// `make install` puts man pages and shell completions beside the binary.
@Suite struct InstallTests {
    @Test func everyCommandHasAManPage() throws {
        let help = try CLI.run(["--help"])
        let section = try #require(help.stdout.components(separatedBy: "SUBCOMMANDS:").last)
        let listing = section.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().prefix {
            !$0.isEmpty
        }
        let commands = listing.compactMap { line -> String? in
            let words = line.split(separator: " ")
            return line.hasPrefix("  ") && !line.hasPrefix("   ") ? words.first.map(String.init) : nil
        }
        #expect(commands.contains("translate") && commands.contains("explain") && commands.contains("init"))
        for command in commands {
            let page = CLI.packageRoot.appendingPathComponent("docs/man/curriculum.\(command).1").path
            #expect(FileManager.default.fileExists(atPath: page), "no man page for \(command); run make man")
        }
    }

    @Test func installWritesManPagesAndCompletions() throws {
        let prefix = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: prefix) }
        let buildFolder = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().path
        let result = try CLI.run(
            ["install-files", "BUILD_DIR=\(buildFolder)", "PREFIX=\(prefix.path)"], executable: "/usr/bin/make")
        #expect(result.status == 0, "\(result.stderr)")
        let share = prefix.appendingPathComponent("share")
        for page in ["curriculum.1", "curriculum.explain.1", "curriculum.translate.export.1"] {
            #expect(FileManager.default.fileExists(atPath: share.appendingPathComponent("man/man1/\(page)").path))
        }
        let bash = try String(
            contentsOf: share.appendingPathComponent("bash-completion/completions/curriculum"), encoding: .utf8)
        #expect(bash.contains("translate") && bash.contains("explain"))
        #expect(
            FileManager.default.fileExists(atPath: share.appendingPathComponent("zsh/site-functions/_curriculum").path))
        #expect(
            FileManager.default.fileExists(
                atPath: share.appendingPathComponent("fish/vendor_completions.d/curriculum.fish").path))
    }
}
