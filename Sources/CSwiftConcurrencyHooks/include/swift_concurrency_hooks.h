#ifndef SWERL_SWIFT_CONCURRENCY_HOOKS_H
#define SWERL_SWIFT_CONCURRENCY_HOOKS_H

/// The address of the Swift concurrency runtime's global-enqueue hook
/// (`swift_task_enqueueGlobal_hook`). When it holds a function, the runtime
/// hands every job meant for the global executor to that function instead.
/// The function must have the Swift calling convention:
/// `(Job *job, void (*original)(Job *job))`.
void *_Nullable *_Nonnull swerl_enqueue_global_hook_slot(void);

#endif
