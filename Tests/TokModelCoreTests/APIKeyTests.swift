import Testing
import TokModelCore

private let base64URLAlphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
private let base62Alphabet = Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

@Suite("APIKey")
struct APIKeyTests {
    @Test("generated keys are tm- followed by 43 base64url characters")
    func generatedFormat() {
        for _ in 0..<200 {
            let key = APIKey.generate()
            #expect(key.hasPrefix("tm-"))
            #expect(key.utf8.count == 46)
            #expect(key.dropFirst(3).allSatisfy { base64URLAlphabet.contains($0) })
            #expect(APIKey.looksValid(key))
            // 32 random bytes → 43 characters; the last one carries only 4 bits, so it is one of 16 letters.
            #expect("AEIMQUYcgkosw048".contains(key.last!))
        }
    }

    @Test("generated keys are unique")
    func unique() {
        let keys = Set((0..<5_000).map { _ in APIKey.generate() })
        #expect(keys.count == 5_000)
    }

    @Test(
        "hash is lowercase hex SHA-256 of the UTF-8 bytes",
        arguments: [
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ])
    func hashVectors(input: String, digest: String) {
        #expect(APIKey.hash(input) == digest)
    }

    @Test("hashes of generated keys are 64 lowercase hex characters and differ")
    func hashShape() {
        let key = APIKey.generate()
        let hash = APIKey.hash(key)
        #expect(hash.utf8.count == 64)
        #expect(hash.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(APIKey.hash(key) == hash)
        #expect(APIKey.hash(key + "x") != hash)
    }

    @Test(
        "looksValid rejects the wrong shape",
        arguments: [
            "",
            "tm-",
            "sk-" + String(repeating: "A", count: 43),
            "TM-" + String(repeating: "A", count: 43),
            "tm_" + String(repeating: "A", count: 43),
            "tm-" + String(repeating: "A", count: 42),
            "tm-" + String(repeating: "A", count: 42) + "+",
            "tm-" + String(repeating: "A", count: 42) + "/",
            "tm-" + String(repeating: "A", count: 42) + "=",
            "tm-" + String(repeating: "A", count: 42) + " ",
            "tm-" + String(repeating: "A", count: 42) + "é",
            " tm-" + String(repeating: "A", count: 43),
            "tm-" + String(repeating: "A", count: 126),  // 129 characters
            "tm-" + String(repeating: "A", count: 10_000),
        ])
    func looksInvalid(text: String) {
        #expect(!APIKey.looksValid(text))
    }

    @Test("looksValid accepts 46 to 128 characters of the right alphabet")
    func looksValidBounds() {
        #expect(APIKey.looksValid("tm-" + String(repeating: "A", count: 43)))
        #expect(APIKey.looksValid("tm-" + String(repeating: "-", count: 21) + String(repeating: "_", count: 22)))
        #expect(APIKey.looksValid("tm-" + String(repeating: "z", count: 125)))  // 128 characters
    }

    @Test("displayPrefix keeps the first 11 characters")
    func displayPrefix() {
        #expect(APIKey.displayPrefix("tm-Ab3dE5gHijklmnop") == "tm-Ab3dE5gH")
        #expect(APIKey.displayPrefix("tm-abc") == "tm-abc")
        let key = APIKey.generate()
        #expect(APIKey.displayPrefix(key).count == 11)
        #expect(key.hasPrefix(APIKey.displayPrefix(key)))
    }
}

@Suite("Hex")
struct HexTests {
    @Test("encodes lowercase and round-trips every byte")
    func roundTrip() throws {
        #expect(Hex.encode([0x00, 0xFF, 0x10, 0xAB]) == "00ff10ab")
        #expect(Hex.encode([]) == "")
        let all = (0...255).map(UInt8.init)
        let text = Hex.encode(all)
        #expect(text.utf8.count == 512)
        #expect(try #require(Hex.decode(text)) == all)
        #expect(Hex.decode(text.uppercased()) == all)
    }

    @Test("decodes upper and lower case")
    func decodeCase() {
        #expect(Hex.decode("ABCDEF") == [0xAB, 0xCD, 0xEF])
        #expect(Hex.decode("aBcD") == [0xAB, 0xCD])
        #expect(Hex.decode("") == [])
    }

