// ERRORS: each tagged paragraph's errno names, qualifier and text.
#include "manpages/page_extract.h"

namespace manaudit::manpages {

namespace {

bool is_errno_name(std::string_view word) {
    if (word.size() < 3 || word[0] != 'E') return false;
    for (char c : word)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    return true;
}

// The parenthesized text starting at `open` ("(openat())"), or empty.
std::string_view parenthesized(std::string_view text, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < text.size(); ++i) {
        if (text[i] == '(') ++depth;
        else if (text[i] == ')' && --depth == 0) return text.substr(open, i - open + 1);
    }
    return {};
}


bool is_word_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// The errno names of an ERRORS tag ("EACCES, EPERM (for openat())") and its
// first parenthesized qualifier; a "(" without its ")" ends the tag.
void read_errno_tag(std::string_view tag_text, ErrnoTag& tag) {
    std::size_t i = 0;
    while (i < tag_text.size()) {
        if (tag_text[i] == '(') {
            std::string_view q = parenthesized(tag_text, i);
            if (q.empty()) break;
            if (tag.qualifier.empty()) tag.qualifier = std::string(q);
            i += q.size();
            continue;
        }
        if (!is_word_char(tag_text[i])) {
            ++i;
            continue;
        }
        std::size_t start = i;
        while (i < tag_text.size() && is_word_char(tag_text[i])) ++i;
        std::string_view word = tag_text.substr(start, i - start);
        if (is_errno_name(word)) tag.names.emplace_back(word);
    }
}

}  // namespace

void extract_errors(const PageText& text, Page& page) {
    for (std::size_t index = 0; index < text.blocks.size(); ++index) {
        const Block& block = text.blocks[index];
        if (block.kind != Block::Kind::tagged || block.section != "ERRORS" || text.infos[index].continued) continue;
        ErrnoTag tag;
        read_errno_tag(block.tag, tag);
        if (tag.names.empty()) continue;
        // "(openat()) pathname is relative...": a leading function qualifier in the body.
        if (tag.qualifier.empty() && !block.text.empty() && block.text.front() == '(') {
            std::string_view q = parenthesized(block.text, 0);
            if (q.find("()") != std::string_view::npos) tag.qualifier = std::string(q);
        }
        tag.text = block.text;
        tag.line = text.infos[index].tag_line ? text.infos[index].tag_line : block.first_line;
        tag.block = static_cast<int>(index);
        page.errors.push_back(std::move(tag));
    }
}

}  // namespace manaudit::manpages
