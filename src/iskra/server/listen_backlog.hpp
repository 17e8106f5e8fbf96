#pragma once

#include <cstdint>

namespace iskra::server {

/// Raises the accept-queue length of this process's listening socket on `port` to SOMAXCONN.
///
/// Debian's cpp-httplib is a compiled library that listens with a backlog of 5. When dozens of
/// clients connect at once (a browser opening pages, a load balancer, wrk's 64 connections), the
/// kernel drops the handshakes that overflow the queue; the client thinks it is connected, sends
/// its request, and waits for a retransmission about a second later. Linux lets a listening
/// socket call listen() again with a new backlog, so we find the socket httplib bound (by its
/// port) and do that. Returns false when no such socket was found (nothing is changed then).
bool widen_listen_backlog(std::uint16_t port);

}  // namespace iskra::server
