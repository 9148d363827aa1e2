import Foundation
import KompasTestSupport
import Testing

@testable import KompasCrypto

/// Known-answer tests: our wrappers must reproduce published vectors byte for byte.
@Suite struct KnownAnswerTests {
    struct GCMVector: Decodable { let name, key, iv, plaintext, aad, ciphertext, tag: String }
    struct ScryptVector: Decodable {
        let password, salt: String
        let logN: UInt8
        let r, p: UInt32
        let dk: String
    }
    struct File<V: Decodable>: Decodable {
        let source: String
        let vectors: [V]
    }

    static func load<V: Decodable>(_ name: String, _ type: V.Type) throws -> [V] {
        try JSONDecoder().decode(
            File<V>.self, from: Data(contentsOf: TestSupport.path("Fixtures/crypto/\(name)"))
        ).vectors
    }
    static func hex(_ s: String) -> [UInt8] { fixture(Hex.decode(s), "hex \(s)") }

    @Test func aes256gcmSealMatchesPublishedVectors() throws {
        let vectors = try Self.load("aes256gcm-testvectors.json", GCMVector.self)
        #expect(vectors.count == 4)
        for v in vectors {
            let box = try AESGCM.seal(
                Self.hex(v.plaintext), key: SecretBytes(Self.hex(v.key)), nonce: Self.hex(v.iv),
                associatedData: Self.hex(v.aad))
            #expect(Hex.encode(box.ciphertext) == v.ciphertext, "\(v.name) ciphertext")
            #expect(Hex.encode(box.tag) == v.tag, "\(v.name) tag")
            let opened = try AESGCM.open(
                box, key: SecretBytes(Self.hex(v.key)), associatedData: Self.hex(v.aad))
            #expect(Hex.encode(opened) == v.plaintext, "\(v.name) open")
        }
    }

    @Test func aes256gcmRejectsAnyChangedByte() throws {
        let v = try Self.load("aes256gcm-testvectors.json", GCMVector.self)[3]
        let key = SecretBytes(Self.hex(v.key))
        let good = AESGCM.SealedBox(
            nonce: Self.hex(v.iv), ciphertext: Self.hex(v.ciphertext), tag: Self.hex(v.tag)
        ).combined
        for i in good.indices {
            var bad = good
            bad[i] ^= 0x01
            #expect(throws: CryptoError.authenticationFailure) {
                try AESGCM.open(
                    AESGCM.SealedBox(combined: bad), key: key, associatedData: Self.hex(v.aad))
            }
        }
        var aad = Self.hex(v.aad)
        aad[0] ^= 0x80
        #expect(throws: CryptoError.authenticationFailure) {
            try AESGCM.open(AESGCM.SealedBox(combined: good), key: key, associatedData: aad)
        }
        #expect(throws: CryptoError.authenticationFailure) {
            try AESGCM.open(
                AESGCM.SealedBox(combined: Array(good.dropLast())), key: key,
                associatedData: Self.hex(v.aad))
        }
    }

    @Test func sealUsesAFreshNonceEveryTime() throws {
        let key = try SecretBytes.random(count: 32)
        let a = try AESGCM.seal(Array("zelfde".utf8), key: key, associatedData: [])
        let b = try AESGCM.seal(Array("zelfde".utf8), key: key, associatedData: [])
        #expect(a.nonce != b.nonce)
        #expect(a.ciphertext != b.ciphertext)
    }

    @Test func wrongKeySizesAreRefused() {
        #expect(throws: CryptoError.self) {
            try AESGCM.seal(
                [1], key: SecretBytes([UInt8](repeating: 0, count: 16)), associatedData: [])
        }
    }

    @Test func scryptMatchesRFC7914() throws {
        let vectors = try Self.load("scrypt-rfc7914-testvectors.json", ScryptVector.self)
        #expect(vectors.count == 3)
        for v in vectors {
            let dk = try Scrypt.derive(
                passphrase: SecretBytes(Array(v.password.utf8)), salt: Array(v.salt.utf8),
                parameters: ScryptParameters(logN: v.logN, r: v.r, p: v.p), length: 64)
            #expect(dk.withBytes { Hex.encode($0) } == v.dk, "scrypt N=2^\(v.logN)")
        }
    }

    @Test func scryptRefusesHostileParameters() {
        #expect(!ScryptParameters(logN: 30, r: 8, p: 1).isAcceptable)
        #expect(!ScryptParameters(logN: 20, r: 32, p: 16).isAcceptable)
        #expect(ScryptParameters.standard.isAcceptable)
        #expect(throws: CryptoError.self) {
            try Scrypt.derive(
                passphrase: SecretBytes([1]), salt: [1],
                parameters: ScryptParameters(logN: 40, r: 8, p: 1), length: 32)
        }
    }

    /// RFC 4231 §4.2 and §4.3 (HMAC-SHA-256 test cases 1 and 2) and RFC 5869 appendix A.1
    /// (HKDF-SHA-256 test case 1: the first 32 bytes of the OKM are `T(1)`).
    @Test func hmacSHA256AndHKDFExpandMatchTheRFCs() throws {
        let one = try HMACSHA256.authenticate(
            Array("Hi There".utf8), key: [UInt8](repeating: 0x0b, count: 20))
        #expect(
            Hex.encode(one) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        let two = try HMACSHA256.authenticate(
            Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8))
        #expect(
            Hex.encode(two) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let prk = SecretBytes(
            Self.hex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"))
        let okm = try HMACSHA256.expand(prk: prk, info: Self.hex("f0f1f2f3f4f5f6f7f8f9"))
        #expect(
            okm.withBytes { Hex.encode($0) }
                == "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf")
    }

    /// FIPS 180-4 examples ("abc" and the empty string).
    @Test func sha256KnownAnswers() throws {
        #expect(
            try SHA256.hex(Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            try SHA256.hex([UInt8]())
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func randomBytesDiffer() throws {
        #expect(try SecureRandom.bytes(32) != SecureRandom.bytes(32))
        #expect(try SecureRandom.bytes(0).isEmpty)
    }
}
