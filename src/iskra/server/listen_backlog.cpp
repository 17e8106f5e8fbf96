#include "iskra/server/listen_backlog.hpp"

#include <filesystem>
#include <string>
#include <system_error>

#include <netinet/in.h>
#include <sys/socket.h>

namespace iskra::server {

namespace {

bool is_listening_on(int fd, std::uint16_t port) {
    int accepting = 0;
    socklen_t length = sizeof(accepting);
    if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &length) != 0 || accepting == 0) {
        return false;
    }
    sockaddr_storage address{};
    socklen_t address_length = sizeof(address);
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &address_length) != 0) {
        return false;
    }
    if (address.ss_family == AF_INET) {
        return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port) == port;
    }
    if (address.ss_family == AF_INET6) {
        return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port) == port;
    }
    return false;
}

}  // namespace

bool widen_listen_backlog(std::uint16_t port) {
    std::error_code ec;
    bool widened = false;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
        int fd = -1;
        try {
            fd = std::stoi(entry.path().filename().string());
        } catch (const std::exception&) {
            continue;
        }
        if (is_listening_on(fd, port) && ::listen(fd, SOMAXCONN) == 0) {
            widened = true;
        }
    }
    return widened;
}

}  // namespace iskra::server
