// A requirement worded with an x86 attribute ("must be an x86 kernel",
// "requires an i386 binary") and no scope ("On x86, ...") reads as if it held
// everywhere the call exists.
#include "audit/x86_conditions.h"

#include <algorithm>

#include "arch-data/arch_table.h"
#include "audit/documented.h"
#include "audit/text_scan.h"
#include "audit/x86_claims.h"

namespace manaudit::audit {

namespace {

constexpr std::string_view kRequirementWords[] = {"must", "has to", "have to", "needs to", "need to",
                                                  "required", "requires"};
// Existence claims are x86_claims' business.
constexpr std::string_view kExistenceWords[] = {"only on", "only available", "exist", "supported only",
                                                "not available", "-specific", "specific to"};

// "an x86 kernel": the arch name used as an attribute, after an article.
bool is_attribute(std::string_view sentence, std::size_t offset) {
    const std::string_view before = sentence.substr(0, offset);
    return before.ends_with(" an ") || before.ends_with(" a ") || before == "An " || before == "A ";
}

// The page's calls the paragraph speaks of: those whose parameters it names,
// or the page's only call.
std::vector<std::string> subjects_of(const manpages::Page& page, const manpages::Block& block,
                                     const std::vector<std::string>& calls) {
    if (calls.size() == 1) return calls;
    const std::string text = block.tag + "\n" + block.text;
    std::vector<std::string> subjects;
    for (const auto& p : page.prototypes) {
        const std::string& call = p.syscall_name.empty() ? p.name : p.syscall_name;
        if (std::find(calls.begin(), calls.end(), call) == calls.end() ||
            std::find(subjects.begin(), subjects.end(), call) != subjects.end())
            continue;
        // A parameter only this call has: one shared with a sibling says nothing.
        for (const auto& param : p.params) {
            if (param.name.empty() || !contains_identifier(text, param.name)) continue;
            const bool shared = std::any_of(page.prototypes.begin(), page.prototypes.end(), [&](const auto& other) {
                return &other != &p && std::any_of(other.params.begin(), other.params.end(),
                                                   [&](const auto& q) { return q.name == param.name; });
            });
            if (!shared) {
                subjects.push_back(call);
                break;
            }
        }
    }
    return subjects;
}

}  // namespace

std::vector<X86Condition> find_x86_conditions(const manpages::Page& page, std::span<const archdata::ArchFacts> facts) {
    return find_x86_conditions(page, page_syscall_names(page, facts));
}

std::vector<X86Condition> find_x86_conditions(const manpages::Page& page, const std::vector<std::string>& calls) {
    std::vector<X86Condition> found;
    if (calls.empty()) return found;
    for (const auto& block : page.blocks) {
        if (!is_visible(block) || block.kind == manpages::Block::Kind::code || !may_name_x86(block.text)) continue;
        const auto block_mentions = arch_mentions_in(block.text);
        if (block_mentions.empty() || has_generic_arch_phrase(block.text)) continue;
        if (!std::all_of(block_mentions.begin(), block_mentions.end(),
                         [](const auto& m) { return archdata::is_x86_mention(m.mention_id); }))
            continue;
        for (const auto& sentence : block.sentences) {
            const auto mentions = arch_mentions_in(sentence);
            auto attribute = std::find_if(mentions.begin(), mentions.end(),
                                          [&](const auto& m) { return is_attribute(sentence, m.offset); });
            if (attribute == mentions.end()) continue;
            // "On x86, the image must be an x86 kernel": scoped, and true as said.
            const bool scoped = std::any_of(mentions.begin(), mentions.end(), [&](const auto& m) {
                const std::string_view before = std::string_view(sentence).substr(0, m.offset);
                return before.ends_with("on ") || before.ends_with("On ") || before.ends_with("for ") ||
                       before.ends_with("under ");
            });
            if (scoped) continue;
            auto has = [&](std::string_view word) { return contains_ci(sentence, word); };
            if (!std::any_of(std::begin(kRequirementWords), std::end(kRequirementWords), has) ||
                std::any_of(std::begin(kExistenceWords), std::end(kExistenceWords), has))
                continue;
            X86Condition condition;
            condition.subjects = subjects_of(page, block, calls);
            if (condition.subjects.empty()) continue;
            condition.sentence = sentence;
            condition.tag = block.tag;
            // The article, the arch word and the noun after it: "an x86 kernel".
            std::string_view rest = std::string_view(sentence).substr(attribute->offset);
            auto word_end = rest.find_first_of(" ,.;:)");
            auto noun_end = word_end == std::string_view::npos ? word_end : rest.find_first_of(" ,.;:)", word_end + 1);
            const auto article = sentence.rfind(' ', attribute->offset - 2);
            const auto from = article == std::string::npos ? 0 : article + 1;
            condition.spelled = sentence.substr(from, attribute->offset - from) + std::string(rest.substr(0, noun_end));
            condition.line = source_line_containing(page, block.first_line, block.last_line,
                                                    std::string(rest.substr(0, word_end)));
            if (condition.line == 0) condition.line = block.first_line;
            found.push_back(std::move(condition));
        }
    }
    return found;
}

}  // namespace manaudit::audit
