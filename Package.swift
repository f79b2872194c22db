// swift-tools-version:6.2
// TokModel: a self-hosted LLM API gateway.
//
// Rooms of the house (docs/architecture.md):
//   C quarantine      CLibPQ, CHiredis, CCurl (system libraries) and CCurlShim (non-variadic curl wrappers)
//   pure logic        TokModelCore (money, catalog, keys, usage), Dialects (JSON, SSE, API dialects)
//   I/O wrappers      RedisClient (hiredis), PostgresClient (libpq), UpstreamClient (libcurl multi)
//   shared contracts  Governance (Redis layout + admission/settlement scripts), LedgerProtocol (RPC frames)
//   services          Edge, Ledger, Admin, MockProvider
//   executables       tokmodel-edge, tokmodel-ledger, tokmodel-admin, tokmodel-mock-provider (wiring only)
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "tokmodel",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tokmodel-edge", targets: ["tokmodel-edge"]),
        .executable(name: "tokmodel-ledger", targets: ["tokmodel-ledger"]),
        .executable(name: "tokmodel-admin", targets: ["tokmodel-admin"]),
        .executable(name: "tokmodel-mock-provider", targets: ["tokmodel-mock-provider"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.1"),
    ],
    targets: [
        // MARK: C quarantine
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CHiredis", pkgConfig: "hiredis", providers: [.apt(["libhiredis-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),

        // MARK: Pure logic (no I/O)
        .target(
            name: "TokModelCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "Dialects", dependencies: ["TokModelCore"], swiftSettings: swiftSettings),
        .target(name: "Conversation", dependencies: ["TokModelCore", "Dialects"], swiftSettings: swiftSettings),
        // One codec per API dialect, each translating to and from the Conversation model (pure, no I/O).
        .target(name: "OpenAIChatCodec", dependencies: ["TokModelCore", "Dialects", "Conversation"], swiftSettings: swiftSettings),
        .target(name: "AnthropicCodec", dependencies: ["TokModelCore", "Dialects", "Conversation"], swiftSettings: swiftSettings),
        .target(name: "GeminiCodec", dependencies: ["TokModelCore", "Dialects", "Conversation"], swiftSettings: swiftSettings),
        .target(name: "ResponsesCodec", dependencies: ["TokModelCore", "Dialects", "Conversation"], swiftSettings: swiftSettings),

        // MARK: I/O wrappers around the C libraries
        .target(
            name: "RedisClient",
            dependencies: [
                "CHiredis", .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PostgresClient",
            dependencies: ["CLibPQ", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "UpstreamClient",
            dependencies: [
                "CCurl", "CCurlShim",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Contracts shared by the processes
        .target(
            name: "Governance",
            dependencies: ["TokModelCore", "RedisClient", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LedgerProtocol",
            dependencies: [
                "TokModelCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Services
        .target(
            name: "Edge",
            dependencies: [
                "TokModelCore", "Dialects", "Governance", "RedisClient", "UpstreamClient", "LedgerProtocol",
                "Conversation", "OpenAIChatCodec", "AnthropicCodec", "GeminiCodec", "ResponsesCodec",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Ledger",
            dependencies: [
                "TokModelCore", "Governance", "RedisClient", "PostgresClient", "LedgerProtocol",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Admin",
            dependencies: [
                "TokModelCore", "Dialects", "Governance", "RedisClient", "PostgresClient", "Ledger",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MockProvider",
            dependencies: [
                "TokModelCore", "Dialects",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Executables: wiring only
        .executableTarget(
            name: "tokmodel-edge",
            dependencies: ["Edge", .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "tokmodel-ledger",
            dependencies: ["Ledger", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "tokmodel-admin", dependencies: ["Admin", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "tokmodel-mock-provider",
            dependencies: ["MockProvider", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
        // `make bench`: drives a running ledger like an edge does, to measure settlements per second.
        .executableTarget(
            name: "tokmodel-bench-ledger",
            dependencies: ["LedgerProtocol", "TokModelCore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),

        // MARK: Tests
        .testTarget(name: "TokModelCoreTests", dependencies: ["TokModelCore"], swiftSettings: swiftSettings),
        .testTarget(name: "PostgresClientTests", dependencies: ["PostgresClient"], swiftSettings: swiftSettings),
        .testTarget(name: "DialectsTests", dependencies: ["Dialects", "TokModelCore"], swiftSettings: swiftSettings),
        .testTarget(name: "MockProviderTests", dependencies: ["MockProvider", "Dialects", .product(name: "HummingbirdTesting", package: "hummingbird")], swiftSettings: swiftSettings),
        .testTarget(
            name: "TranslationTests",
            dependencies: ["OpenAIChatCodec", "AnthropicCodec", "GeminiCodec", "ResponsesCodec", "Conversation", "Dialects", "TokModelCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "OpenAIChatCodecTests", dependencies: ["OpenAIChatCodec", "Conversation", "Dialects", "TokModelCore"], swiftSettings: swiftSettings),
        .testTarget(name: "AnthropicCodecTests", dependencies: ["AnthropicCodec", "Conversation", "Dialects", "TokModelCore"], swiftSettings: swiftSettings),
        .testTarget(name: "GeminiCodecTests", dependencies: ["GeminiCodec", "Conversation", "Dialects", "TokModelCore"], swiftSettings: swiftSettings),
        .testTarget(name: "ResponsesCodecTests", dependencies: ["ResponsesCodec", "Conversation", "Dialects", "TokModelCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "LedgerProtocolTests",
            dependencies: [
                "LedgerProtocol", "TokModelCore", .product(name: "NIOCore", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "TokModelCore", "Governance", "RedisClient", "PostgresClient", "UpstreamClient", "Ledger",
                "LedgerProtocol", "Admin", "Edge", "MockProvider",
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
