import Testing

@testable import CurriculumKit

@Suite struct PackPublicationTests {
    let publication = PackPublication(parent: "/out", name: "mini-s1")

    @Test func leftoversOfThisPackAreRecognisedByTheirExactShape() {
        #expect(publication.leftover(".mini-s1.staging-Ab12Cd") == .staging)
        #expect(publication.leftover(".mini-s1.old-Ab12Cd") == .retired)
        #expect(publication.leftover(".mini-s1.zip.partial-0A1B2C") == .partialZip)
        #expect(publication.leftover(".mini-s1.zip.partial") == .partialZip)
        #expect(publication.leftover(".mini-s1.zip.old-Ab12Cd") == .retiredZip)
    }

    @Test func theBundlesGoBesideThePackFolder() {
        #expect(publication.zipPath(.participants) == "/out/mini-s1-participants.zip")
        #expect(publication.zipPath(.facilitators) == "/out/mini-s1-facilitators.zip")
    }

    @Test func entriesOfOtherPacksOrOtherShapesAreNotLeftovers() {
        for entry in [
            "mini-s1", "mini-s1.zip", "mini-s1-participants.zip", ".mini-s1x.zip.partial", ".mini-s1.zip.old",
            ".mini-s1.old-abc", ".mini-s1.old-Ab12Cd.staging-Xy98Zw",
            ".mini-s1.old", ".mini-s1.staging-Ab/2Cd", ".other.old-Ab12Cd",
        ] {
            #expect(publication.leftover(entry) == nil, "\(entry)")
        }
    }
}
