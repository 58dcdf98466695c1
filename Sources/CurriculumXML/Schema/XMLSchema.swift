internal import CLibXML2
import Foundation

/// A compiled W3C XML Schema, loaded from text without touching the file system or the network.
///
/// libxml2 allows one compiled schema to be used by many validation contexts at once, each on its own thread,
/// which is how the toolkit validates independent files concurrently; the schema itself is never mutated after
/// compilation. That is the reason for `@unchecked Sendable`.
public final class XMLSchema: @unchecked Sendable {
    /// The compiled schema, shared read-only by every validation.
    let compiled: xmlSchemaPtr

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
        self.compiled = compiled
    }

    deinit {
        xmlSchemaFree(compiled)
    }

    /// libxml2's message without the `{namespace}` qualifiers, surrounding space or final full stop.
    static func cleanMessage(_ raw: UnsafeMutablePointer<CChar>?) -> String {
        var message = raw.map { String(cString: $0) } ?? "schema error"
        message = message.replacingOccurrences(
            of: #"\{[A-Za-z][A-Za-z0-9+.-]*:[^}']*\}"#, with: "", options: .regularExpression
        )
        .trimmingCharacters(in: .whitespacesAndNewlines)
        if message.hasSuffix(".") { message.removeLast() }
        return message
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

/// Collects libxml2's messages while a schema compiles.
private final class MessageCollector {
    var messages: [String] = []

    static let handler: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error, error.pointee.level != XML_ERR_WARNING else { return }
        let collector = Unmanaged<MessageCollector>.fromOpaque(userData).takeUnretainedValue()
        collector.messages.append(XMLSchema.cleanMessage(error.pointee.message))
    }
}
