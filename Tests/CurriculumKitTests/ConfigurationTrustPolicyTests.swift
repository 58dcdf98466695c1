import Testing

@testable import CurriculumKit

@Suite struct ConfigurationTrustPolicyTests {
    let trust = ConfigurationTrust(trustedFolders: ["/work/project"])

    @Test func configurationsInsideATrustedFolderAreTrusted() {
        #expect(trust.trusts("/work/project/curriculum.json"))
        #expect(trust.trusts("/work/project/Curricula/liaise/curriculum.json"))
    }

    @Test func configurationsOutsideAreNotEvenInASiblingWithTheSamePrefix() {
        #expect(!trust.trusts("/tmp/partner/curriculum.json"))
        #expect(!trust.trusts("/work/project-partner/curriculum.json"))
        #expect(!trust.trusts("/work/curriculum.json"))
    }

    @Test func trustingEveryConfigurationTrustsAnywhere() {
        let everything = ConfigurationTrust(trustsEveryConfiguration: true, trustedFolders: [])
        #expect(everything.trusts("/tmp/partner/curriculum.json"))
    }
}
