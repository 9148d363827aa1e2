// swift-tools-version:6.0
// Kompas: a command-line assistant for part-time work from bijstand (Participatiewet).
// No package dependencies by policy; system C libraries only (SQLite3, OpenSSL libcrypto, zlib).
import PackageDescription

let package = Package(
    name: "kompas",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kompas", targets: ["kompas"]),
        .executable(name: "kompas-gemeente", targets: ["kompas-gemeente"]),
    ],
    dependencies: [],
    targets: [
        // MARK: Level 0: system C libraries (only Crypto/Store/Documents import them)
        // SQLite3 for the encrypted local store and the endpoint's persistence.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // OpenSSL libcrypto for AES-256-GCM, scrypt, SHA-256 and random bytes.
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // zlib to inflate the parts of a .docx archive.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // MARK: Level 1: vocabulary (no I/O, no C)
        // Money, Rate, LocalDate, CalendarMonth, Clock, LegalReference, messages, exit codes.
        .target(name: "KompasCore"),

        // MARK: Level 2: pure engines (no I/O)
        // Dated legal parameters with sources, and the verifier for rule examples.
        // Its figures live in one JSON file per law (Regels/), embedded in the binary (issue 16).
        .target(name: "KompasRules", dependencies: ["KompasCore"], resources: [.embedInCode("Regels")]),
        // Income projection: norms, exemptions, tax, top-up, sweep ("wat houd ik over").
        .target(name: "KompasIncome", dependencies: ["KompasCore", "KompasRules"]),
        // National toeslagen (zorg, huur, kindgebonden budget, kinderopvang, kinderbijslag) with traces.
        .target(name: "KompasToeslagen", dependencies: ["KompasCore", "KompasRules"]),
        // Municipal provisions (minimaregelingen): data model, loader with precise errors, evaluation.
        .target(name: "KompasProvisions", dependencies: ["KompasCore", "KompasRules"]),
        // The typed, versioned Situation and its one reader/validator for all four builders (issue 15).
        .target(name: "KompasCase", dependencies: ["KompasCore", "KompasIncome", "KompasToeslagen"]),
        // Payslips, pay periods, allocation to calendar months and the settlement preview.
        .target(name: "KompasSettlement", dependencies: ["KompasCore", "KompasRules", "KompasIncome", "KompasCase"]),
        // Municipality data files: policy choices with sources, decoded and validated; Amsterdam built in.
        .target(name: "KompasMunicipality", dependencies: ["KompasCore", "KompasIncome", "KompasProvisions", "KompasSettlement"]),
        // The whole monthly income: projection + toetsingsinkomen + toeslagen + provisions, and its sweep.
        .target(name: "KompasTotalIncome", dependencies: ["KompasCore", "KompasRules", "KompasIncome", "KompasToeslagen", "KompasProvisions"]),
        // Plain-language summary model (issue 9): six months, events, actions, sources, pay calendar. Pure.
        // The one engine entry point (issue 15): evaluate(Situation, months) → CaseResult for every view.
        .target(name: "KompasEngine", dependencies: ["KompasCore", "KompasRules", "KompasIncome", "KompasCase", "KompasToeslagen", "KompasProvisions", "KompasTotalIncome", "KompasSettlement", "KompasMunicipality"]),
        .target(name: "KompasSummary", dependencies: ["KompasCore", "KompasRules", "KompasIncome", "KompasToeslagen", "KompasProvisions", "KompasTotalIncome", "KompasEngine", "KompasCase", "KompasMunicipality", "KompasSettlement"]),
        // CV and cover-letter checks: one rule per file, findings with positions.
        .target(name: "KompasDocuments", dependencies: ["KompasCore", "CZlib"]),
        // The one terminal text layout (issue 22): word wrapping by display width, tables. Pure.
        .target(name: "KompasLayout"),
        // Message catalogs (Locales/), Dutch and English number and date formatting.
        .target(name: "KompasLocalization", dependencies: ["KompasCore"]),

        // MARK: Level 3: infrastructure (I/O)
        // AEAD, key derivation, hashing and random bytes over OpenSSL libcrypto.
        .target(name: "KompasCrypto", dependencies: ["KompasCore", "COpenSSL"]),
        // The encrypted SQLite store: migrations, sealed records, backups.
        .target(name: "KompasStore", dependencies: ["KompasCore", "KompasCrypto", "CSQLite"]),
        // HTTP sync with the municipal endpoint (Objects API v2 wire format), outbox and receipts.
        .target(name: "KompasSync", dependencies: ["KompasCore", "KompasStore", "KompasCrypto"]),
        // The municipal endpoint's server: HTTP/1.1 over POSIX sockets, Objects API v2 routes, SQLite.
        .target(name: "KompasServer", dependencies: ["KompasCore", "KompasStore", "KompasCrypto", "KompasSync"]),
        // Terminal facts (TTY, width, colour), line reading and the no-echo passphrase prompt.
        .target(name: "KompasTerminal", dependencies: ["KompasCore", "KompasLayout"]),

        // MARK: Level 4: application
        // Command table, argument parsing, rendering, error → message + exit code.
        .target(name: "KompasApp", dependencies: [
            "KompasCore", "KompasRules", "KompasIncome", "KompasMunicipality", "KompasTotalIncome", "KompasToeslagen", "KompasProvisions", "KompasSettlement", "KompasDocuments",
            "KompasSummary", "KompasLocalization", "KompasCrypto", "KompasStore", "KompasSync", "KompasTerminal", "KompasCase", "KompasEngine",
            "KompasLayout",
        ]),
        // The `kompas` executable: one call into KompasApp.
        .executableTarget(name: "kompas", dependencies: ["KompasApp"]),
        // The income engine's benchmark: projections per second, sweep time, cold start (README).
        .executableTarget(name: "kompas-bench", dependencies: ["KompasCore", "KompasIncome", "KompasTotalIncome", "KompasMunicipality"]),
        // The project's own municipal endpoint server.
        .executableTarget(name: "kompas-gemeente", dependencies: ["KompasServer"]),
        // Sync load benchmark (issue 7): 200 concurrent clients × 12 statements with payslips.
        // `swift run -c release kompas-sync-bench`
        .executableTarget(name: "kompas-sync-bench", dependencies: ["KompasSync", "KompasServer", "KompasStore", "KompasCrypto"]),
        // Store benchmark (issue 6): open (scrypt), add and read 10,000 payslips, size per payslip.
        // `swift run -c release kompas-store-bench`
        .executableTarget(name: "kompas-store-bench", dependencies: ["KompasStore", "KompasCrypto"]),

        // Settlement benchmark (issue 5): generates a synthetic caseload and settles it (clients/s, peak memory, scaling).
        // `swift run -c release kompas-settlement-bench`
        .executableTarget(name: "kompas-settlement-bench", dependencies: ["KompasEngine", "KompasSettlement", "KompasIncome", "KompasCore"]),

        // Benchmark: checks generated CVs, reports documents per second and peak memory.
        .executableTarget(name: "kompas-docs-bench", dependencies: ["KompasDocuments", "KompasCore"]),

        // MARK: Tests
        // Shared test helpers: repository paths, running the built binary, BSN eleven-test.
        .target(name: "KompasTestSupport", dependencies: ["KompasCore"]),
        // Test-only child process for the store's crash and two-process tests (not a user command).
        .executableTarget(name: "kompas-store-crashtest", dependencies: ["KompasStore", "KompasCrypto"]),
        .testTarget(name: "KompasCryptoTests", dependencies: ["KompasCrypto", "KompasTestSupport"]),
        .testTarget(name: "KompasStoreTests", dependencies: ["KompasStore", "KompasCrypto", "KompasTestSupport", "kompas-store-crashtest"]),
        .testTarget(name: "KompasLayoutTests", dependencies: ["KompasLayout"]),
        .testTarget(name: "KompasCoreTests", dependencies: ["KompasCore", "KompasTestSupport"]),
        .testTarget(name: "KompasLocalizationTests", dependencies: ["KompasLocalization", "KompasApp", "KompasTestSupport"]),
        .testTarget(name: "KompasRulesTests", dependencies: ["KompasRules", "KompasTestSupport"]),
        .testTarget(name: "KompasToeslagenTests", dependencies: ["KompasToeslagen", "KompasRules", "KompasTestSupport"]),
        .testTarget(name: "KompasProvisionsTests", dependencies: ["KompasProvisions", "KompasRules", "KompasTestSupport"]),
        .testTarget(name: "KompasTotalIncomeTests", dependencies: ["KompasTotalIncome", "KompasIncome", "KompasToeslagen", "KompasProvisions", "KompasRules", "KompasTestSupport"]),
        .testTarget(name: "KompasIncomeTests", dependencies: ["KompasIncome", "KompasRules", "KompasMunicipality", "KompasSettlement", "KompasTestSupport"]),
        .testTarget(name: "KompasAppTests", dependencies: ["KompasApp", "KompasCase", "KompasEngine", "KompasMunicipality", "KompasSettlement", "KompasLocalization", "KompasIncome", "KompasTestSupport"]),
        .testTarget(name: "KompasSettlementTests", dependencies: ["KompasSettlement", "KompasIncome", "KompasRules", "KompasTestSupport"]),
        .testTarget(name: "KompasDocumentsTests", dependencies: ["KompasDocuments", "KompasTestSupport"]),
        .testTarget(name: "KompasSyncTests", dependencies: [
            "KompasSync", "KompasServer", "KompasStore", "KompasCrypto", "KompasTestSupport", "KompasMunicipality", "kompas", "kompas-gemeente"]),
        .testTarget(name: "KompasSummaryTests", dependencies: ["KompasSummary", "KompasTotalIncome", "KompasIncome", "KompasDocuments", "KompasTestSupport"]),
        .testTarget(name: "KompasEndToEndTests", dependencies: ["KompasTestSupport", "kompas", "kompas-gemeente", "KompasApp", "KompasLayout"]),
    ]
)

// Code generation for every Swift target (issue 23): concrete generic types such as
// `[Month: Money]` or `KeyedDecodingContainer<CodingKeys>` get their metadata through the
// generic type's accessor with the witness tables the compiler already knows, instead of from
// a mangled name that the runtime decodes and checks by scanning all ≈ 6,600 protocol
// conformance records of the static binary, once per type. That scanning was 18 % of the
// instructions of a cold `kompas watals` (callgrind: 11.6 M of 64.1 M; 2.7 M after). Set here
// rather than in install.sh so the test suite runs the code as it ships.
for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])
        ]
}
