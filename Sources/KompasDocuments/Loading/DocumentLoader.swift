import Foundation

/// Turns the bytes of a file into a ``Document``.
///
/// No file I/O: the caller reads the bytes (and runs
/// `pdftotext` for a PDF). Limits protect against mistakes and hostile files.
public struct DocumentLoader: Sendable {
    /// Files larger than this are refused (a CV or letter is a few kilobytes).
    public var maxFileSize = 5 * 1024 * 1024
    /// The most `word/document.xml` may inflate to; a real letter is well under 1 MB.
    public var maxDecompressedSize = 50 * 1024 * 1024

    public init() {}

    public enum Format: String, Sendable { case text, docx, pdf }

    /// The format from the file name's extension; `nil` for an unsupported type.
    public static func format(forFileName name: String) -> Format? {
        switch (name as NSString).pathExtension.lowercased() {
        case "txt", "md", "markdown", "text", "": .text
        case "docx": .docx
        case "pdf": .pdf
        default: nil
        }
    }

    /// Loads a .txt/.md or .docx file's bytes.
    ///
    /// `name` is only used in messages.
    public func load(_ bytes: [UInt8], name: String, format: Format) throws(DocumentError)
        -> Document
    {
        if bytes.count > maxFileSize {
            throw .tooLarge(file: name, limitMB: maxFileSize / (1024 * 1024))
        }
        if bytes.isEmpty { throw .empty(file: name) }
        let text: String
        switch format {
        case .text, .pdf:
            guard let decoded = TextDecoding.decode(bytes) else { throw .binary(file: name) }
            text = decoded.text
        case .docx:
            text = try docxText(bytes, name: name)
        }
        let document = Document(text: text)
        if document.isBlank { throw .empty(file: name) }
        return document
    }

    func docxText(_ bytes: [UInt8], name: String) throws(DocumentError) -> String {
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes) } catch { throw .notAZip(file: name) }
        guard let entry = archive.entry(named: "word/document.xml") else {
            throw .damagedDocx(file: name)
        }
        let xml: [UInt8]
        do {
            xml = try archive.contents(of: entry, maxEntrySize: maxDecompressedSize)
        } catch .tooLarge {
            throw .zipBomb(file: name, limitMB: maxDecompressedSize / (1024 * 1024))
        } catch {
            throw .damagedDocx(file: name)
        }
        guard let text = DocxText.text(fromDocumentXML: xml) else {
            throw .damagedDocx(file: name)
        }
        return text
    }
}
