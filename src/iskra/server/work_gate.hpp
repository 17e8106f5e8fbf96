#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace iskra::server {

/// Lets at most `slots` requests run engine work at once and admits the others in arrival order.
///
/// cpp-httplib serves each keep-alive connection on its own thread, so under load dozens of
/// threads are runnable on a machine with two cores. Left to the scheduler, they share the cores
/// in time slices and a request that is preempted waits for all the others: the median stays low
/// but the slowest requests take hundreds of milliseconds. Queued in a FIFO before the engine,
/// the waiting threads sleep, the running ones finish without preemption, and a request's wait
/// is bounded by the work queued ahead of it. Thread-safe.
class WorkGate {
  public:
    explicit WorkGate(std::size_t slots) : slots_(slots == 0 ? 1 : slots) {}
    WorkGate(const WorkGate&) = delete;
    WorkGate& operator=(const WorkGate&) = delete;

    /// Holds one slot for its lifetime.
    class Pass {
      public:
        explicit Pass(WorkGate& gate) : gate_(gate) { gate_.enter(); }
        ~Pass() { gate_.leave(); }
        Pass(const Pass&) = delete;
        Pass& operator=(const Pass&) = delete;

      private:
        WorkGate& gate_;
    };

    std::size_t slots() const { return slots_; }

  private:
    struct Waiter {
        std::condition_variable wake;
        bool admitted = false;
    };

    void enter();
    void leave();

    const std::size_t slots_;
    std::mutex mutex_;
    std::size_t running_ = 0;
    std::deque<Waiter*> waiting_;  // each points at a waiter blocked in enter()
};

}  // namespace iskra::server
