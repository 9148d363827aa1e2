import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file that holds personal data outside the encrypted store (the printable summary).
///
/// The file is created with mode 0600 by `open(2)` itself (`O_CREAT | O_EXCL`, mode 0600), so there
/// is no moment at which it exists with the umask's wider mode; it is written to a fresh temporary
/// name in the target's folder, flushed, and renamed over the target, so a reader never sees half
/// a file and a failed write leaves an existing file as it was.
enum PrivateFile {
    struct WriteFailed: Error {}

    /// The mode of every file Kompas writes with personal data: read and write for the owner only.
    static let mode: mode_t = 0o600

    static func write(_ data: Data, to url: URL) throws {
        let dir = url.deletingLastPathComponent().path
        let temp = dir + "/." + url.lastPathComponent + ".kompas-" + UUID().uuidString
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw WriteFailed() }
        var ok = true
        data.withUnsafeBytes { (buf: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buf.count, let base = buf.baseAddress {
                let n = Glibc.write(fd, base + offset, buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    return
                }
                offset += n
            }
        }
        if ok && fsync(fd) != 0 { ok = false }
        if close(fd) != 0 { ok = false }
        guard ok, rename(temp, url.path) == 0 else {
            unlink(temp)
            throw WriteFailed()
        }
    }
}
