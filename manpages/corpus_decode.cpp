// Page bytes to page text: gzip inflation with a size cap, and binary-data checks.
#include <array>

#include <zlib.h>

#include <fmt/format.h>

#include "manpages/corpus_tree.h"

namespace manaudit::manpages::detail {

namespace {

bool is_gzip(std::string_view raw) {
    return raw.size() >= 2 && static_cast<unsigned char>(raw[0]) == 0x1f && static_cast<unsigned char>(raw[1]) == 0x8b;
}

Diagnostic problem_in(const std::string& origin, std::string message, int line = 0, int column = 0) {
    return Diagnostic{origin, line, column, Severity::error, std::move(message)};
}

std::string mebibytes(std::size_t bytes) { return fmt::format("{} MiB", bytes >> 20); }

/// Inflates every gzip member of `raw` into `out`; a problem when the data is
/// truncated, corrupt or inflates past `max_bytes`.
std::optional<Diagnostic> inflate_gzip(std::string_view raw, const std::string& origin, std::size_t max_bytes,
                                       std::string& out) {
    z_stream zs{};
    // 15 + 32: the largest window, and accept a gzip header.
    if (inflateInit2(&zs, 15 + 32) != Z_OK) return problem_in(origin, "cannot initialize zlib");
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
    zs.avail_in = static_cast<uInt>(raw.size());
    char chunk[65536];
    std::optional<Diagnostic> problem;
    for (;;) {
        zs.next_out = reinterpret_cast<Bytef*>(chunk);
        zs.avail_out = sizeof chunk;
        int rc = inflate(&zs, Z_NO_FLUSH);
        out.append(chunk, sizeof chunk - zs.avail_out);
        if (out.size() > max_bytes) {
            problem = problem_in(origin, fmt::format("page inflates to more than {}", mebibytes(max_bytes)));
            break;
        }
        if (rc == Z_STREAM_END) {
            // gzip allows several members back to back; anything else after the end is ignored, as gzip does.
            if (zs.avail_in >= 2 && is_gzip({reinterpret_cast<const char*>(zs.next_in), zs.avail_in})) {
                inflateReset(&zs);
                continue;
            }
            break;
        }
        if (rc == Z_BUF_ERROR || (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0)) {
            problem = problem_in(origin, "truncated gzip data: unexpected end of file");
            break;
        }
        if (rc != Z_OK) {
            problem = problem_in(origin, fmt::format("corrupt gzip data: {}", zs.msg ? zs.msg : zError(rc)));
            break;
        }
    }
    inflateEnd(&zs);
    return problem;
}

/// Control bytes no man page holds (tab, newlines, form feed, backspace and
/// escape are fine), as a table: every page's first 4 KiB is counted.
constexpr std::array<bool, 256> kStrayControl = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 0x20; ++c) table[static_cast<std::size_t>(c)] = true;
    for (unsigned char fine : {'\t', '\n', '\r', '\f', '\v', '\b', '\x1b'}) table[fine] = false;
    table[0x7f] = true;
    return table;
}();

/// Binary data: several stray control bytes near the start, as in executables,
/// images and archives; a single one is a damaged text page, reported by line.
bool looks_binary(std::string_view text) {
    auto head = text.substr(0, 4096);
    std::size_t stray = 0;
    for (char c : head) stray += kStrayControl[static_cast<unsigned char>(c)];
    return stray > 2 && stray * 32 > head.size();
}

}  // namespace

DecodedPage decode_page(std::string raw, const std::string& origin, std::size_t max_bytes) {
    DecodedPage page;
    if (is_gzip(raw)) {
        page.problem = inflate_gzip(raw, origin, max_bytes, page.text);
        if (page.problem) return page;
    } else if (raw.size() > max_bytes) {
        page.problem = problem_in(origin, fmt::format("file is larger than {}", mebibytes(max_bytes)));
        return page;
    } else {
        page.text = std::move(raw);
    }
    if (looks_binary(page.text)) {
        page.problem = problem_in(origin, "binary data, not a man page");
        return page;
    }
    auto nul = page.text.find('\0');
    if (nul != std::string::npos) {
        int line = 1;
        std::size_t line_start = 0;
        for (std::size_t i = 0; i < nul; ++i)
            if (page.text[i] == '\n') ++line, line_start = i + 1;
        page.problem = problem_in(origin, "NUL byte in page text", line, static_cast<int>(nul - line_start) + 1);
    }
    return page;
}

}  // namespace manaudit::manpages::detail
