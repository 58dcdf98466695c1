import CurriculumPluginKit
import Testing

@Suite struct ZipEntryNameTextTests {
    @Test func aNameWithoutTheUTF8FlagIsReadInCodePage437() {
        // "café-ü.md" as Windows' zip tool writes it: é is 0x82, ü is 0x81.
        let bytes: [UInt8] = Array("caf".utf8) + [0x82] + Array("-".utf8) + [0x81] + Array(".md".utf8)
        #expect(ZipEntryNameText.decode(bytes, flags: 0) == "café-ü.md")
        #expect(ZipEntryNameText.decode([0xB0, 0xE1, 0xFF], flags: 0) == "\u{2591}ß\u{00A0}")
    }

    @Test func aFlaggedNameOrOneThatIsValidUTF8IsReadAsUTF8() {
        let utf8 = Array("café.md".utf8)
        #expect(ZipEntryNameText.decode(utf8, flags: ZipEntryNameText.utf8Flag) == "café.md")
        #expect(ZipEntryNameText.decode(utf8, flags: 0) == "café.md", "macOS writes UTF-8 without the flag")
        #expect(ZipEntryNameText.decode(Array("plain/name.xml".utf8), flags: 0) == "plain/name.xml")
    }
}
