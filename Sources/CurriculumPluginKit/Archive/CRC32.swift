/// The CRC-32 checksum zip archives use (IEEE 802.3 polynomial, reflected).
///
/// Either in one call (``checksum(_:)``) or incrementally, chunk by chunk, for data that never sits in memory
/// whole (``update(_:)`` then ``value``).
public struct CRC32: Sendable {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    private var state: UInt32 = 0xFFFF_FFFF

    /// A checksum of no bytes yet.
    public init() {}

    /// Adds bytes that follow those already added.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        var crc = state
        let table = Self.table
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            for byte in buffer { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        }
        if done == nil {
            for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        }
        state = crc
    }

    /// The checksum of every byte added so far.
    public var value: UInt32 { state ^ 0xFFFF_FFFF }

    /// The checksum of some bytes.
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }
}
