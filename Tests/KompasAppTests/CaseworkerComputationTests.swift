import KompasTestSupport
import Testing

@testable import KompasApp

/// The caseworker's computation (issue 22): kinderbijslag as it is paid, per quarter, as in the
/// client's table, and the month's computation titled once (a heading, not heading and caption).
@Suite struct CaseworkerComputationTests {
    static let args = [
        "samenvatting", "--zonder-profiel", "--voor", "klantmanager", "--maand", "2027-02",
        "--huishouden", "samenwonend", "--leeftijd", "40", "--leeftijd-partner", "41", "--kind",
        "9", "--uren", "12", "--uurloon", "15,10", "--huur", "800",
    ]

    @Test func kinderbijslagReadsPerQuarterAndTheTitleComesOnce() {
        let r = runKompas(Self.args, language: "nl", today: "2026-12-01")
        #expect(r.code == 0, "\(r.err)")
        // The table is stacked or in columns by width: the row's amount follows its name.
        let row = r.out.range(of: "Kinderbijslag").map { r.out[$0.upperBound...].prefix(60) }
        #expect(row?.contains("per kwartaal") == true, "\(r.out)")
        #expect(r.out.components(separatedBy: "Berekening februari 2027").count == 2, "\(r.out)")
    }
}
