#include <cstdio>

int main() {
    std::puts("iskra");
    return 0;
}
