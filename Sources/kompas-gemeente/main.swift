import Foundation

// The municipal endpoint server (issue 7) is not built yet. It says so and exits 3,
// the documented "not yet available" code, instead of pretending to serve.
let args = CommandLine.arguments.dropFirst()
if args.first == "--help" || args.first == "-h" || args.isEmpty {
    print("kompas-gemeente serve --poort N --data MAP\n\nHet gemeentelijke eindpunt van Kompas. Nog niet beschikbaar (issue 7).\nThe municipal endpoint of Kompas. Not available yet (issue 7).")
    exit(args.isEmpty ? 64 : 0)
}
FileHandle.standardError.write(Data("kompas-gemeente: nog niet beschikbaar (issue 7) / not available yet (issue 7)\n".utf8))
exit(3)
