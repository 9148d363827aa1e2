import Foundation
import KompasCore

/// The rule files built into this version (`Sources/KompasRules/Regels/`), embedded in the binary
/// with SwiftPM's `.embedInCode`, so an installed binary needs no bundle path (issue 16).
///
/// A figure's own file is parsed when the first figure of that file is read (``fileIndex``,
/// ``Regels``); all files together only where the whole book is needed (`kompas regels`, a
/// user's files laid over the built-in ones). A test checks that this list names every file in
/// the folder.
public enum BuiltInRules {
    /// File name and bytes of every embedded rule file.
    public static let embedded: [(name: String, bytes: [UInt8])] = [
        ("algemene-kinderbijslagwet.json", PackageResources.algemene_kinderbijslagwet_json),
        ("algemene-ouderdomswet.json", PackageResources.algemene_ouderdomswet_json),
        ("awir.json", PackageResources.awir_json),
        ("besluit-kinderopvangtoeslag.json", PackageResources.besluit_kinderopvangtoeslag_json),
        ("besluit-minimumjeugdloon.json", PackageResources.besluit_minimumjeugdloon_json),
        ("besluit-op-de-huurtoeslag.json", PackageResources.besluit_op_de_huurtoeslag_json),
        ("participatiewet.json", PackageResources.participatiewet_json),
        (
            "regeling-participatiewet-ioaw-ioaz.json",
            PackageResources.regeling_participatiewet_ioaw_ioaz_json
        ),
        (
            "rekenvoorschriften-loonheffing.json",
            PackageResources.rekenvoorschriften_loonheffing_json
        ),
        ("wet-inkomstenbelasting-2001.json", PackageResources.wet_inkomstenbelasting_2001_json),
        ("wet-minimumloon.json", PackageResources.wet_minimumloon_json),
        ("wet-op-de-huurtoeslag.json", PackageResources.wet_op_de_huurtoeslag_json),
        ("wet-op-de-zorgtoeslag.json", PackageResources.wet_op_de_zorgtoeslag_json),
        (
            "wet-op-het-kindgebonden-budget.json",
            PackageResources.wet_op_het_kindgebonden_budget_json
        ),
        (
            "wet-verlaging-eigen-bijdrage-huurtoeslag.json",
            PackageResources.wet_verlaging_eigen_bijdrage_huurtoeslag_json
        ),
    ]

    /// Which embedded file defines each parameter id.
    ///
    /// From a scan of the bytes for `"id": "`, without parsing the JSON (issue 23: every file was
    /// parsed before the first figure of a cold `kompas watals`). A test checks that the scan finds exactly the ids the parser reads,
    /// and that no id is in two files (the whole book's merge refuses that too). An id the scan
    /// does not know is read from the whole book.
    public static let fileIndex: [String: Int] = {
        var index: [String: Int] = [:]
        for (i, file) in embedded.enumerated() {
            for id in scannedIDs(file.bytes) where index[id] == nil { index[id] = i }
        }
        return index
    }()

    /// The parameter ids in one file's bytes, in order: every `"id": "…"`.
    public static func scannedIDs(_ bytes: [UInt8]) -> [String] {
        let marker = Array(#""id": ""#.utf8)
        var ids: [String] = []
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            let n = b.count
            let m = marker.count
            var i = 0
            // From quote to quote (memchr), comparing the marker only there.
            while i + m <= n, let q = memchr(base + i, 0x22, n - i) {
                i = base.distance(to: q.assumingMemoryBound(to: UInt8.self))
                guard i + m <= n, memcmp(base + i, marker, m) == 0 else {
                    i += 1
                    continue
                }
                let start = i + m
                var end = start
                while end < n, b[end] != 0x22 { end += 1 }
                ids.append(
                    String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self))
                i = end
            }
        }
        return ids
    }

    /// The parsed files, and the first error if a file does not parse (only a broken build can
    /// have one; the lint test fails on it).
    public static let files: (files: [RuleFile], errors: [RuleFileError]) = {
        var files: [RuleFile] = []
        var errors: [RuleFileError] = []
        for (name, bytes) in embedded {
            do throws(RuleFileError) {
                files.append(try RuleFile.parse(bytes, name: name, origin: .builtIn(file: name)))
            } catch {
                errors.append(error)
            }
        }
        return (files, errors)
    }()
}
