import KompasCore

/// The rule files built into this version (`Sources/KompasRules/Regels/`), embedded in the binary
/// with SwiftPM's `.embedInCode`, so an installed binary needs no bundle path (issue 16).
///
/// Parsed once, on the first read of any figure. A test checks that this list names every file
/// in the folder.
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
