// The one place Swerl touches a hook of the Swift runtime by name: Swift
// cannot declare an external variable, so this C file hands out its address.
#include "swift_concurrency_hooks.h"

extern void *swift_task_enqueueGlobal_hook;

void **swerl_enqueue_global_hook_slot(void) {
    return &swift_task_enqueueGlobal_hook;
}
