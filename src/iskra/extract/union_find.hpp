#pragma once

#include <cstdint>
#include <numeric>
#include <vector>

namespace iskra::extract {

/// Disjoint sets over 0..n-1 with path halving and union by size.
class UnionFind {
  public:
    explicit UnionFind(std::size_t n = 0) { resize(n); }

    void resize(std::size_t n) {
        std::size_t old = parent_.size();
        parent_.resize(n);
        size_.resize(n, 1);
        std::iota(parent_.begin() + static_cast<std::ptrdiff_t>(old),
                  parent_.end(),
                  static_cast<std::uint32_t>(old));
    }
    std::size_t size() const { return parent_.size(); }

    std::uint32_t find(std::uint32_t x) {
        while (parent_[x] != x) {
            parent_[x] = parent_[parent_[x]];
            x = parent_[x];
        }
        return x;
    }

    /// Joins the sets of `a` and `b`; returns false when they were already one.
    bool unite(std::uint32_t a, std::uint32_t b) {
        a = find(a);
        b = find(b);
        if (a == b) {
            return false;
        }
        if (size_[a] < size_[b]) {
            std::swap(a, b);
        }
        parent_[b] = a;
        size_[a] += size_[b];
        return true;
    }

  private:
    std::vector<std::uint32_t> parent_;
    std::vector<std::uint32_t> size_;
};

}  // namespace iskra::extract
