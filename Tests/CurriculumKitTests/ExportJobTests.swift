import CurriculumModel
import CurriculumPluginKit
import Testing

@testable import CurriculumKit

/// How a pack run's export requests are planned and a batched answer is shared out among the packs.
@Suite struct ExportJobTests {
    @Test func aBatchedFormatIsOneRequestPerDeliveryAndTheOthersOnePerSession() {
        let jobs = ExportJob.plan(
            sessions: ["s1", "s2", "s3"], formats: ["html", "pdf"], batched: { $0 == "pdf" },
            delivery: { $0 == "s3" ? "autumn" : "spring" })
        #expect(jobs.map(\.format) == ["pdf", "pdf", "html", "html", "html"])
        #expect(jobs.map(\.sessions) == [["s1", "s2"], ["s3"], ["s1"], ["s2"], ["s3"]])
    }

    @Test func aSessionWhoseIDIsNoPlainFolderNameIsNotBatched() {
        let jobs = ExportJob.plan(
            sessions: ["s1", "été"], formats: ["pdf"], batched: { _ in true }, delivery: { _ in nil })
        #expect(jobs.map(\.sessions) == [["s1"], ["été"]])
    }

    @Test func aBatchedAnswerGivesEachSessionTheFilesUnderItsFolder() throws {
        let job = ExportJob(format: "pdf", sessions: ["s1", "s2"])
        let answer = ExportResult(
            artifacts: [
                Artifact(path: "s1/pdf/guide.pdf", base64: ""), Artifact(path: "s2/pdf/guide.pdf", base64: ""),
                Artifact(path: "s2/pdf/handouts/cards.pdf", base64: ""),
            ],
            diagnostics: [Diagnostic(severity: .warning, code: "X001", message: "once")])
        let parts = try job.split(answer, exporter: "html")
        #expect(parts.map(\.0) == ["s1", "s2"])
        #expect(parts[0].1.artifacts.map(\.path) == ["pdf/guide.pdf"])
        #expect(parts[1].1.artifacts.map(\.path) == ["pdf/guide.pdf", "pdf/handouts/cards.pdf"])
        #expect(parts[0].1.diagnostics.count == 1 && parts[1].1.diagnostics.isEmpty)
    }

    @Test func aBatchedAnswerWithAFileOutsideEverySessionFolderIsRefused() {
        let job = ExportJob(format: "pdf", sessions: ["s1", "s2"])
        let answer = ExportResult(artifacts: [Artifact(path: "pdf/guide.pdf", base64: "")])
        #expect(throws: PackFailure.self) { try job.split(answer, exporter: "html") }
    }
}
