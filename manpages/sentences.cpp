// Sentences of a block's text, split once when the page is built: the audit
// reads each block's sentences many times over.
#include "manpages/sentences.h"

#include <array>

namespace manaudit::manpages {

namespace {

// The bytes split_sentences decides on; all others are copied as they are.
constexpr std::array<bool, 256> kDecides = [] {
    std::array<bool, 256> table{};
    for (unsigned char c : {' ', '\n', '.', '?', '!'}) table[c] = true;
    return table;
}();

// Abbreviations do not end a sentence. Only the last four characters
// decide; lowering the whole sentence at every full stop made long
// paragraphs quadratic.
bool ends_with_abbreviation(const std::string& current) {
    std::string lowered;
    for (std::size_t k = current.size() > 4 ? current.size() - 4 : 0; k < current.size(); ++k)
        lowered += current[k] >= 'A' && current[k] <= 'Z' ? static_cast<char>(current[k] - 'A' + 'a') : current[k];
    return lowered.ends_with("e.g.") || lowered.ends_with("i.e.") || lowered.ends_with("etc.") ||
           lowered.ends_with("vs.") || lowered.ends_with("cf.");
}

// std::isspace in the "C" locale, without a call per byte.
bool is_c_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The sentences of `text`; `ends_open` tells whether the last one ran to
// the end of the text without a full stop of its own.
std::vector<std::string> split(std::string_view text, bool& ends_open) {
    ends_open = false;
    std::vector<std::string> out;
    // No sentence starts with a space: one before any other byte is never
    // kept, so a finished sentence is moved out as it is, not copied.
    std::string current;
    for (std::size_t i = 0; i < text.size(); ++i) {
        // Runs of ordinary bytes are copied at once: this runs over every page's text.
        // A single space after an ordinary byte is copied with them too.
        std::size_t run_end = i;
        while (run_end < text.size() &&
               (!kDecides[static_cast<unsigned char>(text[run_end])] ||
                (text[run_end] == ' ' && run_end > i && !kDecides[static_cast<unsigned char>(text[run_end - 1])])))
            ++run_end;
        current.append(text, i, run_end - i);
        if (run_end == text.size()) break;
        i = run_end;
        const char c = text[i] == '\n' ? ' ' : text[i];
        if (c == ' ') {
            if (!current.empty() && current.back() != ' ') current += ' ';
            continue;
        }
        current += c;
        const bool next_is_space = i + 1 >= text.size() || is_c_space(text[i + 1]);
        if (!next_is_space || ends_with_abbreviation(current)) continue;
        out.push_back(std::move(current));
        current.clear();
    }
    while (!current.empty() && current.back() == ' ') current.pop_back();
    if (!current.empty()) {
        out.push_back(std::move(current));
        ends_open = true;
    }
    return out;
}

}  // namespace

std::vector<std::string> split_sentences(std::string_view text) {
    bool ends_open = false;
    return split(text, ends_open);
}

void index_sentences(Block& block) {
    if (block.kind == Block::Kind::comment) return;
    block.sentences = split_sentences(block.text);
    if (block.tag.empty()) return;
    // The sentences of "tag\ntext", without splitting the text again: a
    // sentence the tag leaves open runs on into the text's first, after a
    // space; sentence ends within the text do not depend on what came before
    // it (an abbreviation is read from the last four bytes, and the tag's
    // part ends in a space).
    bool tag_ends_open = false;
    std::vector<std::string> tagged = split(block.tag, tag_ends_open);
    auto text_sentence = block.sentences.begin();
    if (tag_ends_open && text_sentence != block.sentences.end()) {
        tagged.back() += ' ';
        tagged.back() += *text_sentence++;
    }
    tagged.insert(tagged.end(), text_sentence, block.sentences.end());
    block.tagged_sentences = std::move(tagged);
}

}  // namespace manaudit::manpages
