import Foundation
import KompasTestSupport
import Testing

@testable import KompasDocuments

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The byte-level reader of `word/document.xml` that replaced Foundation's XMLParser (issue 23).
///
/// It took libxml2 out of the shipped binary. The differential cases hold it to what XMLParser read
/// before; the others pin what it refuses.
@Suite struct DocxTextTests {
    private static func body(_ paragraphs: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>\(paragraphs)\
        <w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>
        """
    }

    static let sameAsXMLParser: [String] = [
        body(#"<w:p><w:r><w:t>Jan de Vries</w:t></w:r></w:p>"#),
        body(
            #"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">Werk </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ervaring</w:t></w:r></w:p>"#
        ),
        body(
            #"<w:p><w:r><w:t>Naam</w:t><w:tab/><w:t>Adres</w:t><w:br/><w:t>tweede regel</w:t><w:cr/><w:t>derde</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>na een lege alinea</w:t></w:r></w:p>"#
        ),
        body(
            #"<w:p><w:r><w:t>A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233;&#xE9; &#x1F600;</w:t></w:r></w:p>"#
        ),
        body(
            #"<!-- een opmerking met <w:t>tekst</w:t> --><w:p><w:r><w:t>na <!-- x --> opmerking</w:t></w:r></w:p><?mso-application progid="Word.Document"?>"#
        ),
        body(
            #"<w:p><w:r><w:t>Één €, ł, ş, عربي</w:t></w:r></w:p><w:p><w:r><w:t>regel&#13;&#10;twee</w:t></w:r></w:p>"#
        ),
        body(
            #"<w:p w:rsidR="00AB12" w:attr='a &gt; b'><w:r><w:instrText> PAGE </w:instrText><w:t>zichtbaar</w:t></w:r></w:p>"#
        ),
        body("<w:p>\n  <w:r>\n    <w:t>ingesprongen\r\nXML</w:t>\n  </w:r>\n</w:p>\r\n"),
        body(
            #"<w:p><w:r><w:t></w:t><w:t/></w:r></w:p><w:p><w:r><w:t>  spaties  </w:t></w:r></w:p>"#),
        "<w:document><w:body>tekst buiten w:t<w:p>ook</w:p></w:body></w:document >",
    ]

    @Test(arguments: sameAsXMLParser)
    func readsWhatXMLParserRead(_ xml: String) throws {
        let mine = DocxText.text(fromDocumentXML: Array(xml.utf8))
        #expect(mine != nil)
        #expect(mine == Self.foundationText(Data(xml.utf8)))
    }

    @Test func textOfACaseAsExpected() {
        let xml = Self.body(
            #"<w:p><w:r><w:t>Naam</w:t><w:tab/><w:t>A &amp; B</w:t><w:br/><w:t>twee</w:t></w:r></w:p><w:p><w:r><w:t>drie</w:t></w:r></w:p>"#
        )
        #expect(DocxText.text(fromDocumentXML: Array(xml.utf8)) == "Naam\tA & B\ntwee\ndrie")
    }

    @Test func cdataInsideATextRunIsText() {
        let xml = Self.body(#"<w:p><w:r><w:t><![CDATA[a < b & c]]></w:t></w:r></w:p>"#)
        #expect(DocxText.text(fromDocumentXML: Array(xml.utf8)) == "a < b & c")
    }

    @Test func byteOrderMarksAreRead() throws {
        let xml = Self.body(#"<w:p><w:r><w:t>Één</w:t></w:r></w:p>"#)
        let utf8 = [0xEF, 0xBB, 0xBF] + Array(xml.utf8)
        #expect(DocxText.text(fromDocumentXML: utf8) == "Één")
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in xml.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(DocxText.text(fromDocumentXML: utf16) == "Één")
    }

    static let refused: [String] = [
        "",
        "   ",
        "<w:document><w:p><w:t>open",
        "<w:document><w:p><w:t>gekruist</w:p></w:t></w:document>",
        "<w:document><w:p>&nbsp;</w:p></w:document>",
        "<w:document><w:p>&amp</w:p></w:document>",
        "<w:document><w:p>&#0;</w:p></w:document>",
        "<w:document><w:p>&#xD800;</w:p></w:document>",
        "<w:document a=\"<\"></w:document>",
        "<w:document a=b></w:document>",
        "<w:document></w:document><tweede/>",
        "<w:document></w:document>tekst erna",
        "<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><d>&b;</d>",
        "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>",
        "<w:document><!-- nooit gesloten </w:document>",
        "<w:document><![CDATA[ nooit gesloten </w:document>",
        "<w:document a=\"1\"b=\"2\"></w:document>",
    ]

    @Test(arguments: refused)
    func refusesWhatIsNotWellFormedOrUnsafe(_ xml: String) {
        #expect(DocxText.text(fromDocumentXML: Array(xml.utf8)) == nil)
    }

    @Test func refusesBytesThatAreNotUTF8() {
        let xml =
            Array("<w:document><w:p><w:t>".utf8) + [0xC3, 0x28]
            + Array("</w:t></w:p></w:document>".utf8)
        #expect(DocxText.text(fromDocumentXML: xml) == nil)
    }

    @Test func theWordFixtureReadsAsBefore() throws {
        let url = TestSupport.path("Fixtures/documenten/nl-goed-word.cv.docx")
        let bytes = try [UInt8](Data(contentsOf: url))
        let archive = try ZipArchive(bytes)
        let entry = try #require(archive.entry(named: "word/document.xml"))
        let xml = try archive.contents(of: entry, maxEntrySize: 1 << 24)
        let mine = try #require(DocxText.text(fromDocumentXML: xml))
        #expect(mine == Self.foundationText(Data(xml)))
        #expect(mine.contains("\n"))
    }

    /// What Foundation's XMLParser delegate produced before this reader replaced it.
    private static func foundationText(_ data: Data) -> String? {
        final class Delegate: NSObject, XMLParserDelegate {
            var lines: [String] = []
            var current = ""
            var inText = false
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
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        guard parser.parse() else { return nil }
        if !delegate.current.isEmpty { delegate.lines.append(delegate.current) }
        return delegate.lines.joined(separator: "\n")
    }
}
