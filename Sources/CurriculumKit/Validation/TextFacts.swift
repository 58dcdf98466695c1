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
            guard let start = bytes.baseAddress else { return }
            var index = 0
            while index < bytes.count {
                // Every byte that matters lies between '-' and '_'. Eight bytes are tested at once, and a word of
                // lower-case letters, spaces and multi-byte characters, most of any text, is passed over.
                if index + 8 <= bytes.count,
                    !Self.holdsByteFromDashToUnderscore(UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self))
                {
                    index += 8
                    continue
                }
                for position in index..<min(index + 8, bytes.count) {
                    look(at: position, in: bytes, hasColon: &hasColon)
                    if found { return }
                }
                index += 8
            }
        }
        // A colon only matters after a keyword; the keyword search runs once per text, not once per colon.
        // The markers were looked for above; a colon or '=' needs a keyword too.
        if !found && hasColon { found = Secrets.hasKeyword(text) }
    }

    private mutating func look(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, hasColon: inout Bool) {
        switch bytes[index] {
        case UInt8(ascii: "@"), UInt8(ascii: "="): found = true
        case UInt8(ascii: ":"): hasColon = true
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
        case UInt8(ascii: "-"): found = index >= 4 && bytes[(index - 4)..<index].allSatisfy { $0 == UInt8(ascii: "-") }
        case UInt8(ascii: "I"):
            found = index >= 2 && bytes[index - 1] == UInt8(ascii: "K") && bytes[index - 2] == UInt8(ascii: "A")
        case UInt8(ascii: "_"): found = index >= 2 && bytes[index - 2] == UInt8(ascii: "h")
        default: break
        }
    }

    /// Whether any of eight bytes is in '-'...'_' (0x2D...0x5F), without a branch per byte. Per byte, the high
    /// bit of the result is set exactly when the byte is below 0x80, below 0x60 and at least 0x2D; no step can
    /// borrow or carry into the next byte.
    private static func holdsByteFromDashToUnderscore(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low = word & (ones &* 0x7F)
        let belowUnderscore = (ones &* 0xDF) &- low
        let fromDash = low &+ (ones &* 0x53)
        return belowUnderscore & ~word & fromDash & (ones &* 0x80) != 0
    }
}
