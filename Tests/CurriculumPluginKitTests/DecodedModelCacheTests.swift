import CurriculumModel
import Foundation
import Testing

@testable import CurriculumPluginKit

/// An exporter process serving several requests decodes the model once while the core sends the same bytes, and
/// the params it gets are those a full decoding gives.
@Suite struct DecodedModelCacheTests {
    /// An export request line as the core writes it: the model spliced into sorted params.
    private func line(id: Int, title: String, session: String) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let model = try encoder.encode(
            Curriculum(id: "p", title: Label("\(title) \"quoted\" {braces}"), language: "en"))
        let params = try ExportParams.encoded(
            curriculum: model, root: "/r", format: "html", sessions: [session], delivery: nil,
            options: ["language": .string("fr")])
        return Array(#"{"id":\#(id),"jsonrpc":"2.0","method":"export","params":"#.utf8) + Array(params) + [0x7D]
    }

    private func fullyDecoded(_ line: [UInt8]) throws -> ExportParams {
        try JSONDecoder().decode(ParamsOf<ExportParams>.self, from: Data(line)).params
    }

    @Test func theSameModelBytesAreDecodedOnceAndGiveTheSameParams() throws {
        var cache = DecodedModelCache()
        for (id, session) in [(2, "s1"), (3, "s2"), (4, "s3")] {
            let request = try line(id: id, title: "One", session: session)
            let params = try cache.exportParams(from: request)
            let full = try fullyDecoded(request)
            #expect(params.curriculum == full.curriculum)
            #expect(params.sessions == [session])
            #expect(params.root == full.root && params.format == full.format && params.options == full.options)
        }
        #expect(cache.reuses == 2)
    }

    @Test func aChangedModelIsDecodedAgain() throws {
        var cache = DecodedModelCache()
        _ = try cache.exportParams(from: try line(id: 2, title: "One", session: "s1"))
        let changed = try cache.exportParams(from: try line(id: 3, title: "Two", session: "s1"))
        #expect(changed.curriculum.title.text.hasPrefix("Two"))
        #expect(cache.reuses == 0)
        // A model of another length, whose first bytes are the kept ones, is decoded too.
        let longer = try cache.exportParams(from: try line(id: 4, title: "Two more", session: "s1"))
        #expect(longer.curriculum.title.text.hasPrefix("Two more"))
        #expect(cache.reuses == 0)
    }

    @Test func aBadRequestGetsTheErrorAFullDecodingGives() throws {
        var cache = DecodedModelCache()
        let bad = Array(
            #"{"id":2,"jsonrpc":"2.0","method":"export","params":{"curriculum":{"id":1},"root":"/r"}}"#.utf8)
        #expect(throws: DecodingError.self) { try cache.exportParams(from: bad) }
    }

    @Test func theParamsWithoutTheModelNameEveryOtherMemberOfExportParams() throws {
        let params = ExportParams(
            curriculum: Curriculum(id: "p", title: "P", language: "en"), root: "/r", format: "f", sessions: [])
        let without = ExportParamsWithoutModel(
            root: "/r", format: "f", sessions: [], delivery: nil, options: [:], timetable: nil)
        let members = Mirror(reflecting: params).children.compactMap(\.label).filter { $0 != "curriculum" }
        #expect(members.sorted() == Mirror(reflecting: without).children.compactMap(\.label).sorted())
    }
}
