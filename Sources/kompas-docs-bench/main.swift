// Benchmark for `kompas controleer`: generates 1,000 synthetic CVs (varied lengths, dates, privacy
// data, clichés), checks each with every rule against a vacancy, and reports documents per second
// and peak memory (getrusage ru_maxrss). Deterministic. Run: swift run -c release kompas-docs-bench [COUNT]
import Foundation
import KompasCore
import KompasDocuments

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 1000 : 1000
let today = LocalDate("2026-03-15")
let roles = [
    "Orderpicker", "Kassamedewerker", "Schoonmaker", "Bezorger", "Productiemedewerker", "Kok",
    "Vakkenvuller",
]
let months = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

func makeCV(_ i: Int) -> String {
    var s =
        "Kandidaat \(i)\nTilburg\n06-\(10_000_000 + i)\nkandidaat\(i)@example.nl\n\nProfiel\nBetrouwbare medewerker, stressbestendig en flexibel.\n\nWerkervaring\n"
    var year = 2026
    for j in 0..<(3 + i % 8) {
        let start = year - 1 - ((i * 7 + j * 3) % 3)
        let m = months[(i + j) % 12]
        s +=
            j == 0
            ? "\(m) \(start) – heden  \(roles[(i + j) % roles.count])\n"
            : "\(m) \(start) – \(months[(i + j + 3) % 12]) \(year)  \(roles[(i + j) % roles.count])\n"
        s +=
            "- Verantwoordelijk voor het verzamelen van orders in het magazijn met de scanner en de heftruck voor klanten in de regio\n"
        year = start
    }
    s +=
        "\nOpleiding\n2010 – 2013  MBO 2 Logistiek\n\nVaardigheden\nVCA, heftruck, Nederlands en Engels\n"
    if i % 10 == 0 { s += "Nationaliteit: Nederlandse\nIBAN: NL91ABNA0417164300\n" }
    return s
}

let vacancy = Document(
    text:
        "Functie: Orderpicker\nBedrijf: Van Dijk Logistiek\nWij zoeken een orderpicker met VCA, heftruck en scanner voor ons magazijn. Ploegendienst."
)
let texts = (0..<count).map(makeCV)
let checker = DocumentChecker()
let loader = DocumentLoader()
var findings = 0
let start = DispatchTime.now().uptimeNanoseconds
for t in texts {
    let document = try loader.load(Array(t.utf8), name: "cv.txt", format: .text)
    let report = checker.check(
        CheckInput(document: document, kind: .cv, vacancy: vacancy, today: today))
    findings += report.findings.count
}
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
var usage = rusage()
#if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    let peakMB = usage.ru_maxrss / 1024  // kilobytes on Linux
#else
    getrusage(RUSAGE_SELF, &usage)
    let peakMB = usage.ru_maxrss / (1024 * 1024)  // bytes on macOS
#endif
let averageLines = texts.map { $0.split(separator: "\n").count }.reduce(0, +) / max(count, 1)
print("documents: \(count) (average \(averageLines) lines), findings: \(findings)")
print(String(format: "time: %.3f s, documents/second: %.0f", seconds, Double(count) / seconds))
print("peak memory (ru_maxrss): \(peakMB) MB")
