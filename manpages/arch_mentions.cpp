// Architecture names in visible text and, flagged, in roff comments.
#include <algorithm>
#include <array>
#include <bitset>
#include <vector>

#include "arch-data/arch_table.h"
#include "manpages/page_extract.h"

namespace manaudit::manpages {

namespace {

struct Spelling {
    std::string_view text;
    std::string_view mention_id;
};

constexpr std::array<bool, 256> kWordChars = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c)
        table[static_cast<std::size_t>(c)] =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    return table;
}();

bool word_char(char c) { return kWordChars[static_cast<unsigned char>(c)]; }

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
                if (!s.empty()) {
                    auto first = static_cast<unsigned char>(s[0]);
                    by_first_[first].push_back({s, name.mention_id});
                    if (s.size() > 1) seconds_[first].set(static_cast<unsigned char>(s[1]));
                    else seconds_[first].set();  // a one-byte spelling: any second byte
                }
                if (bar == std::string_view::npos) break;
                start = bar + 1;
            }
        }
        for (auto& list : by_first_)
            std::stable_sort(list.begin(), list.end(),
                             [](const Spelling& a, const Spelling& b) { return a.text.size() > b.text.size(); });
    }

    // Spellings start with a word character, so only word starts are tried;
    // the rest of each word is skipped in a tight loop.
    template <typename OnMatch>
    void scan(std::string_view text, OnMatch&& on_match) const {
        const std::size_t n = text.size();
        std::size_t i = 0;
        while (i < n) {
            while (i < n && !word_char(text[i])) ++i;
            if (i == n) return;
            const auto first = static_cast<unsigned char>(text[i]);
            // Most words cannot start a spelling: their first two bytes say so.
            if (i + 1 < n && !seconds_[first].test(static_cast<unsigned char>(text[i + 1]))) {
                while (i < n && word_char(text[i])) ++i;
                continue;
            }
            const auto& candidates = by_first_[first];
            std::size_t matched = 0;
            for (const Spelling& s : candidates) {
                // The second byte rules out most candidates without a call to memcmp.
                if (s.text.size() > text.size() - i || (s.text.size() > 1 && text[i + 1] != s.text[1])) continue;
                if (text.compare(i, s.text.size(), s.text) != 0) continue;
                std::size_t end = i + s.text.size();
                if (end < text.size() && word_char(text[end])) continue;
                on_match(i, s);
                matched = s.text.size();
                break;
            }
            if (matched) {
                i += matched;
                continue;
            }
            while (i < n && word_char(text[i])) ++i;
        }
    }

private:
    std::array<std::vector<Spelling>, 256> by_first_;
    std::array<std::bitset<256>, 256> seconds_;  ///< second bytes of the spellings, by first byte
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
