// Choosing "a" or "an" from the sound a syscall or constant name starts with.
#include "audit/articles.h"

#include <array>
#include <cctype>

namespace manaudit::audit {

namespace {

char lower_at(std::string_view word, std::size_t i) {
    return i < word.size() ? char(std::tolower(static_cast<unsigned char>(word[i]))) : '\0';
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/// Consonant pairs an English word can start with; a name starting with any
/// other pair is read letter by letter ("lseek" is "el-seek").
bool pronounceable_onset(char first, char second) {
    static constexpr std::array<std::string_view, 11> onsets{"fl", "fr", "sl", "sm", "sn", "sp",
                                                             "st", "sc", "sk", "sw", "sh"};
    for (auto onset : onsets)
        if (onset[0] == first && onset[1] == second) return true;
    return false;
}

}  // namespace

std::string_view indefinite_article(std::string_view word) {
    char first = lower_at(word, 0);
    char second = lower_at(word, 1);
    if (first == 'u') {
        // "un" + consonant is "un-" (unlink, unshare); other u-words start with "you" (uname, ustat, utime).
        char third = lower_at(word, 2);
        return second == 'n' && third != '\0' && !is_vowel(third) ? "an" : "a";
    }
    if (is_vowel(first)) return "an";
    // Letters whose names start with a vowel sound when spelled out: eff, el, em, en, ar, ess, ex.
    constexpr std::string_view spelled_with_vowel = "flmnrsx";
    if (spelled_with_vowel.find(first) == std::string_view::npos || first == '\0') return "a";
    bool vowel_next = is_vowel(second) || second == 'y';  // "sync", "syslog" are read as words
    if (second == '\0' || (!vowel_next && !pronounceable_onset(first, second))) return "an";
    return "a";
}

std::string with_article(std::string_view word) {
    std::string out(indefinite_article(word));
    out += ' ';
    out += word;
    return out;
}

}  // namespace manaudit::audit
