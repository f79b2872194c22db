import Crypto
#if canImport(Glibc)
import Glibc
#endif

/// TokModel API keys: `tm-` followed by 32 random bytes in unpadded base64url (43 characters).
///
/// Only the SHA-256 of the whole key (hex) and a short display prefix are ever stored; the secret is shown
/// once when created. Keys carry 256 bits of entropy, so a plain (unsalted) hash is the right tool: it makes
/// lookups O(1) and a salt would add nothing against guessing.
public enum APIKey {
    public static let prefix = "tm-"
    static let randomByteCount = 32
    /// Characters of the key kept for display, `tm-` included (e.g. `tm-Ab3dE5gH`).
    static let displayPrefixLength = 11

    /// A new random key. Uses the system's cryptographic generator (getrandom on Linux).
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<randomByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + Base64URL.encode(bytes)
    }

    /// The lookup hash of a key: lowercase hex SHA-256 of its UTF-8 bytes.
    ///
    /// Takes a `String`, not `some StringProtocol`: a generic here is not specialized across modules, and the
    /// edge calls this on every request.
    public static func hash(_ key: String) -> String {
        Hex.encode(SHA256.hash(data: Array(key.utf8)))
    }

    /// The part of a key safe to show in listings and logs.
    public static func displayPrefix(_ key: String) -> String {
        String(key.prefix(displayPrefixLength))
    }

    /// Whether `text` has the shape of a TokModel key; a cheap check before any hashing or I/O.
    /// (A `String`, for the reason given at ``hash(_:)``.)
    public static func looksValid(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count >= prefix.utf8.count + 43, utf8.count <= 128, utf8.starts(with: prefix.utf8) else { return false }
        return utf8.dropFirst(prefix.utf8.count).allSatisfy(Base64URL.isAlphabet)
    }
}

public enum Hex {
    static let digits = Array("0123456789abcdef".utf8)

    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = value(utf8[index]), let low = value(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func value(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

public enum Base64URL {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Unpadded base64url.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index + 3 <= bytes.count {
            let n = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(alphabet[Int(n & 63)])
            index += 3
        }
        let rest = bytes.count - index
        if rest == 1 {
            let n = UInt32(bytes[index]) << 16
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
        } else if rest == 2 {
            let n = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isAlphabet(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }
}

/// Request ids: `req_` + 24 random base62 characters (143 bits): unique without coordination across edges.
public enum RequestID {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    public static func generate() -> String {
        // 24 characters from 3 random 64-bit words: each word yields 8 base62 digits (62^8 < 2^64), so the id
        // carries ~143 bits. The words come from `RandomPool` (kernel randomness fetched 4 KiB at a time), not
        // from one getrandom(2) per request: this is on every request's path.
        let words = RandomPool.shared.threeWords()
        return String(unsafeUninitializedCapacity: 28) { buffer in
            for (i, c) in "req_".utf8.enumerated() { buffer[i] = c }
            var index = 4
            func append(_ word: UInt64) {
                var word = word
                for _ in 0..<8 {
                    buffer[index] = alphabet[Int(word % 62)]
                    word /= 62
                    index += 1
                }
            }
            append(words.0)
            append(words.1)
            append(words.2)
            return index
        }
    }

    /// Whether a client-supplied id is acceptable to reuse (printable, no separators, bounded).
    public static func isAcceptable(_ text: some StringProtocol) -> Bool {
        let utf8 = text.utf8
        return utf8.count >= 8 && utf8.count <= 64
            && utf8.allSatisfy { Base64URL.isAlphabet($0) || $0 == UInt8(ascii: ".") }
    }
}
