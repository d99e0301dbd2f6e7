// The shared "already documented" rule every check applies before reporting.
#include "audit/documented.h"

#include <algorithm>

#include "audit/text_scan.h"

namespace manaudit::audit {

namespace {

std::set<std::string> abis_with_vendor_names(std::string_view sentence);

/// The ABIs a sentence restricts the fact to, when it says so of the fact
/// itself: "This call is specific to Linux on 32-bit Intel processors",
/// "open_foo() is available only on arm64". Empty when it does not.
std::set<std::string> restricted_to(std::string_view sentence, const DocumentedQuery& query) {
    bool about_fact = false;
    for (const auto& name : query.names) about_fact = about_fact || contains_identifier(sentence, name);
    for (const auto& phrase : query.phrases) about_fact = about_fact || contains_ci(sentence, phrase);
    if (!about_fact) return {};
    // "is available on m68k, MIPS, and x86" lists where it is, which says
    // where it is not.
    if (!contains_ci(sentence, "specific to") && !contains_identifier(sentence, "only") &&
        !contains_ci(sentence, "available on") && !contains_ci(sentence, "exists on"))
        return {};
    // Intel's processors are x86; its 32-bit ones i386 (vendor names are not in the arch table).
    return abis_with_vendor_names(sentence);
}

/// The ABIs an Intel vendor phrase stands for, beside the arch names proper.
std::set<std::string> abis_with_vendor_names(std::string_view sentence) {
    std::set<std::string> abis = abis_mentioned_in(sentence);
    if (contains_ci(sentence, "32-bit Intel")) abis.insert("i386");
    else if (contains_identifier(sentence, "Intel")) abis.insert({"x86_64", "i386", "x32"});
    return abis;
}

/// Whether the fact is what the page is about (one of the names in NAME), so
/// that its STANDARDS and HISTORY, which speak of the page's calls as a
/// whole, speak of it.
bool is_page_subject(const manpages::Page& page, const DocumentedQuery& query) {
    for (const auto& name : query.names)
        if (std::find(page.names.begin(), page.names.end(), name) != page.names.end()) return true;
    return false;
}

/// A terse statement of where the page's calls belong, as man-pages 6.x
/// writes STANDARDS and HISTORY: "Linux, x86.", "Linux on 32-bit Intel
/// processors.", "Linux 2.6.16 (x86)." A short sentence naming Linux and an
/// architecture, and nothing that sends it elsewhere.
bool is_terse_platform_statement(std::string_view sentence) {
    if (!contains_identifier(sentence, "Linux") || abis_with_vendor_names(sentence).empty()) return false;
    int words = 0;
    bool in_word = false;
    for (char c : sentence) {
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (letter && !in_word) ++words;
        in_word = letter;
    }
    return words <= 8;
}

bool is_platform_section(const std::string& section) {
    return section == "STANDARDS" || section == "HISTORY" || section == "CONFORMING TO" || section == "VERSIONS";
}

// What a reader sees of a block: a tagged paragraph's tag and its body.
std::string visible_text(const manpages::Block& block) {
    return block.tag.empty() ? block.text : block.tag + "\n" + block.text;
}

struct Coverage {
    bool generic = false;
    std::set<std::string> abis;
    bool any_arch = false;  // some architecture was named, with or without data
};

Coverage coverage_of(const std::string& text) {
    Coverage c;
    c.generic = has_generic_arch_phrase(text);
    c.any_arch = !arch_mentions_in(text).empty();
    c.abis = abis_mentioned_in(text);
    auto families = abis_of_word_size_families(text);
    c.abis.insert(families.begin(), families.end());
    return c;
}

bool covers(const Coverage& c, const DocumentedQuery& q, bool any_arch_allowed) {
    if (c.generic) return true;
    if (any_arch_allowed && q.any_arch_counts && c.any_arch) return true;
    if (q.arches.empty()) return false;
    return std::includes(c.abis.begin(), c.abis.end(), q.arches.begin(), q.arches.end());
}

bool sentence_names_fact(std::string_view text, const DocumentedQuery& q) {
    for (const auto& name : q.names)
        if (contains_identifier(text, name)) return true;
    for (const auto& phrase : q.phrases)
        if (contains_ci(text, phrase)) return true;
    return false;
}

bool names_fact(const manpages::Block& block, const DocumentedQuery& q) {
    return sentence_names_fact(visible_text(block), q);
}


// The fact's own block (a tagged paragraph is one block, tag and body): all
// of it is about the fact.
bool own_block_documents(const manpages::Page& page, const DocumentedQuery& query) {
    const int count = static_cast<int>(page.blocks.size());
    const manpages::Block* own = (query.block >= 0 && query.block < count) ? &page.blocks[query.block] : nullptr;
    if (!own || !is_visible(*own)) return false;
    if (!query.about_existence && !query.about_arguments && covers(coverage_of(visible_text(*own)), query, true))
        return true;
    return in_arch_subsection(*own);
}

// Sentences about the fact, anywhere on the page: what they name together
// must cover the arches. A generic phrase or an arch family counts only in
// a sentence about the fact, never from a neighbour.
bool sentences_about_fact_document(const manpages::Page& page, const DocumentedQuery& query) {
    Coverage naming;
    for (const auto& b : page.blocks) {
        if (!is_visible(b) || !(query.only_subject || names_fact(b, query))) continue;
        if (in_arch_subsection(b) && names_fact(b, query))
            return true;
        for (const auto& sentence : visible_sentences(b)) {
            if (!query.only_subject && !sentence_names_fact(sentence, query)) continue;
            if (query.about_existence && !speaks_of_existence(sentence)) continue;
            if (query.about_arguments && !speaks_of_arguments(sentence)) continue;
            Coverage c = coverage_of(sentence);
            if (covers(c, query, true)) return true;
            naming.abis.insert(c.abis.begin(), c.abis.end());
        }
    }
    return covers(naming, query, false);
}

// A terse platform statement documents the arches when it names them all,
// or when it restricts the call to arches that all have it ("Linux, x86."
// documents the absence everywhere else, unless it names an arch that lacks it).
bool platform_statement_documents(std::string_view sentence, const DocumentedQuery& query) {
    auto abis = abis_with_vendor_names(sentence);
    if (!query.arches.empty() && std::includes(abis.begin(), abis.end(), query.arches.begin(), query.arches.end()))
        return true;
    return !abis.empty() &&
           std::none_of(abis.begin(), abis.end(), [&](const std::string& a) { return query.arches.count(a); });
}

// STANDARDS/HISTORY in either generation's form: a terse statement naming
// the architectures the page's calls belong to documents them.
bool platform_sections_document(const manpages::Page& page, const DocumentedQuery& query) {
    if (query.about_arguments || !is_page_subject(page, query)) return false;
    for (const auto& b : page.blocks) {
        if (!is_visible(b) || !is_platform_section(b.section)) continue;
        for (const auto& sentence : visible_sentences(b))
            if (is_terse_platform_statement(sentence) && platform_statement_documents(sentence, query)) return true;
    }
    return false;
}

// Where the fact holds, said: the page names every arch that has it, or a
// sentence restricts the fact to an arch that has it, which tells readers
// elsewhere not to count on it, even if reserved numbers on other arches
// make the facts' list longer than the page's.
bool where_it_holds_documented(const manpages::Page& page, const DocumentedQuery& query) {
    if (query.present.empty()) return false;
    std::set<std::string> named_on_page;
    for (const auto& b : page.blocks) {
        if (!is_visible(b)) continue;
        auto abis = abis_mentioned_in(visible_text(b));
        named_on_page.insert(abis.begin(), abis.end());
    }
    if (std::includes(named_on_page.begin(), named_on_page.end(), query.present.begin(), query.present.end()))
        return true;
    for (const auto& b : page.blocks) {
        if (!is_visible(b)) continue;
        for (const auto& sentence : visible_sentences(b)) {
            auto abis = restricted_to(sentence, query);
            if (std::any_of(abis.begin(), abis.end(), [&](const std::string& a) { return query.present.count(a); }))
                return true;
        }
    }
    return false;
}

}  // namespace

bool is_visible(const manpages::Block& block) { return block.kind != manpages::Block::Kind::comment; }

bool in_arch_subsection(const manpages::Block& block) {
    return contains_ci(block.subsection, "architecture") || contains_ci(block.section, "architecture");
}

int block_at_line(const manpages::Page& page, int line) {
    for (std::size_t i = 0; i < page.blocks.size(); ++i) {
        const auto& b = page.blocks[i];
        if (is_visible(b) && b.first_line <= line && line <= b.last_line) return static_cast<int>(i);
    }
    return -1;
}

bool already_documented(const manpages::Page& page, const DocumentedQuery& query) {
    return own_block_documents(page, query) || sentences_about_fact_document(page, query) ||
           platform_sections_document(page, query) || where_it_holds_documented(page, query);
}

}  // namespace manaudit::audit
