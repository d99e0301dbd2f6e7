#include "audit/page_statements.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "audit/documented.h"
#include "audit/text_scan.h"

namespace manaudit::audit {

namespace {

// "CONFIG_KEXEC_FILE" out of "... configured with CONFIG_KEXEC_FILE."
std::string first_config_name(std::string_view text) {
    for (auto at = text.find("CONFIG_"); at != std::string_view::npos; at = text.find("CONFIG_", at + 1)) {
        if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_')) continue;
        auto end = at + 7;
        while (end < text.size() && (std::isupper(static_cast<unsigned char>(text[end])) ||
                                     std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '_'))
            ++end;
        if (end > at + 7) return std::string(text.substr(at, end - at));
    }
    return {};
}

bool says_this_call(std::string_view sentence) {
    return contains_ci(sentence, "this system call") || contains_ci(sentence, "this call");
}

// "the glibc fork() wrapper", "the wrapper function for open()": the call's
// own wrapper, not another's that falls back to it.
bool names_its_wrapper(std::string_view sentence, std::string_view name) {
    constexpr std::size_t kNear = 40;
    for (auto at = find_identifier(sentence, name); at != std::string_view::npos;
         at = find_identifier(sentence, name, at + 1)) {
        const auto end = at + name.size();
        const auto from = at > kNear ? at - kNear : 0;
        if (contains_ci(sentence.substr(from, end + kNear - from), "wrapper")) return true;
    }
    return false;
}

// "glibc provides no wrapper for getdents()": the reader calls the kernel.
bool says_no_wrapper(std::string_view sentence) {
    return contains_ci(sentence, "no wrapper") || contains_ci(sentence, "not provide a wrapper") ||
           contains_ci(sentence, "without a wrapper");
}

// "invokes clone(2)", "employ prlimit()", "calls sigaction(2)", "uses ... instead".
bool says_it_calls(std::string_view text) {
    static constexpr std::string_view kVerbs[] = {"invoke", "employ", " calls ", " call ", " uses ", " use ", "instead"};
    return std::any_of(std::begin(kVerbs), std::end(kVerbs), [&](std::string_view v) { return contains_ci(text, v); });
}

// The library's name of a kernel call: sigaction for rt_sigaction, prlimit for prlimit64.
std::string library_spelling(std::string call) {
    if (call.starts_with("rt_")) call.erase(0, 3);
    if (call.size() > 2 && call.ends_with("64")) call.erase(call.size() - 2);
    return call;
}

}  // namespace

std::string kernel_option_for_call(const manpages::Page& page, const std::string& name, bool only_call) {
    for (const auto& b : page.blocks) {
        if (!is_visible(b) || b.kind == manpages::Block::Kind::code) continue;
        if (b.text.find("CONFIG_") == std::string::npos) continue;
        const bool under_its_subsection = contains_identifier(b.subsection, name);
        for (const auto& sentence : visible_sentences(b)) {
            const bool about_call = contains_identifier(sentence, name) ||
                                    ((only_call || under_its_subsection) && says_this_call(sentence));
            if (!about_call) continue;
            if (auto option = first_config_name(sentence); !option.empty()) return option;
        }
    }
    return {};
}

std::string kernel_option_in_item(const manpages::Page& page, int block) {
    for (auto i = static_cast<std::size_t>(std::max(block, 0)); block >= 0 && i < page.blocks.size(); ++i) {
        const auto& b = page.blocks[i];
        const bool continues = b.kind == manpages::Block::Kind::comment ||
                               (b.kind == manpages::Block::Kind::tagged && b.tag.empty());
        if (static_cast<int>(i) != block && !continues) break;
        if (!is_visible(b)) continue;
        if (auto option = first_config_name(b.text); !option.empty()) return option;
    }
    return {};
}

std::string wrapper_call_for(const manpages::Page& page, const std::string& name,
                             const std::set<std::string>& candidates) {
    for (const auto& b : page.blocks) {
        if (!is_visible(b) || b.kind == manpages::Block::Kind::code) continue;
        // SYNOPSIS names glibc for its feature test macros, not its wrappers.
        if (b.section == "SYNOPSIS" || b.section == "LIBRARY") continue;
        const auto& sentences = visible_sentences(b);
        for (std::size_t i = 0; i < sentences.size(); ++i) {
            const auto& sentence = sentences[i];
            if (!names_its_wrapper(sentence, name) || says_no_wrapper(sentence)) continue;
            // "... the signal() wrapper function does not invoke the kernel
            // system call. Instead, it calls sigaction(2)": the next sentence
            // may finish the thought.
            const std::string said = i + 1 < sentences.size() ? sentence + " " + sentences[i + 1] : sentence;
            if (!says_it_calls(said)) continue;
            for (const auto& call : candidates) {
                if (call == name) continue;
                for (const auto& spelling : {call, library_spelling(call)})
                    if (spelling != name && contains_identifier(said, spelling)) return spelling;
            }
        }
    }
    return {};
}

}  // namespace manaudit::audit
