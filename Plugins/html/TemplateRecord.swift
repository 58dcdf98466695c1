import Mustache

/// A view model as Mustache reads it while rendering: its properties by name, in a dictionary.
///
/// Mustache looks a key up in every value on its context stack until one has it, and reads a struct through
/// `Mirror`, which lists all of a struct's properties again on each lookup; the facilitator guide makes tens of
/// thousands of lookups. ``TemplateRecord/of(_:)`` reads each view model once, through its `Encodable`
/// conformance, with the meaning ``TemplateViewModel/child(named:)`` gives the struct: a property without a value
/// is ``Absent`` (found, and empty), so the search stops there as it does on the struct.
final class TemplateRecord: MustacheParent {
    fileprivate var fields: [String: Any] = [:]
    /// Arrays filled through `nestedUnkeyedContainer(forKey:)`, which no synthesized conformance uses.
    fileprivate var arrays: [String: ArrayBox] = [:]

    func child(named name: String) -> Any? { fields[name] ?? arrays[name]?.resolved }

    /// The value Mustache renders in place of a view model: records for view models, arrays of values for arrays,
    /// and text, numbers, flags and ``TemplateStrings`` as they are.
    static func of(_ model: some TemplateViewModel) -> Any {
        let encoder = RecordEncoder()
        // Encoding into memory throws only if a view model's own `encode(to:)` does, and none has one.
        try? model.encode(to: encoder)
        return encoder.value ?? Absent()
    }
}

/// Builds the value of one view model, array or property.
private final class RecordEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    /// A ``TemplateRecord`` or an ``ArrayBox`` being filled, or the single value once it is set.
    private var storage: Any?

    var value: Any? {
        switch storage {
        case let box as ArrayBox: box.resolved
        default: storage
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let record = storage as? TemplateRecord ?? TemplateRecord()
        storage = record
        return KeyedEncodingContainer(RecordContainer(record: record))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box = storage as? ArrayBox ?? ArrayBox()
        storage = box
        return ArrayContainer(box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(encoder: self) }

    fileprivate func set(_ value: Any) { storage = value }

    /// The value to keep for a property or element: primitives and ``TemplateStrings`` as they are, anything else
    /// encoded in turn.
    static func value<T: Encodable>(of value: T) throws -> Any {
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag
        case let number as Int: return number
        case let strings as TemplateStrings: return strings
        default:
            let encoder = RecordEncoder()
            try value.encode(to: encoder)
            return encoder.value ?? Absent()
        }
    }
}

private final class ArrayBox {
    var items: [Any] = []
    /// Arrays filled through `nestedUnkeyedContainer()`, by their place in `items`.
    var nested: [(index: Int, box: ArrayBox)] = []

    var resolved: [Any] {
        var items = self.items
        for (index, box) in nested { items[index] = box.resolved }
        return items
    }
}

private struct RecordContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let record: TemplateRecord
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { record.fields[key.stringValue] = Absent() }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        record.fields[key.stringValue] = try RecordEncoder.value(of: value)
    }

    // An optional property without a value is there, and empty: `encodeIfPresent` would leave the key out and
    // Mustache would look the name up in the enclosing values.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value {
            record.fields[key.stringValue] = try RecordEncoder.value(of: value)
        } else {
            record.fields[key.stringValue] = Absent()
        }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { put(value, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { put(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { put(value, key) }

    private func put(_ value: Any?, _ key: Key) {
        if let value { record.fields[key.stringValue] = value } else { record.fields[key.stringValue] = Absent() }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = TemplateRecord()
        record.fields[key.stringValue] = nested
        return KeyedEncodingContainer(RecordContainer<NestedKey>(record: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let box = ArrayBox()
        record.arrays[key.stringValue] = box
        return ArrayContainer(box: box)
    }

    mutating func superEncoder() -> any Encoder { RecordEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { RecordEncoder() }
}

private struct ArrayContainer: UnkeyedEncodingContainer {
    let box: ArrayBox
    var codingPath: [any CodingKey] { [] }
    var count: Int { box.items.count }

    mutating func encodeNil() throws { box.items.append(Absent()) }

    mutating func encode<T: Encodable>(_ value: T) throws { box.items.append(try RecordEncoder.value(of: value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = TemplateRecord()
        box.items.append(nested)
        return KeyedEncodingContainer(RecordContainer<NestedKey>(record: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ArrayBox()
        box.nested.append((box.items.count, nested))
        box.items.append(Absent())
        return ArrayContainer(box: nested)
    }

    mutating func superEncoder() -> any Encoder { RecordEncoder() }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: RecordEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoder.set(Absent()) }

    mutating func encode<T: Encodable>(_ value: T) throws { encoder.set(try RecordEncoder.value(of: value)) }
}
