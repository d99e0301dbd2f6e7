// Architecture names in visible text and, flagged, in roff comments.
#include <algorithm>
#include <array>
#include <vector>

#include "arch-data/arch_table.h"
#include "manpages/page_extract.h"

namespace manaudit::manpages {

namespace {

struct Spelling {
    std::string_view text;
    std::string_view mention_id;
};

bool word_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// All spellings, indexed by first byte, longest first, so one pass over the
// text finds every whole-word match (and "x86-64" wins over "x86").
class ArchMatcher {
public:
    ArchMatcher() {
        for (const auto& name : archdata::all_arch_names()) {
            std::string_view all = name.spellings;
            std::size_t start = 0;
            while (start <= all.size()) {
                std::size_t bar = all.find('|', start);
                std::string_view s = all.substr(start, bar - start);
                if (!s.empty()) by_first_[static_cast<unsigned char>(s[0])].push_back({s, name.mention_id});
                if (bar == std::string_view::npos) break;
                start = bar + 1;
            }
        }
        for (auto& list : by_first_)
            std::stable_sort(list.begin(), list.end(),
                             [](const Spelling& a, const Spelling& b) { return a.text.size() > b.text.size(); });
    }

    template <typename OnMatch>
    void scan(std::string_view text, OnMatch&& on_match) const {
        std::size_t i = 0;
        while (i < text.size()) {
            if (i > 0 && word_char(text[i - 1])) {
                ++i;
                continue;
            }
            const auto& candidates = by_first_[static_cast<unsigned char>(text[i])];
            std::size_t matched = 0;
            for (const Spelling& s : candidates) {
                if (text.compare(i, s.text.size(), s.text) != 0) continue;
                std::size_t end = i + s.text.size();
                if (end < text.size() && word_char(text[end])) continue;
                on_match(i, s);
                matched = s.text.size();
                break;
            }
            i += matched ? matched : 1;
        }
    }

private:
    std::array<std::vector<Spelling>, 256> by_first_;
};

const ArchMatcher& matcher() {
    static const ArchMatcher instance;
    return instance;
}

// The sentence around `at`: from after the previous ". " to the next one,
// at most a few hundred bytes each way so long lines stay cheap.
std::string sentence_at(std::string_view text, std::size_t at, std::size_t length) {
    constexpr std::size_t kReach = 400;
    std::size_t floor = at > kReach ? at - kReach : 0;
    std::size_t begin = floor;
    for (std::size_t i = at; i > floor + 1; --i) {
        char c = text[i - 1];
        if ((c == ' ' || c == '\n') && text[i - 2] == '.') {
            begin = i;
            break;
        }
    }
    std::size_t ceiling = std::min(text.size(), at + length + kReach);
    std::size_t end = ceiling;
    for (std::size_t i = at + length; i < ceiling; ++i) {
        if (text[i] == '.' && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) {
            end = i + 1;
            break;
        }
    }
    std::string out;
    for (char c : text.substr(begin, end - begin)) out += (c == '\n' || c == '\t') ? ' ' : c;
    while (!out.empty() && out.front() == ' ') out.erase(out.begin());
    return out;
}

}  // namespace

void extract_arch_mentions(const PageText& text, Page& page) {
    const ArchMatcher& m = matcher();
    for (std::size_t index = 0; index < text.blocks.size(); ++index) {
        const Block& block = text.blocks[index];
        if (block.kind == Block::Kind::comment) continue;
        int block_index = static_cast<int>(index);
        m.scan(block.tag, [&](std::size_t at, const Spelling& s) {
            page.arch_mentions.push_back({std::string(s.mention_id), std::string(s.text),
                                          sentence_at(block.tag, at, s.text.size()),
                                          text.infos[index].tag_line ? text.infos[index].tag_line : block.first_line,
                                          block_index, false});
        });
        m.scan(block.text, [&](std::size_t at, const Spelling& s) {
            page.arch_mentions.push_back({std::string(s.mention_id), std::string(s.text),
                                          sentence_at(block.text, at, s.text.size()), text.line_at(block_index, at),
                                          block_index, false});
        });
    }
    for (const CommentLine& comment : text.comments) {
        m.scan(comment.text, [&](std::size_t, const Spelling& s) {
            std::string sentence = comment.text;
            while (!sentence.empty() && (sentence.front() == ' ' || sentence.front() == '\t')) sentence.erase(sentence.begin());
            page.arch_mentions.push_back(
                {std::string(s.mention_id), std::string(s.text), sentence, comment.line, comment.block, true});
        });
    }
}

}  // namespace manaudit::manpages
