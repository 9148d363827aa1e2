import Foundation
import KompasSync
import Testing

@testable import KompasServer

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 18: idle and slow peers cannot lock the endpoint.
///
/// Each attack is bounded (a few hundred connections, a few seconds) and stays on loopback; the
/// peers come from distinct 127.0.0.x addresses and, as behind a reverse proxy, all from the
/// same address as the legitimate client.
@Suite(.serialized) struct EndpointAttackTests {
    /// A TCP connection to the endpoint from a chosen loopback source address, holding an fd.
    final class Peer {
        let fd: Int32
        init?(from source: String, port: Int) {
            let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard s >= 0 else { return nil }
            var local = sockaddr_in()
            local.sin_family = sa_family_t(AF_INET)
            local.sin_port = 0
            inet_pton(AF_INET, source, &local.sin_addr)
            var remote = sockaddr_in()
            remote.sin_family = sa_family_t(AF_INET)
            remote.sin_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr)
            let size = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(s, $0, size) }
            }
            let connected = withUnsafePointer(to: &remote) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(s, $0, size) }
            }
            guard bound == 0, connected == 0 else {
                _ = Glibc.close(s)
                return nil
            }
            fd = s
        }
        /// Sends part of a request head and stops (a slow peer).
        func dribble(_ text: String) {
            _ = text.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        }
        deinit { _ = Glibc.close(fd) }
    }

    /// `count` idle peers spread over `addresses`; a slow half sends the start of a head.
    static func flood(_ port: Int, count: Int, addresses: [String]) -> [Peer] {
        // Room for the peers where the soft limit on open files is low (1024 on many systems).
        var limit = rlimit()
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < 8192 {
            limit.rlim_cur = min(limit.rlim_max, 8192)
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        var peers: [Peer] = []
        for i in 0..<count {
            guard let p = Peer(from: addresses[i % addresses.count], port: port) else { continue }
            if i % 2 == 1 { p.dribble("GET /api/v2/objects HTTP/1.1\r\nHost: x\r\n") }
            peers.append(p)
        }
        return peers
    }

    /// One legitimate request with a valid token: its status and how long it took.
    static func legitimate(_ g: Gemeente, token: String) throws -> (status: Int, seconds: Double) {
        let started = monotonicSeconds()
        let r = try rawExchange(
            port: g.port,
            MalformedRequestTests.request("GET", "/api/v2/objects?type=loonstrook", token: token),
            timeout: 3)
        return (r.status, monotonicSeconds() - started)
    }

    @Test func idlePeersFromManyAddressesDoNotStarveALegitimateClient() throws {
        let g = try Gemeente()
        let (_, _, clients) = try g.caseload()
        let addresses = (2...9).map { "127.0.0.\($0)" }
        // More idle peers than the server has connection slots (512), in two waves: the second
        // comes while the first is still held, as a peer that keeps reconnecting would.
        var peers = Self.flood(g.port, count: 600, addresses: addresses)
        #expect(peers.count >= 580)
        usleep(300_000)
        for round in 0..<3 {
            let r = try Self.legitimate(g, token: clients[0].token)
            #expect(r.status == 200, "round \(round): \(r.status)")
            #expect(r.seconds < 1, "round \(round): \(r.seconds) s")
            peers += Self.flood(g.port, count: 100, addresses: addresses)
        }
        withExtendedLifetime(peers) {}
    }

    @Test func idlePeersBehindOneProxyAddressDoNotStarveALegitimateClient() throws {
        let g = try Gemeente()
        let (_, _, clients) = try g.caseload()
        // Behind a reverse proxy every peer, legitimate or not, has the proxy's address.
        let peers = Self.flood(g.port, count: 560, addresses: ["127.0.0.1"])
        #expect(peers.count >= 540)
        usleep(300_000)
        for round in 0..<3 {
            let r = try Self.legitimate(g, token: clients[0].token)
            #expect(r.status == 200, "round \(round): \(r.status)")
            #expect(r.seconds < 1, "round \(round): \(r.seconds) s")
        }
        withExtendedLifetime(peers) {}
    }

    @Test func aRequestHeadMustArriveWithinTheRequestTimeout() throws {
        // `--wachttijd 2`: the whole head within 2 s of the first wait, however it dribbles in.
        let g = try Gemeente(extra: ["--wachttijd", "2"])
        let c = try SocketConnection.connect(host: "127.0.0.1", port: g.port, timeout: 2)
        defer { c.close() }
        let started = monotonicSeconds()
        let head = Array("GET /api/v2/objects HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8)
        for b in head {
            try c.write(Data([b]), deadline: monotonicSeconds() + 1)
        }
        // Then one byte every 0.3 s, never finishing the head.
        var answered: HTTPResponse?
        while monotonicSeconds() - started < 6 {
            try? c.write(Data("a".utf8), deadline: monotonicSeconds() + 1)
            if let r = try? c.readResponse(limits: HTTPLimits(), timeout: 0.3, method: "GET") {
                answered = r
                break
            }
        }
        let elapsed = monotonicSeconds() - started
        #expect(answered?.status == 408)
        #expect(elapsed < 2.9, "408 after \(elapsed) s")
        #expect(ServerConfiguration().requestTimeout == 10)
    }
}
