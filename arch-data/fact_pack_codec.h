// The fact pack's encoding of one file's facts: LEB128 integers and
// length-prefixed strings, in the order the structs declare their members.
// Internal to arch-data/.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "arch-data/arch_facts.h"
#include "arch-data/libc_facts.h"

namespace manaudit::archdata::pack {

struct Encoder {
    std::string out;

    void unsigned_int(std::uint64_t v) {
        while (v >= 0x80) {
            out.push_back(static_cast<char>((v & 0x7f) | 0x80));
            v >>= 7;
        }
        out.push_back(static_cast<char>(v));
    }
    // Zigzag: small negative numbers stay short.
    void signed_int(std::int64_t v) {
        unsigned_int((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
    }
    void flag(bool b) { out.push_back(b ? '\1' : '\0'); }
    void text(std::string_view s) {
        unsigned_int(s.size());
        out.append(s);
    }
    // Fixed-width words keep the machine's byte order: a pack is read by the
    // build that wrote it.
    void fixed64(std::uint64_t v) {
        char raw[8];
        std::memcpy(raw, &v, sizeof raw);
        out.append(raw, sizeof raw);
    }
    void fixed32(std::uint32_t v) {
        char raw[4];
        std::memcpy(raw, &v, sizeof raw);
        out.append(raw, sizeof raw);
    }
};

/// Reads what Encoder wrote; any read past the end or malformed value
/// clears `ok`, and every later read returns empty values.
struct Decoder {
    std::string_view in;
    bool ok = true;

    std::uint64_t unsigned_int() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (in.empty()) return fail();
            auto byte = static_cast<unsigned char>(in.front());
            in.remove_prefix(1);
            v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80)) return v;
        }
        return fail();
    }
    std::int64_t signed_int() {
        std::uint64_t z = unsigned_int();
        return static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1));
    }
    bool flag() {
        if (in.empty()) return fail() != 0;
        char c = in.front();
        in.remove_prefix(1);
        if (c != '\0' && c != '\1') return fail() != 0;
        return c == '\1';
    }
    std::string_view text_view() {
        std::uint64_t n = unsigned_int();
        if (!ok || n > in.size()) {
            fail();
            return {};
        }
        std::string_view s = in.substr(0, n);
        in.remove_prefix(n);
        return s;
    }
    std::string text() { return std::string(text_view()); }
    std::uint64_t fixed64() {
        if (in.size() < 8) return fail();
        std::uint64_t v = 0;
        std::memcpy(&v, in.data(), sizeof v);
        in.remove_prefix(8);
        return v;
    }
    /// A count of items that each take at least one byte: never more than
    /// what is left, so a bad count cannot make a huge allocation.
    std::uint64_t count() {
        std::uint64_t n = unsigned_int();
        if (n > in.size()) return fail();
        return n;
    }
    std::uint64_t fail() {
        ok = false;
        in = {};
        return 0;
    }
};

void encode(Encoder& e, const ArchFacts& facts);
void encode(Encoder& e, const LibcFacts& facts);
/// The big tables (FactTable) stand on the decoder's bytes, which must
/// outlive the facts: their layout is checked here, their values as they are read.
bool decode(Decoder& d, ArchFacts& facts);
bool decode(Decoder& d, LibcFacts& facts);

}  // namespace manaudit::archdata::pack
