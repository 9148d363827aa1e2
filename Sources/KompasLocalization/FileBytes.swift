#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let systemRead = Darwin.read
#endif

/// A whole file's bytes, read straight into one array.
///
/// `[UInt8](Data(contentsOf:))` holds the 180 KB catalog twice (Foundation's buffer, then the
/// array's copy): about 90 first-touch page faults of a cold `kompas watals`, each a few
/// microseconds in a virtual machine (issue 23). Any failure gives nil, and the caller takes its
/// old path, so the error a user sees does not change.
enum FileBytes {
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else {
                complete = size == 0
                return
            }
            while count < size {
                let n = systemRead(fd, base + count, size - count)
                if n > 0 {
                    count += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            complete = count == size
        }
        // A file that changed size while being read: the old path reads it again.
        return complete ? bytes : nil
    }
}
