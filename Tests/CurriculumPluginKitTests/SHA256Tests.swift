import Testing

@testable import CurriculumPluginKit

/// The pack manifest's checksums: the one-shot digest and the piece-by-piece one used for streamed copies agree,
/// and both give the standard's test vectors.
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func theDigestMatchesTheStandardsVectors(text: String, hex: String) {
        #expect(SHA256.hex(Array(text.utf8)) == hex)
    }

    @Test(arguments: [1, 7, 63, 64, 65, 1000])
    func hashingInPiecesGivesTheSameDigestAsHashingAtOnce(pieceSize: Int) {
        let bytes = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = SHA256.Hasher()
        var start = 0
        while start < bytes.count {
            let end = min(start + pieceSize, bytes.count)
            hasher.update(bytes[start..<end])
            start = end
        }
        #expect(hasher.finalize() == SHA256.digest(bytes))
    }
}
