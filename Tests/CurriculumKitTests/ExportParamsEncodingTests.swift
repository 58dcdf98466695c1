import CurriculumModel
import CurriculumPluginKit
import Foundation
import Testing

@testable import CurriculumKit

/// `pack` encodes the model once and splices it into each session's export request: the request must be the very
/// bytes a sorted-keys encoding of the same params gives, so plugins see no difference.
@Suite struct ExportParamsEncodingTests {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    @Test(arguments: [true, false])
    func splicedParamsEqualTheEncodedParams(withDelivery: Bool) throws {
        let curriculum = SampleCurriculum.model
        let delivery = withDelivery ? curriculum.deliveries.first : nil
        let options: [String: JSONValue] = ["language": .string("fr"), "templates": .string("/a/b c")]
        let typed = ExportParams(
            curriculum: curriculum, root: "/root/é", format: "html", sessions: ["s1"], delivery: delivery,
            options: options)
        let spliced = try ExportParams.encoded(
            curriculum: Self.encoder().encode(curriculum), root: "/root/é", format: "html", sessions: ["s1"],
            delivery: delivery, options: options)
        #expect(
            String(decoding: spliced, as: UTF8.self)
                == String(decoding: try Self.encoder().encode(typed), as: UTF8.self))
    }
}
