import Foundation
import KompasCore
import KompasSettlement
import KompasStore

/// Where payslips and hour records come from in one run.
///
/// Files given with `--loonstroken` are read
/// for this run only (nothing personal is written to disk); otherwise, once the encrypted store
/// exists, its `loonstrook` and `uren` collections. Without either there are none.
enum PayslipSource {
    static let filesFlag = FlagSpec(
        ["--loonstroken", "--payslips"], .repeated(placeholder: "BESTAND"))
    /// Upper limit for one payslip file (a caseload is streamed and has no limit).
    static let maximumFileSize = 50_000_000

    struct Loaded {
        var payslips: [Payslip]
        var hours: [HourRecord]
        var fromStore: Bool
        /// The open store when the data came from it (for `status`'s receipts section).
        var store: Store? = nil
    }

    static func load(_ inv: Invocation, needStore: Bool = false) throws -> Loaded {
        let files = inv.arguments.values(filesFlag)
        if !files.isEmpty {
            var slips: [Payslip] = []
            for file in files {
                let result = PayslipReader.read(try read(file, inv))
                let check = PayslipValidator.validate(result.rows, existing: slips)
                let findings = (result.findings + check.findings).sorted { $0.line < $1.line }
                printFindings(findings, file: file, inv)
                if findings.contains(where: { $0.level == .fout }) {
                    throw UserError(
                        .dataError,
                        Message(
                            "payslip.error.fileHasErrors",
                            [
                                "file": .text(file),
                                "count": .number(findings.filter { $0.level == .fout }.count),
                            ]))
                }
                slips += check.accepted.map(\.payslip)
            }
            return Loaded(payslips: slips, hours: [], fromStore: false)
        }
        let url = StoreAccess.location(inv)
        guard Store.exists(at: url) else {
            if needStore { throw StoreError.notFound(path: url.path) }
            return Loaded(payslips: [], hours: [], fromStore: false)
        }
        let store = try StoreAccess.open(inv)
        // Issue 18: damage that hides rows is said (at the end of the run), never silent.
        _ = store.structureIsIntact()
        return Loaded(
            payslips: try store.all(Payslip.self, in: .loonstrook).map(\.value).sorted {
                ($0.payDate, $0.periodStart) < ($1.payDate, $1.periodStart)
            },
            hours: try store.all(HourRecord.self, in: .uren).map(\.value), fromStore: true,
            store: store)
    }

    static func url(_ path: String, _ inv: Invocation) -> URL {
        path.hasPrefix("/")
            ? URL(fileURLWithPath: path) : inv.context.workingDirectory.appendingPathComponent(path)
    }

    /// Reads a whole file: 66 when it is missing, 74 when it cannot be read.
    static func read(_ path: String, _ inv: Invocation) throws -> Data {
        let u = url(path, inv)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: u.path, isDirectory: &isDir), !isDir.boolValue
        else {
            throw UserError(.noInput, Message("error.fileNotFound", ["file": .text(path)]))
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: u.path))?[.size] as? Int,
            size > maximumFileSize
        {
            throw UserError(
                .dataError,
                Message("error.fileTooLarge", ["file": .text(path), "limit": .text("50 MB")]))
        }
        do { return try Data(contentsOf: u) } catch {
            throw UserError(.ioError, Message("error.fileUnreadable", ["file": .text(path)]))
        }
    }

    /// One line per finding on stderr: `bestand:regel: niveau bericht`.
    static func printFindings(_ findings: [Finding], file: String, _ inv: Invocation) {
        for f in findings {
            inv.err.print(
                "\(file):\(f.line): \(inv.t("doc.level." + f.level.rawValue)) \(inv.context.localizer.render(f.message))"
            )
        }
    }
}
