import Foundation

/// HTTP/1.1 messages (RFC 9112) as both the endpoint and the client see them: one place for
/// parsing and serialising, so the two cannot drift apart.
///
/// Only `Content-Length` bodies are
/// supported; a request with `Transfer-Encoding` is refused (501, RFC 9112 §6.1 lets a server
/// do so), which the man page documents.
public struct HTTPHeaders: Sendable, Equatable {
    public private(set) var fields: [(name: String, value: String)] = []
    public init(_ fields: [(String, String)] = []) { for (n, v) in fields { add(n, v) } }
    public mutating func add(_ name: String, _ value: String) { fields.append((name, value)) }
    public mutating func set(_ name: String, _ value: String) {
        fields.removeAll { Self.sameName($0.name, name) }
        fields.append((name, value))
    }
    /// The first value of a field, names compared case-insensitively (RFC 9110 §5.1).
    public subscript(_ name: String) -> String? {
        fields.first { Self.sameName($0.name, name) }?.value
    }
    public func count(_ name: String) -> Int {
        fields.filter { Self.sameName($0.name, name) }.count
    }

    /// True when two field names are the same, as `caseInsensitiveCompare(_:)` says.
    ///
    /// On the bytes when both names are ASCII (every real field name): Foundation's comparison
    /// was a visible part of each request's cost (issue 23). Other names still go through
    /// Foundation, so nothing changes for them.
    static func sameName(_ a: String, _ b: String) -> Bool {
        guard a.utf8.allSatisfy({ $0 < 0x80 }), b.utf8.allSatisfy({ $0 < 0x80 }) else {
            return a.caseInsensitiveCompare(b) == .orderedSame
        }
        let lower = { (c: UInt8) in c &- 0x41 < 26 ? c | 0x20 : c }
        return a.utf8.elementsEqual(b.utf8) { lower($0) == lower($1) }
    }
    public static func == (a: HTTPHeaders, b: HTTPHeaders) -> Bool {
        a.fields.map { "\($0.name.lowercased()):\($0.value)" }
            == b.fields.map { "\($0.name.lowercased()):\($0.value)" }
    }
}

public struct HTTPRequest: Sendable {
    public var method: String
    /// The request target as sent: path plus optional query.
    public var target: String
    public var headers: HTTPHeaders
    public var body: Data
    public init(
        method: String, target: String, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()
    ) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
    }
    public var path: String {
        String(
            target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        )
    }
    /// Query parameters, percent-decoded (`+` is a space, as in HTML forms).
    public var query: [(String, String)] {
        guard let q = target.split(separator: "?", maxSplits: 1).dropFirst().first else {
            return []
        }
        return q.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func dec(_ s: Substring?) -> String {
                (s.map(String.init) ?? "").replacingOccurrences(of: "+", with: " ")
                    .removingPercentEncoding ?? ""
            }
            return (dec(parts.first), dec(parts.count > 1 ? parts[1] : nil))
        }
    }

    /// The bytes on the wire: request line, headers with `Content-Length`, blank line, body.
    public func serialized(host: String) -> Data {
        var h = headers
        if h["Host"] == nil { h.set("Host", host) }
        h.set("Content-Length", String(body.count))
        var text = "\(method) \(target) HTTP/1.1\r\n"
        for f in h.fields { text += "\(f.name): \(f.value)\r\n" }
        text += "\r\n"
        var d = Data(text.utf8)
        d.append(body)
        return d
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
    public static func json(_ status: Int, _ body: Data, contentType: String = "application/json")
        -> HTTPResponse
    {
        HTTPResponse(
            status: status, headers: HTTPHeaders([("Content-Type", contentType)]), body: body)
    }

    public func serialized(keepAlive: Bool) -> Data {
        var h = headers
        h.set("Content-Length", String(body.count))
        h.set("Connection", keepAlive ? "keep-alive" : "close")
        var text = "HTTP/1.1 \(status) \(HTTPResponse.reason(status))\r\n"
        for f in h.fields { text += "\(f.name): \(f.value)\r\n" }
        text += "\r\n"
        var d = Data(text.utf8)
        d.append(body)
        return d
    }

    public static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

/// Why a message could not be read.
///
/// The server maps each to its 4xx status.
public enum HTTPParseError: Error, Equatable, Sendable {
    case malformed(String)
    case headerTooLarge
    case bodyTooLarge
    case lengthRequired
    case unsupportedTransferEncoding
    case timeout
    case closed
    case uriTooLong
}

/// Limits on what one message may be.
///
/// The defaults are generous for JSON records and small for
/// anything else: a payslip is well under 4 KiB.
public struct HTTPLimits: Sendable {
    public var maxHeaderBytes: Int
    public var maxBodyBytes: Int
    public var maxTargetBytes: Int
    public init(
        maxHeaderBytes: Int = 16 * 1024, maxBodyBytes: Int = 256 * 1024, maxTargetBytes: Int = 4096
    ) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.maxTargetBytes = maxTargetBytes
    }
}

