import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An advisory `flock(2)` on `<store>.lock`, held for as long as a store handle lives.
///
/// SQLite already serialises writers (with the busy timeout, see `Store`); this lock adds what
/// SQLite cannot: `wis` and the first creation take it *exclusively*, so a store is never erased
/// or created under a running Kompas. Ordinary sessions share it. A waiting process polls until
/// its deadline and then reports ``StoreError/inUse(path:)`` (exit 75), never blocks forever.
/// `flock` locks are separate from the POSIX locks SQLite uses, so the two never interfere.
final class StoreLock {
    private let fd: Int32

    init(storePath: String, exclusive: Bool, waitSeconds: Double) throws {
        let lockPath = storePath + ".lock"
        let deadline = Date().addingTimeInterval(waitSeconds)
        while true {
            let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
            guard fd >= 0 else {
                throw StoreError.io(path: lockPath, detail: String(cString: strerror(errno)))
            }
            if flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0 {
                // The file may have been removed (by `wis`) while we waited for it: then our lock
                // is on a ghost. Start over on the file that is there now.
                var held = stat()
                var current = stat()
                if fstat(fd, &held) == 0, stat(lockPath, &current) == 0,
                    held.st_ino == current.st_ino, held.st_dev == current.st_dev
                {
                    self.fd = fd
                    return
                }
                close(fd)
                continue
            }
            let e = errno
            close(fd)
            guard e == EWOULDBLOCK || e == EINTR else {
                throw StoreError.io(path: lockPath, detail: String(cString: strerror(e)))
            }
            if Date() >= deadline { throw StoreError.inUse(path: storePath) }
            usleep(50_000)
        }
    }

    deinit { close(fd) }  // closing releases the flock
}
