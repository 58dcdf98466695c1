import Foundation
import Testing

/// `curriculum explain CODE` and the hint lines that point to it.
@Suite struct ExplainCommandTests {
    @Test func explainsARuleWithAnExampleAndTheFix() throws {
        let result = try CLI.run(["explain", "tim001"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("TIM001: Not an ISO 8601 duration\n"))
        #expect(result.stdout.contains("default severity error"))
        #expect(result.stdout.contains("Bare numbers, clock notation and words are ambiguous"))
        #expect(result.stdout.contains("Triggers it:\n    <activity id=\"a-map\" kind=\"group-work\" duration=\"45\">"))
        #expect(result.stdout.contains("Fixed:\n    <activity id=\"a-map\" kind=\"group-work\" duration=\"PT45M\">"))
        #expect(result.stdout.contains("Fix: Write PT45M"))
    }

    @Test func everyRuleHasAnExample() throws {
        let rules = try CLI.run(["rules", "--format", "json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(rules.stdout.utf8)) as? [[String: Any]])
        #expect(list.count > 70)
        for rule in list {
            let code = try #require(rule["code"] as? String)
            let result = try CLI.run(["explain", code])
            #expect(result.status == 0, "\(code)")
            #expect(result.stdout.contains("Triggers it:"), "\(code) has no example")
        }
    }

    @Test func anUnknownCodeIsAUsageErrorNamingTheClosest() throws {
        let result = try CLI.run(["explain", "TIM01"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no rule \"TIM01\"; closest: TIM001"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func everyTextFindingsHintNamesTheExplainCommand() throws {
        let result = try CLI.run(["validate", CLI.fixture("bad/duration-bare-number.xml")])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        let findings = lines.filter { $0.contains("error[") || $0.contains("warning[") || $0.contains("info[") }
        let hints = lines.filter { $0.hasPrefix("    hint: ") }
        #expect(!findings.isEmpty)
        #expect(hints.count == findings.count, "\(result.stdout)")
        for (finding, hint) in zip(findings, hints) {
            let code = try #require(finding.firstMatch(of: /\[([A-Z]{3}\d{3})\]/)?.1)
            #expect(hint.contains("curriculum explain \(code)"), "\(hint)")
        }
        #expect(result.stdout.contains("hint: If you mean 45 minutes, write PT45M. (`curriculum explain TIM001`)"))
    }

    @Test func machineReadableFormatsKeepTheHintAsWritten() throws {
        let result = try CLI.run(["validate", CLI.fixture("bad/duration-bare-number.xml"), "--format", "json"])
        #expect(!result.stdout.contains("curriculum explain"))
    }
}
