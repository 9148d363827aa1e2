import Foundation
import KompasApp

exit(Kompas.main())
