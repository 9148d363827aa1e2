import CZlib

/// Just enough of the ZIP format (PKWARE APPNOTE 6.3.x, §4.3) to read one entry of a .docx:
/// the end-of-central-directory record, the central directory, local headers, and entries that
/// are stored (method 0) or deflated (method 8, inflated with zlib as raw deflate).
///
/// Every size is checked against the archive and against `maxEntrySize` (zip bombs).
public struct ZipArchive: Sendable {
    public struct Entry: Sendable {
        public let name: String
        let method: UInt16
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
    }
    public enum ZipError: Error, Equatable { case notAZip, damaged, tooLarge, unsupported }

    public let entries: [Entry]
    let bytes: [UInt8]

    public init(_ bytes: [UInt8]) throws(ZipError) {
        self.bytes = bytes
        guard bytes.count >= 22, bytes[0] == 0x50, bytes[1] == 0x4B else { throw .notAZip }
        // The EOCD record is at the end, followed by a comment of at most 65,535 bytes.
        var eocd = -1
        var i = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while i >= lowest {
            if bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x05
                && bytes[i + 3] == 0x06
            {
                eocd = i
                break
            }
            i -= 1
        }
        guard eocd >= 0 else { throw .notAZip }
        let count = Int(Self.u16(bytes, eocd + 10))
        let cdSize = Int(Self.u32(bytes, eocd + 12))
        let cdOffset = Int(Self.u32(bytes, eocd + 16))
        guard cdOffset + cdSize <= eocd, count < 65_535 else { throw .damaged }
        var entries: [Entry] = []
        var p = cdOffset
        for _ in 0..<count {
            guard p + 46 <= eocd, Self.u32(bytes, p) == 0x0201_4B50 else { throw .damaged }
            let method = Self.u16(bytes, p + 10)
            let csize = Int(Self.u32(bytes, p + 20))
            let usize = Int(Self.u32(bytes, p + 24))
            let nameLen = Int(Self.u16(bytes, p + 28))
            let extraLen = Int(Self.u16(bytes, p + 30))
            let commentLen = Int(Self.u16(bytes, p + 32))
            let offset = Int(Self.u32(bytes, p + 42))
            guard p + 46 + nameLen <= eocd else { throw .damaged }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLen)], as: UTF8.self)
            entries.append(
                Entry(
                    name: name, method: method, compressedSize: csize, uncompressedSize: usize,
                    localHeaderOffset: offset))
            p += 46 + nameLen + extraLen + commentLen
        }
        self.entries = entries
    }

    public func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

    /// The entry's bytes.
    ///
    /// Stops with `.tooLarge` as soon as the declared or the actual size
    /// passes `maxEntrySize`, so a lying header cannot exhaust memory.
    public func contents(of entry: Entry, maxEntrySize: Int) throws(ZipError) -> [UInt8] {
        if entry.uncompressedSize > maxEntrySize { throw .tooLarge }
        let h = entry.localHeaderOffset
        guard h + 30 <= bytes.count, Self.u32(bytes, h) == 0x0403_4B50 else { throw .damaged }
        let start = h + 30 + Int(Self.u16(bytes, h + 26)) + Int(Self.u16(bytes, h + 28))
        guard start + entry.compressedSize <= bytes.count else { throw .damaged }
        let data = bytes[start..<(start + entry.compressedSize)]
        switch entry.method {
        case 0:
            if data.count > maxEntrySize { throw .tooLarge }
            return Array(data)
        case 8:
            return try Self.inflateRaw(data, limit: maxEntrySize)
        default:
            throw .unsupported
        }
    }

    static func inflateRaw(_ input: ArraySlice<UInt8>, limit: Int) throws(ZipError) -> [UInt8] {
        var stream = z_stream()
        guard czlib_inflate_init_raw(&stream) == Z_OK else { throw .damaged }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var source = Array(input)
        var status: Int32 = Z_OK
        var failure: ZipError?
        source.withUnsafeMutableBufferPointer { src in
            stream.next_in = src.baseAddress
            stream.avail_in = uInt(src.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    let produced = out.count - Int(stream.avail_out)
                    output.append(contentsOf: out[0..<produced])
                }
                if output.count > limit {
                    failure = .tooLarge
                    return
                }
                if status != Z_OK && status != Z_STREAM_END {
                    failure = .damaged
                    return
                }
                if status == Z_OK && stream.avail_in == 0 && stream.avail_out != 0 {
                    failure = .damaged
                    return
                }
            } while status != Z_STREAM_END
        }
        if let failure { throw failure }
        return output
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
