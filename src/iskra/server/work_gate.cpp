#include "iskra/server/work_gate.hpp"

namespace iskra::server {

void WorkGate::enter() {
    std::unique_lock lock(mutex_);
    if (running_ < slots_ && waiting_.empty()) {
        ++running_;
        return;
    }
    Waiter self;
    waiting_.push_back(&self);
    self.wake.wait(lock, [&self] { return self.admitted; });
    // leave() handed its slot over: running_ already counts this request.
}

void WorkGate::leave() {
    std::lock_guard lock(mutex_);
    if (waiting_.empty()) {
        --running_;
        return;
    }
    Waiter* next = waiting_.front();
    waiting_.pop_front();
    next->admitted = true;
    // Notified under the lock: `next` lives on its thread's stack and may return (destroying
    // its condition variable) as soon as it sees `admitted`, which it cannot before we unlock.
    next->wake.notify_one();
}

}  // namespace iskra::server
