public import CurriculumModel
import CurriculumPluginKit
public import Foundation

/// The model as every plugin request carries it: JSON with sorted keys and unescaped slashes, so the same
/// curriculum always gives the same bytes and a request is reproducible byte for byte.
public enum PluginModel {
    /// Encodes a curriculum for the `curriculum` field of a request.
    public static func encoded(_ curriculum: Curriculum) throws -> Data {
        try ProtocolJSONEncoder.encode(curriculum)
    }
}
