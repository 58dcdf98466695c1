// libFuzzer entry point for the hardened parser, compiled by scripts/fuzz-parser.sh together with the sources of
// CurriculumXML and the embedded schema into one module (it is not part of the SwiftPM package, whose normal
// builds it must not affect).
import Foundation

/// The schema `curriculum validate` plugs into every parse, compiled once per process.
private let curriculumSchema: XMLSchema? = try? XMLSchema(
    source: EmbeddedSchema.curriculumXSD, name: "curriculum.xsd")

/// Small limits reach the limit checks with small inputs; the real ones are tried on every other input.
private let smallLimits = XMLParserLimits(
    maxFileBytes: 64 * 1024, maxDepth: 16, maxNodes: 256, maxTextBytes: 512, maxAttributes: 8)

/// Parses one input the way `curriculum validate` does, then reads everything the tree holds.
@_cdecl("LLVMFuzzerTestOneInput")
public func parserFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let schema = curriculumSchema else { fatalError("the embedded schema does not compile") }
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let limits: XMLParserLimits = size % 2 == 0 ? .curriculum : smallLimits
    let outcome = HardenedXMLParser(limits: limits).parse(bytes, url: "fuzz.xml", schema: schema)
    for problem in outcome.problems {
        precondition(problem.position.line >= 1 && problem.position.column >= 1, "a problem without a position")
        precondition(!problem.message.isEmpty, "a problem without a message")
    }
    if let root = outcome.tree?.root {
        precondition(outcome.problems.allSatisfy { $0.kind == .schemaViolation }, "a tree beside a refusal")
        // Every name, attribute and text run is read back from the tree, and the detached copy is made, as the
        // loader and the importers do.
        var pending = [root]
        while let node = pending.popLast() {
            precondition(!node.name.isEmpty, "an element without a name")
            for attribute in node.attributes { _ = attribute.value.utf8.count }
            for child in node.children {
                switch child {
                case .element(let element): pending.append(element)
                case .text(let text): _ = text.string.utf8.count
                }
            }
        }
        _ = root.detached
    }
    return 0
}
