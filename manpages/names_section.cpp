// Title and section from .TH; names and summary from NAME.
#include "manpages/page_extract.h"

#include "parsers/cdecl/c_tokens.h"

namespace manaudit::manpages {

void extract_names(const PageText& text, Page& page) {
    page.title = text.title;
    page.section = text.section;
    for (const Block& block : text.blocks) {
        if (block.section != "NAME" || block.kind == Block::Kind::comment) continue;
        std::string_view line = block.text;
        std::size_t dash = line.find(" - ");
        std::string_view names = dash == std::string_view::npos ? line : line.substr(0, dash);
        if (dash != std::string_view::npos) page.summary = cdecl::normalize_space(line.substr(dash + 3));
        std::size_t start = 0;
        while (start <= names.size()) {
            std::size_t comma = names.find(',', start);
            std::string name = cdecl::normalize_space(names.substr(start, comma - start));
            if (!name.empty()) page.names.push_back(std::move(name));
            if (comma == std::string_view::npos) break;
            start = comma + 1;
        }
        page.name_line = block.first_line;
        return;
    }
}

bool looks_like_constant(std::string_view word) {
    // Bold upper-case words that are prose, not identifiers.
    static constexpr std::string_view kProse[] = {"WARNING", "NOTE", "NOTES", "BUGS", "IMPORTANT", "CAVEATS"};
    for (std::string_view prose : kProse)
        if (word == prose) return false;
    if (word.size() < 2 || word.back() == '_') return false;
    bool letter = false;
    for (char c : word) {
        if (c >= 'A' && c <= 'Z') letter = true;
        else if (!(c == '_' || (c >= '0' && c <= '9'))) return false;
    }
    return letter && !(word[0] >= '0' && word[0] <= '9');
}

void extract_constants(const PageText& text, Page& page) {
    // A man2const or man3const page documents the constants it is named for
    // (one a page since man-pages 6.9), whether or not NAME sets them in bold.
    if (page.section.size() > 1 && page.section.ends_with("const")) {
        for (std::size_t b = 0; b < text.blocks.size(); ++b) {
            if (text.blocks[b].section != "NAME" || text.blocks[b].kind == Block::Kind::comment) continue;
            for (const std::string& name : page.names)
                if (looks_like_constant(name)) page.constants.push_back({name, page.name_line, int(b), false});
            break;
        }
    }
    for (const BoldWord& word : text.bold_words) {
        if (!looks_like_constant(word.text)) continue;
        page.constants.push_back({word.text, word.line, word.block, word.in_tag});
    }
}

}  // namespace manaudit::manpages
