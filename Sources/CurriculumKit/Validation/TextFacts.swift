import CurriculumModel
import Foundation

/// What the rules need from one text, found in a single walk over it: the glossary terms and links it holds, and
/// whether it could contain personal data or secrets at all.
///
/// Rules about terms, links and sensitive content used to walk every text on their own; one walk per text is
/// enough, and the walk does not copy the inline tree.
struct TextFacts {
    /// A link and its wording.
    struct Link {
        var href: String?
        var wording: String
    }

    /// The `ref` of every glossary term, in no particular order.
    private(set) var termRefs: [String] = []
    private(set) var links: [Link] = []
    /// Whether the costly personal-data and secret patterns could match; see ``TextScreen``.
    private(set) var mayHoldSensitiveText = false

    init(_ content: TextInventory.Content) {
        var screen = TextScreen()
        switch content {
        case .label(let label):
            screen.look(label.text)
            for translation in label.translations { screen.look(translation.text) }
        case .rich(let text):
            for block in text.blocks { visit(block, &screen) }
            for translation in text.translations {
                for block in translation.blocks { visit(block, &screen) }
            }
        }
        mayHoldSensitiveText = screen.verdict
    }

    private mutating func visit(_ block: Block, _ screen: inout TextScreen) {
        visit(block.inlines, &screen)
        for item in block.items { visit(item, &screen) }
    }

    /// Reads each inline's fields in place, so only the fields a case uses are retained, not the whole inline.
    private mutating func visit(_ inlines: [Inline], _ screen: inout TextScreen) {
        for index in inlines.indices {
            switch inlines[index].kind {
            case .text: if let text = inlines[index].text { screen.look(text) }
            case .term: if let ref = inlines[index].ref { termRefs.append(ref) }
            case .link:
                links.append(Link(href: inlines[index].href, wording: (inlines[index].children ?? []).plainText))
            case .emphasis, .strong: break
            }
            if let children = inlines[index].children { visit(children, &screen) }
        }
    }
}