/// Parses a message head (start line + header fields, without the final blank line).
enum HTTPHead {
    static func fields(_ lines: ArraySlice<Substring>) throws -> HTTPHeaders {
        var h = HTTPHeaders()
        for line in lines {
            // RFC 9112 §5.2: obsolete line folding is rejected; §5.1: no whitespace before the colon.
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                !(line.first?.isWhitespace ?? true),
                !line[..<colon].contains(where: { $0 == " " || $0 == "\t" })
            else {
                throw HTTPParseError.malformed("header field")
            }
            let name = String(line[..<colon])
            let value = trimmedValue(line[line.index(after: colon)...])
            h.add(name, value)
        }
        return h
    }

    /// A field value without the whitespace around it: `trimmingCharacters(in: .whitespaces)`,
    /// done on the bytes for an ASCII value (space and tab are the only ASCII characters in
    /// that set), through Foundation otherwise.
    static func trimmedValue(_ v: Substring) -> String {
        guard v.utf8.allSatisfy({ $0 < 0x80 }) else {
            return v.trimmingCharacters(in: .whitespaces)
        }
        let bytes = v.utf8
        let isBlank = { (b: UInt8) in b == 0x20 || b == 0x09 }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }),
            let last = bytes.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(v[first...last])
    }

    /// The head's lines, split at CRLF on the bytes (issue 23: the head used to go through
    /// `components(separatedBy:)`); invalid UTF-8 is refused as before.
    static func lines(_ head: Data) throws -> [Substring] {
        guard let text = String(validating: head, as: UTF8.self) else {
            throw HTTPParseError.malformed("encoding")
        }
        var out: [Substring] = []
        let u = text.utf8
        var lineStart = u.startIndex
        var i = u.startIndex
        while i < u.endIndex {
            let next = u.index(after: i)
            if u[i] == 0x0D, next < u.endIndex, u[next] == 0x0A {
                out.append(text[lineStart..<i])
                i = u.index(after: next)
                lineStart = i
            } else {
                i = next
            }
        }
        out.append(text[lineStart..<u.endIndex])
        return out
    }

    /// The body length a head announces; `Transfer-Encoding` is refused.
    static func contentLength(_ h: HTTPHeaders, limits: HTTPLimits, required: Bool) throws -> Int {
        if h["Transfer-Encoding"] != nil { throw HTTPParseError.unsupportedTransferEncoding }
        guard h.count("Content-Length") <= 1 else {
            throw HTTPParseError.malformed("Content-Length")
        }
        guard let text = h["Content-Length"] else {
            if required { throw HTTPParseError.lengthRequired }
            return 0
        }
        guard !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber),
            text.count < 12, let n = Int(text)
        else {
            throw HTTPParseError.malformed("Content-Length")
        }
        guard n <= limits.maxBodyBytes else { throw HTTPParseError.bodyTooLarge }
        return n
    }

    static func request(_ head: Data, limits: HTTPLimits) throws -> (
        method: String, target: String, headers: HTTPHeaders
    ) {
        let ls = try lines(head)
        let parts = ls[0].split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0",
            !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isUppercase })
        else {
            throw HTTPParseError.malformed("request line")
        }
        guard parts[1].utf8.count <= limits.maxTargetBytes else { throw HTTPParseError.uriTooLong }
        guard parts[1].hasPrefix("/") else { throw HTTPParseError.malformed("target") }
        return (String(parts[0]), String(parts[1]), try fields(ls.dropFirst()))
    }

    static func status(_ head: Data) throws -> (Int, HTTPHeaders) {
        let ls = try lines(head)
        let parts = ls[0].split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let code = Int(parts[1]),
            (100...599).contains(code)
        else {
            throw HTTPParseError.malformed("status line")
        }
        return (code, try fields(ls.dropFirst()))
    }
}
