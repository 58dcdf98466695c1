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
    private(set) var mayHoldPersonalDataOrSecrets = false

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
        mayHoldPersonalDataOrSecrets = screen.verdict
    }

    private mutating func visit(_ block: Block, _ screen: inout TextScreen) {
        visit(block.inlines, &screen)
        for item in block.items { visit(item, &screen) }
    }

    private mutating func visit(_ inlines: [Inline], _ screen: inout TextScreen) {
        for inline in inlines {
            switch inline.kind {
            case .text: if let text = inline.text { screen.look(text) }
            case .term: if let ref = inline.ref { termRefs.append(ref) }
            case .link: links.append(Link(href: inline.href, wording: (inline.children ?? []).plainText))
            case .emphasis, .strong: break
            }
            if let children = inline.children { visit(children, &screen) }
        }
    }
}

/// A cheap look at a text's bytes, so the costly regular expressions only run on the few texts that could
/// match: personal data needs an @ or at least nine digits; secrets need ':' or '=' (checked further by
/// ``Secrets/mayContainSecret(_:)``) or one of the markers `AKIA`, `-----` and `gh…_`.
struct TextScreen {
    private var digits = 0
    private var found = false

    /// Whether anything seen so far could hold personal data or a secret.
    var verdict: Bool { found || digits >= 9 }

    mutating func look(_ text: String) {
        guard !found else { return }
        var hasColon = false
        var copy = text
        copy.withUTF8 { bytes in
            for index in bytes.indices {
                let byte = bytes[index]
                // Every byte that matters lies between '-' and '_'; letters in lower case, spaces and
                // multi-byte characters, most of any text, are passed over at once.
                if byte < UInt8(ascii: "-") || byte > UInt8(ascii: "_") { continue }
                switch byte {
                case UInt8(ascii: "@"), UInt8(ascii: "="): found = true
                case UInt8(ascii: ":"): hasColon = true
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
                case UInt8(ascii: "-"):
                    found = index >= 4 && bytes[(index - 4)..<index].allSatisfy { $0 == UInt8(ascii: "-") }
                case UInt8(ascii: "I"):
                    found = index >= 2 && bytes[index - 1] == UInt8(ascii: "K") && bytes[index - 2] == UInt8(ascii: "A")
                case UInt8(ascii: "_"): found = index >= 2 && bytes[index - 2] == UInt8(ascii: "h")
                default: break
                }
                if found { return }
            }
        }
        // A colon only matters after a keyword; the keyword search runs once per text, not once per colon.
        if !found && hasColon { found = Secrets.mayContainSecret(text) }
    }
}
