import Foundation
import KompasCore
import KompasLocalization
import KompasTerminal

@testable import KompasApp

/// Runs `kompas` in-process with a fixed clock and captured output.
struct AppRun {
    let out: String
    let err: String
    let code: Int32
}

func runKompas(
    _ args: [String], language: String? = nil, today: String = "2026-03-15",
    environment: [String: String] = [:], terminal: TerminalInfo = .plain
) -> AppRun {
    var env = environment
    if let l = language { env["KOMPAS_TAAL"] = l }
    env["KOMPAS_VANDAAG"] = today
    let out = TextSink.buffer()
    let err = TextSink.buffer()
    let code = Kompas.run(
        args,
        context: { lang in
            let catalog = try LocaleCatalog.load(
                from: LocaleCatalog.repositoryRoot.appendingPathComponent("Locales"))
            return Context(
                environment: env, clock: (try? Kompas.clockFromEnvironment(env)) ?? .system,
                localizer: Localizer(language: lang, catalog: catalog), out: out, err: err,
                terminal: terminal)
        }, environment: env)
    return AppRun(out: out.text, err: err.text, code: code)
}
