import MockProvider
import Testing

@Suite struct MockDirectivesTests {
    @Test func parsesEveryDirectiveAndStripsThem() throws {
        let text = "Tell me [[mock:words=30]]a story[[mock:chunks=3]] [[mock:delay_ms=5]][[mock:latency_ms=7]]"
            + "[[mock:status=503]][[mock:fail_after=2]][[mock:no_usage]][[mock:zero_usage]] please"
        let (directives, remaining) = try MockDirectives.extract(from: text)
        #expect(
            directives
                == MockDirectives(
                    words: 30, chunks: 3, delayMillis: 5, latencyMillis: 7, status: 503, failAfterChunks: 2, noUsage: true,
                    zeroUsage: true))
        #expect(remaining == "Tell me a story  please")
    }

    @Test func textWithoutDirectivesIsUntouched() throws {
        let (directives, remaining) = try MockDirectives.extract(from: "Just a [[question]] about [[mock: things")
        #expect(directives == MockDirectives())
        #expect(remaining == "Just a [[question]] about [[mock: things")
    }

    @Test func laterDirectivesOverrideEarlierOnes() throws {
        #expect(try MockDirectives.extract(from: "[[mock:words=3]][[mock:words=9]]").directives.words == 9)
    }

    @Test(arguments: [
        "[[mock:wrods=3]]", "[[mock:words=abc]]", "[[mock:words=-1]]", "[[mock:chunks=0]]", "[[mock:status=200]]",
        "[[mock:no_usage=1]]", "[[mock:words]]",
    ])
    func badDirectivesAreA400(text: String) {
        #expect {
            try MockDirectives.extract(from: text)
        } throws: { error in
            (error as? MockError)?.status == 400 && (error as? MockError)?.type == "invalid_request_error"
        }
    }
}
