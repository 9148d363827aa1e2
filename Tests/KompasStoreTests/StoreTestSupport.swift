import Foundation
import KompasCrypto
import KompasTestSupport

@testable import KompasStore

/// A fresh directory under the system temp folder, removed when the value is dropped.
final class TempDir {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-storetest-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    var store: URL { url.appendingPathComponent("data/kompas.db") }
    deinit { try? FileManager.default.removeItem(at: url) }
}

let testPass = "correct paard batterij niet"
let testKDF = ScryptParameters.testOnly
let quick = StoreOptions(waitSeconds: 0.3)

func makeStore(_ dir: TempDir, pass: String = testPass) throws -> Store {
    try Store.create(at: dir.store, passphrase: Passphrase(pass), kdf: testKDF, options: quick)
}
func openStore(_ dir: TempDir, pass: String = testPass, wait: Double = 0.3) throws -> Store {
    try Store.open(
        at: dir.store, passphrase: Passphrase(pass), options: StoreOptions(waitSeconds: wait))
}

/// Direct SQL on a closed store file, for tampering (bypasses the store on purpose).
func rawSQL(_ url: URL, _ sql: String, _ values: [SQLValue] = []) throws -> [[SQLValue]] {
    let db = try SQLiteConnection(path: url.path, create: false)
    return try db.query(sql, values)
}

func fileBytes(_ url: URL) -> [UInt8] { (try? Data(contentsOf: url)).map(Array.init) ?? [] }

func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    index(of: needle, in: haystack) != nil
}
func index(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
    let first = needle[0]
    var i = 0
    let last = haystack.count - needle.count
    while i <= last {
        if haystack[i] == first && Array(haystack[i..<(i + needle.count)]) == needle { return i }
        i += 1
    }
    return nil
}

/// The built test-only child process.
var crashTestBinary: URL {
    TestSupport.productsDirectory.appendingPathComponent("kompas-store-crashtest")
}

/// A synthetic payslip with recognisable values for the plaintext scan.
struct SamplePayslip: Codable, Equatable {
    var naam: String
    var werkgever: String
    var bsn: String
    var brutoCenten: Int
    var nettoCenten: Int
    var periode: String
}
