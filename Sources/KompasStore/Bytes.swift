/// Unambiguous byte encodings for associated data and the backup format: every variable-length
/// field is prefixed with its 32-bit big-endian length, so ("ab","c") and ("a","bc") never encode
/// the same way.
struct ByteWriter {
    var bytes: [UInt8] = []
    mutating func raw(_ b: [UInt8]) { bytes += b }
    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u32(_ v: UInt32) {
        for s in stride(from: 24, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(s)))
        }
    }
    mutating func u64(_ v: UInt64) {
        for s in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(s)))
        }
    }
    mutating func field(_ b: [UInt8]) {
        u32(UInt32(b.count))
        bytes += b
    }
    mutating func field(_ s: String) { field(Array(s.utf8)) }
}

/// Reads what ``ByteWriter`` wrote; every read is bounds-checked and returns nil past the end,
/// so a truncated or hostile file is an error, never a crash.
struct ByteReader {
    let bytes: [UInt8]
    var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    var atEnd: Bool { offset == bytes.count }
    mutating func raw(_ n: Int) -> [UInt8]? {
        guard n >= 0, bytes.count - offset >= n else { return nil }
        defer { offset += n }
        return Array(bytes[offset..<(offset + n)])
    }
    mutating func u8() -> UInt8? { raw(1)?.first }
    mutating func u32() -> UInt32? { raw(4).map { $0.reduce(0) { $0 << 8 | UInt32($1) } } }
    mutating func field() -> [UInt8]? { u32().flatMap { raw(Int($0)) } }
    mutating func string() -> String? { field().flatMap { String(validating: $0, as: UTF8.self) } }
}
