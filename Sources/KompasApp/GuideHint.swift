import KompasCore

extension Invocation {
    /// A hint that says what to do next: on the command line it may show the command to type
    /// (`key`); in the guide, which does the commands for the person, it says it in words
    /// (`key.gids`), so no command or flag reaches someone who never typed one (issue 22).
    func hint(_ key: String, _ args: Message.Arguments = [:]) -> String {
        t(context.inGuide ? key + ".gids" : key, args)
    }
}
