import ErlangOTP
import ErlangRuntime
import ErlangTerms
import Testing

/// `proc_lib:spawn`: the child's `'$initial_call'` and `'$ancestors'` are
/// in its dictionary before it first runs, as erl's spawner always finds
/// them (`proc_lib:initial_call(Pid)` right after the spawn).
@Suite struct ProcLibSpawnTests {
    @Test(arguments: [ProcLib.Tie.none, .link, .monitor])
    func theDictionaryKeysAreThereBeforeTheChildRuns(_ tie: ProcLib.Tie) async throws {
        // One worker, busy with the parent: the child cannot run before the parent looks.
        let runtime = Runtime(clock: ManualClock(), output: CapturedOutput(), scheduler: ProcessScheduler(workerCount: 1))
        let initialCall = Term.tuple([.atom("timer"), .atom("sleep"), .int(1)])
        let seen = try await runtime.run { parent -> [Term] in
            let (child, _) = ProcLib.spawn(from: parent, tie: tie, initialCall: initialCall) { _ in }
            return [child.get(.atom(OTPAtom.initialCallKey)) ?? .nil,
                    child.get(.atom(OTPAtom.ancestorsKey)) ?? .nil,
                    .pid(parent.pid)]
        }
        #expect(seen[0] == initialCall)
        #expect(seen[1] == .list([seen[2]]))
    }
}
