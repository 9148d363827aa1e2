import KompasApp
import Foundation

exit(Kompas.main())
