import Testing

@testable import CurriculumKit

/// "Did you mean" hints are the same whatever order the candidates come in, so a finding reads the same on every
/// run (candidates are often a dictionary's keys, whose order changes between runs).
@Suite struct SuggestionsTests {
    @Test func equallyCloseCandidatesGiveTheSameSuggestionInAnyOrder() {
        let candidates = ["obj-st-1", "obj-fam-1", "obj-aw-2", "obj-xy-1"]
        let suggestions = Set(
            [candidates, candidates.reversed(), candidates.shuffled(), candidates.shuffled()].map {
                Suggestions.closest(to: "obj-aw-1", among: $0)
            })
        #expect(suggestions == ["obj-aw-2"])
        let ties = ["obj-st-1", "obj-fa-1", "obj-xy-1"]
        #expect(Suggestions.closest(to: "obj-aw-1", among: ties) == "obj-fa-1")
        #expect(Suggestions.closest(to: "obj-aw-1", among: ties.reversed()) == "obj-fa-1")
    }
}
