import Foundation

/// JSON null for JSONSerialization dictionaries.
enum NSNullish { static var null: Any { NSNull() } }
