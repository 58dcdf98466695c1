import Testing

@testable import CurriculumKit

@Suite struct PackNameTests {
    @Test(arguments: ["", ".", "..", ".hidden", "a/b", "x/../../victim", "a\nb", "a\u{1b}b", "a\u{85}b"])
    func namesThatAreNotOnePlainFolderAreRefused(name: String) {
        #expect(PackName.problem(with: name) != nil)
    }

    @Test(arguments: ["mini-s1", "liaise-s2", "a.b-c_d", "séance-1"])
    func ordinaryNamesAreAccepted(name: String) {
        #expect(PackName.problem(with: name) == nil)
    }

    @Test func aNameLongerThanAFileSystemTakesIsRefused() {
        #expect(PackName.problem(with: String(repeating: "a", count: 256)) != nil)
        #expect(PackName.problem(with: String(repeating: "a", count: 255)) == nil)
    }
}
