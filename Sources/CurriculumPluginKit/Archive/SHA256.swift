/// SHA-256 (FIPS 180-4), for the checksums in pack manifests. Small and dependency-free; packs are at most a
/// few hundred megabytes, so speed matters less than having no extra package to build.
public enum SHA256 {
    fileprivate static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// The digest of some bytes as 64 lowercase hexadecimal digits.
    public static func hex(_ bytes: [UInt8]) -> String {
        hex(digest: digest(bytes))
    }

    /// A digest (from ``digest(_:)`` or ``Hasher/finalize()``) as 64 lowercase hexadecimal digits.
    public static func hex(digest: [UInt8]) -> String {
        digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// The 32-byte digest of some bytes.
    public static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = Hasher()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// A digest computed piece by piece, for files read in chunks: ``update(_:)`` with each piece in order, then
    /// ``finalize()`` once. The result equals ``digest(_:)`` of all the pieces joined.
    public struct Hasher: Sendable {
        private var state: [UInt32] = [
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
        ]
        /// Bytes waiting for a whole 64-byte block.
        private var pending: [UInt8] = []
        private var length: UInt64 = 0

        /// Creates a hasher with nothing hashed yet.
        public init() {}

        /// Adds the next bytes.
        public mutating func update(_ bytes: some Collection<UInt8>) {
            length &+= UInt64(bytes.count)
            let direct = bytes.withContiguousStorageIfAvailable { buffer in absorb(UnsafeRawBufferPointer(buffer)) }
            if direct == nil { absorb(Array(bytes)) }
        }

        /// Hashes whole blocks straight from the input, keeping only what is left of a block for later.
        private mutating func absorb(_ bytes: [UInt8]) {
            bytes.withUnsafeBytes { absorb($0) }
        }

        private mutating func absorb(_ bytes: UnsafeRawBufferPointer) {
            var offset = 0
            if !pending.isEmpty {
                let needed = min(64 - pending.count, bytes.count)
                pending.append(contentsOf: bytes[0..<needed])
                offset = needed
                guard pending.count == 64 else { return }
                pending.withUnsafeBytes { compress($0, at: 0) }
                pending.removeAll(keepingCapacity: true)
            }
            while bytes.count - offset >= 64 {
                compress(bytes, at: offset)
                offset += 64
            }
            if offset < bytes.count { pending.append(contentsOf: bytes[offset...]) }
        }

        /// The digest of everything added; the hasher is not to be used afterwards.
        public mutating func finalize() -> [UInt8] {
            let bitLength = length &* 8
            var tail = pending
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            for shift in stride(from: 56, through: 0, by: -8) {
                tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
            }
            tail.withUnsafeBytes { buffer in
                for start in stride(from: 0, to: buffer.count, by: 64) { compress(buffer, at: start) }
            }
            pending = []
            return state.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> UInt32(24 - $0 * 8)) } }
        }

        private mutating func compress(_ message: UnsafeRawBufferPointer, at chunk: Int) {
            let block = state.withUnsafeBufferPointer { state in
                SHA256.k.withUnsafeBufferPointer { k in
                    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                        for i in 0..<16 {
                            let j = chunk + i * 4
                            w[i] =
                                UInt32(message[j]) << 24 | UInt32(message[j + 1]) << 16 | UInt32(message[j + 2]) << 8
                                | UInt32(message[j + 3])
                        }
                        for i in 16..<64 {
                            let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3)
                            let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10)
                            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                        }
                        var (a, b, c, d, e, f, g, hh) = (
                            state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7]
                        )
                        for i in 0..<64 {
                            let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
                            let choice = (e & f) ^ (~e & g)
                            let t1 = hh &+ s1 &+ choice &+ k[i] &+ w[i]
                            let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
                            let majority = (a & b) ^ (a & c) ^ (b & c)
                            let t2 = s0 &+ majority
                            (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
                        }
                        return (a, b, c, d, e, f, g, hh)
                    }
                }
            }
            state[0] = state[0] &+ block.0; state[1] = state[1] &+ block.1
            state[2] = state[2] &+ block.2; state[3] = state[3] &+ block.3
            state[4] = state[4] &+ block.4; state[5] = state[5] &+ block.5
            state[6] = state[6] &+ block.6; state[7] = state[7] &+ block.7
        }
    }

    fileprivate static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }
}
