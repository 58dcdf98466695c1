internal import CLibXML2
import Foundation

/// A compiled W3C XML Schema, loaded from text without touching the file system or the network.
///
/// libxml2 allows one compiled schema to be used by many validation contexts at once, each on its own thread,
/// which is how the toolkit validates independent files concurrently; the schema itself is never mutated after
/// compilation. That is the reason for `@unchecked Sendable`.
public final class XMLSchema: @unchecked Sendable {
    private let schema: xmlSchemaPtr

    /// Compiles a schema.
    ///
    /// - Parameters:
    ///   - source: The schema document.
    ///   - name: A name for messages, such as `curriculum.xsd`.
    /// - Throws: ``XMLSchemaError`` with libxml2's first message when the schema does not compile.
    public init(source: String, name: String) throws(XMLSchemaError) {
        LibXML2Setup.ensure()
        let collector = MessageCollector()
        let compiled: xmlSchemaPtr? = source.utf8CString.withUnsafeBufferPointer { buffer in
            guard let context = xmlSchemaNewMemParserCtxt(buffer.baseAddress, Int32(buffer.count - 1)) else {
                return nil
            }
            defer { xmlSchemaFreeParserCtxt(context) }
            xmlSchemaSetParserStructuredErrors(
                context, MessageCollector.handler, Unmanaged.passUnretained(collector).toOpaque())
            return xmlSchemaParse(context)
        }
        guard let compiled else {
            throw XMLSchemaError(name: name, message: collector.messages.first ?? "the schema does not compile")
        }
        schema = compiled
    }

    deinit {
        xmlSchemaFree(schema)
    }

    /// Validates a parsed document, mapping every error to the start-tag position the parser recorded.
    func validate(_ document: xmlDocPtr) -> [XMLProblem] {
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            return [XMLProblem(kind: .limitExceeded, message: "out of memory", position: .start)]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = MessageCollector()
        xmlSchemaSetValidStructuredErrors(
            context, MessageCollector.handler, Unmanaged.passUnretained(collector).toOpaque())
        _ = xmlSchemaValidateDoc(context, document)
        return collector.problems
    }
}

/// Why a schema could not be compiled.
public struct XMLSchemaError: Error, Sendable, CustomStringConvertible {
    /// The schema's name.
    public var name: String
    /// libxml2's first message.
    public var message: String

    public var description: String { "\(name): \(message)" }
}

/// Collects libxml2's schema messages for one compile or one validation.
private final class MessageCollector {
    var problems: [XMLProblem] = []
    var messages: [String] { problems.map(\.message) }

    static let handler: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error, error.pointee.level != XML_ERR_WARNING else { return }
        let collector = Unmanaged<MessageCollector>.fromOpaque(userData).takeUnretainedValue()
        var message = error.pointee.message.map { String(cString: $0) } ?? "schema error"
        message = message.replacingOccurrences(
            of: #"\{[A-Za-z][A-Za-z0-9+.-]*:[^}']*\}"#, with: "", options: .regularExpression
        )
        .trimmingCharacters(in: .whitespacesAndNewlines)
        if message.hasSuffix(".") { message.removeLast() }
        let node = error.pointee.node.map { UnsafeMutableRawPointer($0) }
        let position =
            node.flatMap { NodePosition.read(anyNode: $0) }
            ?? XMLPosition(line: max(1, Int(error.pointee.line)), column: 1)
        collector.problems.append(
            XMLProblem(kind: .schemaViolation, message: message, position: position, libxmlCode: error.pointee.code))
    }
}
