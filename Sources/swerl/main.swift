// swerl: erl's command line in front of Swerl's shell. Parsing lives in
// CommandLineOptions, the wiring in Launcher; this file only connects them.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ErlangRuntime

// glibc malloc settings (see MallocTuning), before any thread: this may
// start the program again, once.
MallocTuning.apply()

// Processes run on Swerl's scheduler as the global executor (see
// ProcessScheduler+GlobalExecutor): first, before any task exists.
ProcessScheduler.installSharedAsGlobalExecutor()

let status: Int32
switch CommandLineOptions.parse(Array(CommandLine.arguments.dropFirst())) {
case .success(.help):
    Console.writeOut(Usage.text)
    status = 0
case .success(.version):
    Console.writeOut("swerl \(Usage.version) (Erlang/OTP 25 shell)\n")
    status = 0
case .success(.run(let options)):
    status = await Launcher(options: options).run()
case .failure(let error):
    Console.writeError(error.message)
    status = 2
}
exit(status)
