import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The text of `word/document.xml` (ECMA-376 Part 1, §17.3): one line per paragraph (`w:p`),
/// `w:t` runs joined, `w:tab` as a tab, `w:br`/`w:cr` as a line break inside the paragraph.
///
/// Read with Foundation's XMLParser; external entities are not resolved.
final class DocxText: NSObject, XMLParserDelegate {
    private var lines: [String] = []
    private var current = ""
    private var inText = false
    private var sawParagraph = false

    static func text(fromDocumentXML data: Data) -> String? {
        let delegate = DocxText()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        guard parser.parse() else { return nil }
        if !delegate.current.isEmpty { delegate.lines.append(delegate.current) }
        return delegate.lines.joined(separator: "\n")
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        switch name {
        case "w:t": inText = true
        case "w:tab": current += "\t"
        case "w:br", "w:cr":
            lines.append(current)
            current = ""
        case "w:p": sawParagraph = true
        default: break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
        qualifiedName: String?
    ) {
        switch name {
        case "w:t": inText = false
        case "w:p":
            lines.append(current)
            current = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}
