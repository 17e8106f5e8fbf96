#include "iskra/server/work_gate.hpp"

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace iskra::server {
namespace {

TEST(WorkGate, NeverAdmitsMoreThanItsSlots) {
    WorkGate gate(2);
    std::atomic<int> inside{0};
    std::atomic<int> most{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 200; ++i) {
                WorkGate::Pass pass(gate);
                int now = ++inside;
                int seen = most.load();
                while (now > seen && !most.compare_exchange_weak(seen, now)) {
                }
                std::this_thread::yield();
                --inside;
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(inside.load(), 0);
    EXPECT_LE(most.load(), 2);
    EXPECT_GE(most.load(), 1);
}

TEST(WorkGate, AdmitsWaitersInArrivalOrder) {
    WorkGate gate(1);
    std::mutex order_mutex;
    std::vector<int> order;
    std::vector<std::thread> waiters;
    {
        WorkGate::Pass holder(gate);
        for (int i = 0; i < 4; ++i) {
            waiters.emplace_back([&, i] {
                WorkGate::Pass pass(gate);
                std::lock_guard lock(order_mutex);
                order.push_back(i);
            });
            // Let waiter i queue before waiter i + 1 arrives.
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    for (auto& thread : waiters) {
        thread.join();
    }
    EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3}));
}

}  // namespace
}  // namespace iskra::server
