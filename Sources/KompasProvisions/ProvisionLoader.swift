import Foundation
import KompasCore

/// Markers the model's decoders put in `DecodingError` descriptions, so the loader can name the reason.
enum ProvisionDecoding {
    static let unknownKindPrefix = "kompas.unknownKind:"
    static let invalidPrefix = "kompas.invalid:"
}

/// A municipality data file with provisions that Kompas cannot use: which file, which field, and why.
///
/// Exit code 78 (configuration), like every invalid municipality file.
public struct ProvisionFileError: KompasError, Hashable {
    public enum Reason: Sendable, Hashable {
        /// Not JSON at all.
        case malformedJSON
        case missingField
        /// The field has another JSON type; `expected` is a locale key suffix (tekst, getal, waarOnwaar, object, lijst).
        case wrongType(expected: String)
        case unknownKind(String)
        /// The value has the right type but is not allowed; `expected` is a locale key suffix (bedrag, datum, …).
        case invalidValue(expected: String)
        /// Two entries with the same id are in force on the same day.
        case overlappingDates(id: String, from: LocalDate, previousFrom: LocalDate)
    }
    public var file: String
    /// A path into the file, for example `voorzieningen[2].voorwaarden.inkomensgrensProcent`.
    public var field: String
    public var reason: Reason

    public var exitCode: ExitCode { .configuration }
    public var message: Message {
        let base: Message.Arguments = ["bestand": .text(file), "veld": .text(field)]
        switch reason {
        case .malformedJSON:
            return Message("voorziening.fout.json", ["bestand": .text(file)])
        case .missingField:
            return Message("voorziening.fout.ontbreekt", base)
        case .wrongType(let expected):
            return Message(
                "voorziening.fout.type",
                base.merging(["verwacht": .message(Message("voorziening.type.\(expected)"))]) {
                    a, _ in a
                })
        case .unknownKind(let kind):
            return Message(
                "voorziening.fout.soort",
                base.merging([
                    "waarde": .text(kind),
                    "toegestaan": .text(
                        ProvisionKind.allCases.map(\.rawValue).joined(separator: ", ")),
                ]) { a, _ in a })
        case .invalidValue(let expected):
            return Message(
                "voorziening.fout.waarde",
                base.merging(["verwacht": .message(Message("voorziening.verwacht.\(expected)"))]) {
                    a, _ in a
                })
        case .overlappingDates(let id, let from, let previousFrom):
            return Message(
                "voorziening.fout.overlap",
                base.merging(["id": .text(id), "van": .date(from), "vorige": .date(previousFrom)]) {
                    a, _ in a
                })
        }
    }
}

/// Reads provisions from JSON with precise errors, and validates a list (also the built-in data).
public enum ProvisionLoader {
    /// Decodes a JSON array of provisions.
    ///
    /// `pathPrefix` names the array inside a larger file (for example "voorzieningen").
    public static func load(_ data: Data, fileName: String, pathPrefix: String = "")
        throws(ProvisionFileError) -> [MunicipalProvision]
    {
        let provisions: [MunicipalProvision]
        do {
            provisions = try JSONDecoder().decode([MunicipalProvision].self, from: data)
        } catch let error as DecodingError {
            throw map(error, fileName: fileName, pathPrefix: pathPrefix)
        } catch {
            throw ProvisionFileError(file: fileName, field: pathPrefix, reason: .malformedJSON)
        }
        try validate(provisions, fileName: fileName, pathPrefix: pathPrefix)
        return provisions
    }

    /// Checks what a single entry cannot: entries with the same id must not be in force on the same day.
    public static func validate(
        _ provisions: [MunicipalProvision], fileName: String, pathPrefix: String = ""
    ) throws(ProvisionFileError) {
        let byID = Dictionary(grouping: provisions.indices, by: { provisions[$0].id })
        for (id, group) in byID.sorted(by: { $0.key < $1.key }) {
            let indices = group.sorted {
                provisions[$0].validFrom.date < provisions[$1].validFrom.date
            }
            for (a, b) in zip(indices, indices.dropFirst()) {
                let first = provisions[a]
                let second = provisions[b]
                let firstEnd = first.validUntil?.date
                if firstEnd.map({ second.validFrom.date <= $0 }) ?? true {
                    throw ProvisionFileError(
                        file: fileName, field: path(pathPrefix, [b], "geldigVan"),
                        reason: .overlappingDates(
                            id: id, from: second.validFrom.date, previousFrom: first.validFrom.date)
                    )
                }
            }
        }
    }

    static func path(_ prefix: String, _ index: [Int], _ key: String? = nil) -> String {
        var s = prefix
        for i in index { s += "[\(i)]" }
        if let key { s += "." + key }
        return s
    }

    static func render(_ codingPath: [CodingKey], prefix: String) -> String {
        var s = prefix
        for key in codingPath {
            if let i = key.intValue {
                s += "[\(i)]"
            } else {
                s += (s.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return s.isEmpty ? "$" : s
    }

    static func typeName(_ type: Any.Type) -> String {
        if type == String.self { return "tekst" }
        if type == Int.self || type == Double.self { return "getal" }
        if type == Bool.self { return "waarOnwaar" }
        if type is [Any].Type { return "lijst" }
        return "object"
    }

    /// Turns a decoding error of provisions into file + field + reason.
    ///
    /// Public so that a larger file that embeds
    /// provisions (the municipality file's `"voorzieningen"` section) reports them the same way; pass
    /// `pathPrefix: ""` there, because that file's coding path already starts at its top.
    public static func map(_ error: DecodingError, fileName: String, pathPrefix: String)
        -> ProvisionFileError
    {
        switch error {
        case .keyNotFound(let key, let ctx):
            return ProvisionFileError(
                file: fileName, field: render(ctx.codingPath + [key], prefix: pathPrefix),
                reason: .missingField)
        case .valueNotFound(_, let ctx):
            return ProvisionFileError(
                file: fileName, field: render(ctx.codingPath, prefix: pathPrefix),
                reason: .missingField)
        case .typeMismatch(let type, let ctx):
            return ProvisionFileError(
                file: fileName, field: render(ctx.codingPath, prefix: pathPrefix),
                reason: .wrongType(expected: typeName(type)))
        case .dataCorrupted(let ctx):
            let field = render(ctx.codingPath, prefix: pathPrefix)
            if ctx.codingPath.isEmpty {
                return ProvisionFileError(file: fileName, field: field, reason: .malformedJSON)
            }
            if ctx.debugDescription.hasPrefix(ProvisionDecoding.unknownKindPrefix) {
                return ProvisionFileError(
                    file: fileName, field: field,
                    reason: .unknownKind(
                        String(
                            ctx.debugDescription.dropFirst(
                                ProvisionDecoding.unknownKindPrefix.count))))
            }
            if ctx.debugDescription.hasPrefix(ProvisionDecoding.invalidPrefix) {
                return ProvisionFileError(
                    file: fileName, field: field,
                    reason: .invalidValue(
                        expected: String(
                            ctx.debugDescription.dropFirst(ProvisionDecoding.invalidPrefix.count))))
            }
            return ProvisionFileError(
                file: fileName, field: field, reason: .invalidValue(expected: "keuze"))
        @unknown default:
            return ProvisionFileError(file: fileName, field: pathPrefix, reason: .malformedJSON)
        }
    }
}
