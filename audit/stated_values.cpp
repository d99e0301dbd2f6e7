// Collecting stated values from the page model and from visible text.
#include "audit/stated_values.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "audit/documented.h"
#include "audit/evidence.h"
#include "audit/x86_claims.h"

namespace manaudit::audit {

namespace {

bool parse_number(const std::string& text, long long& out) {
    errno = 0;
    char* end = nullptr;
    long long v = std::strtoll(text.c_str(), &end, 0);
    if (errno != 0 || end == text.c_str() || *end != '\0') return false;
    out = v;
    return true;
}

void add_unique(std::vector<manpages::StatedValue>& out, manpages::StatedValue v) {
    bool dup = std::any_of(out.begin(), out.end(), [&](const auto& o) {
        return o.name == v.name && o.value == v.value && o.line == v.line;
    });
    if (!dup) out.push_back(std::move(v));
}

bool is_upper_name_char(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }
bool is_word_char(char c) { return is_upper_name_char(c) || (c >= 'a' && c <= 'z'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

/// A C integer literal at `at` (0x1f or 123): its length, or 0.
std::size_t number_at(std::string_view text, std::size_t at) {
    if (at >= text.size() || text[at] < '0' || text[at] > '9') return 0;
    if (text[at] == '0' && at + 2 < text.size() && (text[at + 1] == 'x' || text[at + 1] == 'X') &&
        is_hex_digit(text[at + 2])) {
        std::size_t end = at + 2;
        while (end < text.size() && is_hex_digit(text[end])) ++end;
        return end - at;
    }
    std::size_t end = at;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    return end - at;
}

/// A constant's name: an upper-case letter, then two or more of [A-Z0-9_].
bool is_constant_name(std::string_view name) {
    return name.size() >= 3 && name.front() >= 'A' && name.front() <= 'Z';
}

struct NameAndValue {
    std::string_view name, value;
};

/// "NAME (N)" in running text: the name as a whole word before a
/// parenthesised integer.
std::vector<NameAndValue> names_with_parenthesised_values(std::string_view text) {
    std::vector<NameAndValue> out;
    for (auto open = text.find('('); open != std::string_view::npos; open = text.find('(', open + 1)) {
        const std::size_t length = number_at(text, open + 1);
        if (length == 0 || open + 1 + length >= text.size() || text[open + 1 + length] != ')') continue;
        std::size_t name_end = open;
        while (name_end > 0 && is_space(text[name_end - 1])) --name_end;
        std::size_t name_begin = name_end;
        while (name_begin > 0 && is_upper_name_char(text[name_begin - 1])) --name_begin;
        if (name_begin > 0 && is_word_char(text[name_begin - 1])) continue;
        std::string_view name = text.substr(name_begin, name_end - name_begin);
        if (is_constant_name(name)) out.push_back({name, text.substr(open + 1, length)});
    }
    return out;
}

/// "#define NAME N" in code, optionally parenthesised, then the end of the
/// line, the text, or a comment.
std::vector<NameAndValue> defined_values(std::string_view text) {
    std::vector<NameAndValue> out;
    for (auto hash = text.find('#'); hash != std::string_view::npos; hash = text.find('#', hash + 1)) {
        std::size_t at = hash + 1;
        while (at < text.size() && is_space(text[at])) ++at;
        if (text.substr(at, 6) != "define") continue;
        at += 6;
        const std::size_t name_begin = at;
        while (at < text.size() && is_space(text[at])) ++at;
        if (at == name_begin) continue;
        const std::size_t name_start = at;
        while (at < text.size() && is_upper_name_char(text[at])) ++at;
        std::string_view name = text.substr(name_start, at - name_start);
        if (!is_constant_name(name) || at >= text.size() || !is_space(text[at])) continue;
        while (at < text.size() && is_space(text[at])) ++at;
        if (at < text.size() && text[at] == '(') ++at;
        const std::size_t length = number_at(text, at);
        if (length == 0) continue;
        std::string_view value = text.substr(at, length);
        at += length;
        if (at < text.size() && text[at] == ')') ++at;
        bool newline = false;
        for (; at < text.size() && is_space(text[at]); ++at)
            if (text[at] == '\n') newline = true;
        if (at == text.size() || newline || text.substr(at, 2) == "/*") out.push_back({name, value});
    }
    return out;
}

}  // namespace

std::vector<manpages::StatedValue> gather_stated_values(const manpages::Page& page) {
    std::vector<manpages::StatedValue> out;
    for (const auto& v : page.stated_values) add_unique(out, v);

    // NAME (N) in text, #define NAME N in code.
    for (std::size_t bi = 0; bi < page.blocks.size(); ++bi) {
        const auto& block = page.blocks[bi];
        if (!is_visible(block)) continue;
        std::vector<NameAndValue> found = names_with_parenthesised_values(block.text);
        for (const NameAndValue& d : defined_values(block.text)) found.push_back(d);
        for (const NameAndValue& f : found) {
            manpages::StatedValue v;
            v.name = std::string(f.name);
            v.value_text = std::string(f.value);
            if (!parse_number(v.value_text, v.value)) continue;
            v.block = static_cast<int>(bi);
            v.line = source_line_containing(page, block.first_line, block.last_line, v.name);
            if (v.line == 0) v.line = block.first_line;
            add_unique(out, std::move(v));
        }
    }
    return out;
}

bool same_value(long long stated, std::int64_t actual) {
    if (stated == actual) return true;
    auto low = [](std::int64_t x) { return static_cast<std::uint32_t>(x); };
    auto high = [](std::int64_t x) { return static_cast<std::uint64_t>(x) >> 32; };
    bool stated_32 = high(stated) == 0 || high(stated) == 0xffffffffu;
    bool actual_32 = high(actual) == 0 || high(actual) == 0xffffffffu;
    return stated_32 && actual_32 && low(stated) == low(actual);
}

StatedComparison compare_stated(const manpages::StatedValue& stated, std::span<const archdata::ArchFacts> facts,
                                ValueLookup lookup) {
    StatedComparison out;
    for (const auto& f : facts) {
        const archdata::Constant* c = (f.*lookup)(stated.name);
        if (!c) continue;
        out.known = true;
        if (same_value(stated.value, c->value)) {
            out.agrees = true;
            continue;
        }
        out.differing.insert(arch_id(f));
        if (!out.differing_values.empty()) out.differing_values += ", ";
        out.differing_values += c->text() + " on " + arch_id(f);
    }
    return out;
}

}  // namespace manaudit::audit
