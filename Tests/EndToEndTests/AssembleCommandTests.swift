import Foundation
import Testing

/// `curriculum assemble`: a new session from modules, valid and packable, or a refusal that says by how much.
@Suite struct AssembleCommandTests {
    @Test func anAssembledSessionValidatesCleanlyAndPacks() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let curricula = folder.appendingPathComponent("Curricula")
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Curricula"), to: curricula)
        let liaise = curricula.appendingPathComponent("liaise").path
        let assemble = try CLI.run([
            "assemble", liaise, "--module", "m-families", "--module", "m-schools", "--days", "2", "--title",
            "Families and schools",
            "--out", curricula.appendingPathComponent("liaise/sessions/families-schools.xml").path, "--add",
        ])
        #expect(assemble.status == 0, "\(assemble.stderr)")
        #expect(assemble.stdout.contains("wrote session asm-families-schools (2 days"))
        let validate = try CLI.run(["validate", liaise, "--format", "json"])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let diagnostics = try validate.diagnostics()
        // LIAISE declares French; sessions not given in it are listed (LNG002), the new one among them.
        let others = diagnostics.filter {
            $0.code != "EXP002" && !($0.code == "LNG002" && $0.message.contains("is not given in"))
        }
        #expect(others.isEmpty, "\(diagnostics)")
        let show = try CLI.run(["show", liaise, "--session", "asm-families-schools"])
        #expect(show.stdout.contains("meal"))
        #expect(show.stdout.contains("09:00–09:30  welcome"))
        let pack = try CLI.run([
            "pack", liaise, "--session", "asm-families-schools", "--format", "md", "--out",
            folder.appendingPathComponent("packs").path,
        ])
        #expect(pack.status == 0, "\(pack.stderr)")
    }

    @Test func modulesThatDoNotFitAreRefusedWithTheShortfall() throws {
        let result = try CLI.run([
            "assemble", CLI.packageRoot.appendingPathComponent("Curricula/liaise").path, "--module", "m-families",
            "--module", "m-schools", "--days", "1",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the modules do not fit in 1 day:"))
        #expect(result.stderr.contains("of activities are left over"))
        #expect(result.stdout.isEmpty)
    }

    @Test func anUnknownModuleListsTheModules() throws {
        let result = try CLI.run([
            "assemble", CLI.packageRoot.appendingPathComponent("Curricula/liaise").path, "--module", "m-nope",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no module \"m-nope\" in liaise; modules: m-awareness"))
    }

    @Test func printsTheSessionWhenNoFileIsGiven() throws {
        let result = try CLI.run([
            "assemble", CLI.packageRoot.appendingPathComponent("Curricula/liaise").path, "--module", "m-families",
            "--days", "1", "--start", "08:30",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("<day n=\"1\" nominal-start=\"08:30\""))
        #expect(result.stdout.contains("<use module=\"m-families\""))
        #expect(result.stdout.contains("kind=\"meal\""))
    }
}
