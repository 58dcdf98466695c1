/// Reads the shape of a `Decodable` type by decoding one made-up instance of it and noting every key and type
/// asked for: each optional is present, each list holds one element, every text is empty.
struct TemplateShapeReader: Decoder {
    /// Where the shape being read is recorded; shared by the containers the decoder hands out.
    final class Record {
        var shape: TemplateShape = .value
    }

    let record = Record()
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func shape<Model: Decodable>(of type: Model.Type) throws -> TemplateShape {
        try decode(type).shape
    }

    /// A made-up instance of the type and its shape.
    static func decode<Model: Decodable>(_ type: Model.Type) throws -> (value: Model, shape: TemplateShape) {
        let reader = TemplateShapeReader()
        let value = try Model(from: reader)
        if let shaped = type as? any TemplateShaped.Type { return (value, shaped.templateShape) }
        return (value, reader.record.shape)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        record.shape = .record([:])
        return KeyedDecodingContainer(Fields<Key>(record: record))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        record.shape = .list(.value)
        return Elements(record: record)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single() }

    /// Made-up values of the types a decoder must give directly.
    static func primitive<T>(_ type: T.Type) throws -> T {
        let values: [Any] = [
            "", false, 0, 0.0, Float(0), Int8(0), Int16(0), Int32(0), Int64(0), UInt(0), UInt8(0), UInt16(0),
            UInt32(0), UInt64(0),
        ]
        for value in values { if let typed = value as? T { return typed } }
        throw DecodingError.typeMismatch(
            type, .init(codingPath: [], debugDescription: "not a type a template value may have"))
    }

    /// Decodes any value: a primitive directly, anything else through a nested reader.
    static func any<T: Decodable>(_ type: T.Type) throws -> (value: T, shape: TemplateShape) {
        if let value = try? primitive(type) { return (value, .value) }
        return try decode(type)
    }

    struct Fields<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let record: Record
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            let (value, shape) = try TemplateShapeReader.any(type)
            var fields = record.shape.fields
            fields[key.stringValue] = shape
            record.shape = .record(fields)
            return value
        }

        // Text, numbers and flags: a value of the record.
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try primitive(type, key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try primitive(type, key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try primitive(type, key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try primitive(type, key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try primitive(type, key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try primitive(type, key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try primitive(type, key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try primitive(type, key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try primitive(type, key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try primitive(type, key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try primitive(type, key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try primitive(type, key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try primitive(type, key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try primitive(type, key) }

        private func primitive<T>(_ type: T.Type, _ key: Key) throws -> T {
            var fields = record.shape.fields
            fields[key.stringValue] = .value
            record.shape = .record(fields)
            return try TemplateShapeReader.primitive(type)
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "a view model decodes its fields with decode(_:forKey:)")
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "a view model decodes its fields with decode(_:forKey:)")
        }

        func superDecoder() throws -> any Decoder { TemplateShapeReader() }
        func superDecoder(forKey key: Key) throws -> any Decoder { TemplateShapeReader() }
    }

    /// A list of exactly one element, whose shape is the list's.
    struct Elements: UnkeyedDecodingContainer {
        let record: Record
        var codingPath: [any CodingKey] { [] }
        var count: Int? { 1 }
        var currentIndex = 0
        var isAtEnd: Bool { currentIndex >= 1 }

        mutating func decodeNil() throws -> Bool { false }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (value, shape) = try TemplateShapeReader.any(type)
            record.shape = .list(shape)
            currentIndex += 1
            return value
        }

        // A list of text, numbers or flags.
        mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) }
        mutating func decode(_ type: String.Type) throws -> String { try next(type) }
        mutating func decode(_ type: Double.Type) throws -> Double { try next(type) }
        mutating func decode(_ type: Float.Type) throws -> Float { try next(type) }
        mutating func decode(_ type: Int.Type) throws -> Int { try next(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) }

        private mutating func next<T>(_ type: T.Type) throws -> T {
            record.shape = .list(.value)
            currentIndex += 1
            return try TemplateShapeReader.primitive(type)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type
        ) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            currentIndex += 1
            return try TemplateShapeReader().container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            currentIndex += 1
            return Elements(record: Record())
        }

        mutating func superDecoder() throws -> any Decoder { TemplateShapeReader() }
    }

    struct Single: SingleValueDecodingContainer {
        var codingPath: [any CodingKey] { [] }
        func decodeNil() -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try TemplateShapeReader.any(type).value }
        func decode(_ type: Bool.Type) throws -> Bool { try TemplateShapeReader.primitive(type) }
        func decode(_ type: String.Type) throws -> String { try TemplateShapeReader.primitive(type) }
        func decode(_ type: Double.Type) throws -> Double { try TemplateShapeReader.primitive(type) }
        func decode(_ type: Float.Type) throws -> Float { try TemplateShapeReader.primitive(type) }
        func decode(_ type: Int.Type) throws -> Int { try TemplateShapeReader.primitive(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try TemplateShapeReader.primitive(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try TemplateShapeReader.primitive(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try TemplateShapeReader.primitive(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try TemplateShapeReader.primitive(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try TemplateShapeReader.primitive(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try TemplateShapeReader.primitive(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try TemplateShapeReader.primitive(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try TemplateShapeReader.primitive(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try TemplateShapeReader.primitive(type) }
    }
}
