// Collecting stated values from the page model and from visible text.
#include "audit/stated_values.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <regex>

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

bool has_paren_digit(std::string_view text) {
    for (auto at = text.find('('); at != std::string_view::npos; at = text.find('(', at + 1))
        if (at + 1 < text.size() && text[at + 1] >= '0' && text[at + 1] <= '9') return true;
    return false;
}

}  // namespace

std::vector<manpages::StatedValue> gather_stated_values(const manpages::Page& page) {
    std::vector<manpages::StatedValue> out;
    for (const auto& v : page.stated_values) add_unique(out, v);

    // NAME (N) in text, #define NAME N in code.
    static const std::regex in_parens(R"(\b([A-Z][A-Z0-9_]{2,})\s*\((0[xX][0-9a-fA-F]+|[0-9]+)\))");
    static const std::regex define(R"(#\s*define\s+([A-Z][A-Z0-9_]{2,})\s+\(?(0[xX][0-9a-fA-F]+|[0-9]+)\)?\s*($|/\*|\n))");
    for (std::size_t bi = 0; bi < page.blocks.size(); ++bi) {
        const auto& block = page.blocks[bi];
        if (!is_visible(block)) continue;
        // Regex matching is slow; skip a pattern when the block lacks what it
        // cannot match without: "(" before a digit, or the word "define".
        const bool may_have_parens = has_paren_digit(block.text);
        const bool may_have_define = block.text.find("define") != std::string::npos;
        for (const auto* re : {&in_parens, &define}) {
            if (re == &in_parens ? !may_have_parens : !may_have_define) continue;
            for (std::sregex_iterator it(block.text.begin(), block.text.end(), *re), end; it != end; ++it) {
                manpages::StatedValue v;
                v.name = (*it)[1].str();
                v.value_text = (*it)[2].str();
                if (!parse_number(v.value_text, v.value)) continue;
                v.block = static_cast<int>(bi);
                v.line = source_line_containing(page, block.first_line, block.last_line, v.name);
                if (v.line == 0) v.line = block.first_line;
                add_unique(out, std::move(v));
            }
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
