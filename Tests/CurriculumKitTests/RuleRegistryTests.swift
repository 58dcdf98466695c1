import Foundation
import Testing

@testable import CurriculumKit

@Suite struct RuleRegistryTests {
    private static let rulesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/CurriculumKit/Validation/Rules")

    @Test func everyFamilyHasRulesAndEveryCodeIsUnique() {
        let codes = RuleRegistry.descriptors.map(\.code)
        #expect(Set(codes).count == codes.count)
        for family in RuleFamily.allCases {
            #expect(RuleRegistry.descriptors.contains { $0.family == family }, "\(family)")
        }
    }

    @Test func everyRuleExplainsItselfAndCarriesItsFamilysPrefix() {
        for rule in RuleRegistry.descriptors {
            #expect(!rule.explanation.isEmpty && !rule.title.isEmpty, "\(rule.code)")
            #expect(rule.code.rawValue.hasPrefix(rule.family.codePrefix), "\(rule.code) is in family \(rule.family)")
            #expect(rule.code.rawValue.count == 6, "\(rule.code)")
        }
    }

    @Test func rulesWithAModelPhaseAndOnlyThoseHaveACheck() {
        for rule in RuleRegistry.all {
            let code = rule.descriptor.code
            #expect(!rule.descriptor.phases.isEmpty, "\(code) declares no phase")
            #expect(rule.descriptor.phases.contains(.model) == (rule is any ModelRule.Type), "\(code)")
        }
    }

    /// Keeping one finding per line only makes sense for a rule that two phases can report at the same place.
    @Test func onlyRulesReportedInBothPhasesKeepOneFindingPerLine() {
        for rule in RuleRegistry.descriptors where rule.oncePerLine {
            #expect(rule.phases == [.loading, .model], "\(rule.code)")
        }
    }

    /// Each rule is one file named by its code in its family's folder; a file left out of the registry would
    /// never run.
    @Test func everyRuleFileIsInTheRegistry() throws {
        var filed: [String: String] = [:]
        for folder in try FileManager.default.contentsOfDirectory(atPath: Self.rulesFolder.path) {
            let files = try FileManager.default.contentsOfDirectory(
                atPath: Self.rulesFolder.appendingPathComponent(folder).path)
            for file in files where file.range(of: #"^[A-Z]{3}[0-9]{3}-"#, options: .regularExpression) != nil {
                filed[String(file.prefix(6))] = folder
            }
        }
        let registered = Dictionary(
            uniqueKeysWithValues: RuleRegistry.descriptors.map { ($0.code.rawValue, $0.family) })
        #expect(Set(filed.keys) == Set(registered.keys))
        for (code, folder) in filed {
            #expect(registered[code]?.rawValue == folder.lowercased(), "\(code) is filed under \(folder)")
        }
    }
}