    @Test("rejects invalid input", arguments: ["abc", "0", "zz", "0g", "g0", "é", "0x00", "00 ", " 00", "-1"])
    func invalid(text: String) {
        #expect(Hex.decode(text) == nil)
    }
}

@Suite("Base64URL")
struct Base64URLTests {
    @Test(
        "RFC 4648 vectors, URL alphabet, no padding",
        arguments: [
            ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
        ])
    func rfcVectors(input: String, encoded: String) {
        #expect(Base64URL.encode(Array(input.utf8)) == encoded)
    }

    @Test(
        "uses - and _ where standard base64 uses + and /",
        arguments: [
            ([UInt8]([0xFB, 0xFF]), "-_8"),  // standard: +/8=
            ([0xFB, 0xFF, 0xBF], "-_-_"),  // standard: +/+/
            ([0xFF, 0xFF, 0xFF], "____"),
            ([0x00, 0x00, 0x00], "AAAA"),
            ([0xFF], "_w"),
            ([0x3E, 0xFF], "Pv8"),
            ([0x14, 0xFB, 0x9C, 0x03, 0xD9, 0x7E], "FPucA9l-"),  // RFC 4648 §9 example, with - for +
        ])
    func urlAlphabet(bytes: [UInt8], encoded: String) {
        #expect(Base64URL.encode(bytes) == encoded)
    }

    @Test("length is ceil(4n/3) for every length up to 64")
    func lengths() {
        for n in 0...64 {
            let bytes = [UInt8](repeating: 0xA5, count: n)
            #expect(Base64URL.encode(bytes).utf8.count == (4 * n + 2) / 3)
        }
    }
}

@Suite("RequestID")
struct RequestIDTests {
    @Test("generated ids are req_ and 24 base62 characters, unique, and acceptable")
    func generated() {
        var seen = Set<String>()
        for _ in 0..<2_000 {
            let id = RequestID.generate()
            #expect(id.hasPrefix("req_"))
            #expect(id.utf8.count == 28)
            #expect(id.dropFirst(4).allSatisfy { base62Alphabet.contains($0) })
            #expect(RequestID.isAcceptable(id))
            seen.insert(id)
        }
        #expect(seen.count == 2_000)
    }

    @Test("ids drawn concurrently across many refills of the random pool are all distinct and well spread")
    func concurrentAcrossRefills() async {
        // 8 tasks × 1,000 ids = 47 refills of the 512-word pool, interleaved.
        let batches = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { (0..<1_000).map { _ in RequestID.generate() } } }
            return await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        let all = batches.flatMap { $0 }
        #expect(all.count == 8_000 && Set(all).count == 8_000)
        // No word handed out twice: every 8-character third of every id is distinct too.
        let thirds = all.flatMap { id -> [Substring] in
            let digits = id.dropFirst(4)
            return [digits.prefix(8), digits.dropFirst(8).prefix(8), digits.suffix(8)]
        }
        #expect(Set(thirds).count == thirds.count)
        // Each base62 digit position sees many different characters (not a counter, not zeros).
        for position in [4, 11, 12, 27] {
            let characters = Set(all.map { Array($0.utf8)[position] })
            #expect(characters.count > 50, "position \(position): \(characters.count) distinct characters")
        }
    }

    @Test(
        "isAcceptable: 8 to 64 characters of base64url or dot",
        arguments: [
            ("abcdefgh", true),
            ("abcdefg", false),
            ("", false),
            (String(repeating: "x", count: 64), true),
            (String(repeating: "x", count: 65), false),
            ("req_abc.def-ghi_1", true),
            ("has space1", false),
            ("a/b/c/d/e", false),
            ("abc\ndefgh", false),
            ("abcdefg\u{0}", false),
            ("ééééé", false),
            ("abcd:efgh", false),
            ("abcd\"efgh", false),
        ])
    func acceptable(text: String, expected: Bool) {
        #expect(RequestID.isAcceptable(text) == expected)
    }
}
