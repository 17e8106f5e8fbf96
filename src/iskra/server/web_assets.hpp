#pragma once

#include <string_view>

namespace iskra::server {

/// A file of `web/` compiled into the binary (see web/CMakeLists.txt and web/embed_assets.cmake,
/// which generate the definition of find_web_asset).
struct WebAsset {
    std::string_view path;          ///< "/index.html", "/app.js"...
    std::string_view content_type;  ///< "text/html; charset=utf-8"...
    std::string_view bytes;
};

/// The embedded file served at `path` ("/" serves "/index.html"), or nullptr.
const WebAsset* find_web_asset(std::string_view path);

}  // namespace iskra::server
