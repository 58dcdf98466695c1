import CurriculumPluginKit

/// SHA-256 of text, for fingerprints of translatable texts.
enum TextDigest {
    static func sha256Hex(_ text: String) -> String {
        SHA256.hex(SHA256.digest(Array(text.utf8)))
    }
}
