#pragma once

#include <chrono>

namespace iskra::util {

/// Measures elapsed wall time from construction or the last reset().
class Stopwatch {
  public:
    Stopwatch() : start_(std::chrono::steady_clock::now()) {}
    void reset() { start_ = std::chrono::steady_clock::now(); }
    double elapsed_seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }
    double elapsed_ms() const { return elapsed_seconds() * 1e3; }
    double elapsed_us() const { return elapsed_seconds() * 1e6; }

  private:
    std::chrono::steady_clock::time_point start_;
};

}  // namespace iskra::util
