import Foundation
import KompasServer

// The municipal endpoint: `kompas-gemeente serve` and `kompas-gemeente admin …` (man kompas-gemeente).
exit(GemeenteCommandLine.main(CommandLine.arguments))
