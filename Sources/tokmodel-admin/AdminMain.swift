import Admin
import ArgumentParser

/// `tokmodel-admin`: wiring only; the commands live in the Admin module.
@main
enum AdminMain {
    static func main() async {
        await AdminCommand.main()
    }
}
