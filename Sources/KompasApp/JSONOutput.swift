import Foundation

/// Stable JSON for `--json`: sorted keys, amounts as integer cents, one document per run.
enum JSONOutput {
    static func string(_ object: Any) -> String {
        guard JSONSerialization.isValidJSONObject(object),
            let data = try? JSONSerialization.data(
                withJSONObject: object,
                options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
