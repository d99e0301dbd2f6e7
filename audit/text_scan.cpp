// Whole-word search, sentence splitting and arch-name scanning over visible text.
#include "audit/text_scan.h"

#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <span>

#include "arch-data/arch_table.h"

namespace manaudit::audit {

namespace {

// What std::tolower does in the "C" locale manaudit runs in, without a call per byte.
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// A PhraseSet gram: `size` (1 to 4) bytes from `bytes`, each ORed with 0x20.
std::uint32_t gram_at(const char* bytes, std::size_t size) {
    std::uint32_t gram = 0;
    for (std::size_t i = 0; i < size; ++i)
        gram |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i]) | 0x20) << (8 * i);
    return gram;
}

// The same, from four readable bytes at once.
std::uint32_t gram_of_word(const char* bytes, std::size_t size) {
    std::uint32_t word = 0;
    std::memcpy(&word, bytes, sizeof word);
    if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap32(word);
    word |= 0x20202020U;
    return size == 4 ? word : word & ((std::uint32_t{1} << (8 * size)) - 1);
}

// 16 bits of a gram, for PhraseSet's filter.
std::uint32_t gram_hash(std::uint32_t gram) { return (gram * 0x9E3779B1U) >> 16; }

// Where `needle` starts in `text` at or after `from`, in any case; npos if
// nowhere. Only positions holding its first letter, in either case, are
// compared further.
std::size_t find_ci(std::string_view text, std::string_view needle, std::size_t from) {
    if (needle.empty()) return from <= text.size() ? from : std::string_view::npos;
    if (needle.size() > text.size()) return std::string_view::npos;
    const char lower = ascii_lower(needle.front());
    const char upper = lower >= 'a' && lower <= 'z' ? char(lower - 'a' + 'A') : lower;
    const std::string_view rest = needle.substr(1);
    for (std::size_t at = from; at + needle.size() <= text.size(); ++at) {
        const char c = text[at];
        if (c != lower && c != upper) continue;
        std::size_t k = 0;
        while (k < rest.size() && ascii_lower(text[at + 1 + k]) == ascii_lower(rest[k])) ++k;
        if (k == rest.size()) return at;
    }
    return std::string_view::npos;
}


// ASCII only, as std::isalnum in the "C" locale, but inline: this runs on every byte of every page.
bool is_ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Arch spellings end where a word ends; "x86" must not match inside "x86-64"
// or "x86_64", so a '-' or '_' followed by an identifier character continues it.
bool ends_word(std::string_view text, std::size_t end) {
    if (end >= text.size()) return true;
    char c = text[end];
    if (is_ident_char(c)) return false;
    if ((c == '-' || c == '/') && end + 1 < text.size() && is_digit(text[end + 1]))
        return false;
    return true;
}

bool starts_word(std::string_view text, std::size_t begin) {
    return begin == 0 || (!is_ident_char(text[begin - 1]) && text[begin - 1] != '-');
}

std::vector<std::string_view> split_bar(std::string_view s) {
    std::vector<std::string_view> out;
    while (!s.empty()) {
        auto bar = s.find('|');
        out.push_back(s.substr(0, bar));
        if (bar == std::string_view::npos) break;
        s.remove_prefix(bar + 1);
    }
    return out;
}

// Phrases that tell a reader the answer depends on the architecture.
constexpr std::string_view kGenericPhrases[] = {
    "some architectures",
    "other architectures",
    "several architectures",
    "many architectures",
    "most architectures",
    "architecture-dependent",
    "architecture dependent",
    "architecture-specific",
    "architecture specific",
    "depends on the architecture",
    "varies across architectures",
    "vary across architectures",
    "differs across architectures",
    "some linux architectures",
    "most linux architectures",
    "many linux architectures",
    "other linux architectures",
    "some platforms",
    "other platforms",
    "some hardware architectures",
    // An error that depends on the machine: "ENOSYS ... not implemented on this architecture".
    "on this architecture",
    // Word-size classes named as where a call exists ("exists on various
    // 32-bit platforms"); "on 32-bit platforms such as i386" beside other
    // facts is not enough, so only these forms count.
    "various 32-bit platforms",
    "various 64-bit platforms",
    "only on 32-bit",
    "only on 64-bit",
    // Hedges that tell the reader availability varies ("if that is defined").
    "if that is defined",
    "if it is defined",
    "where defined",
    "where available",
    "if available",
};

}  // namespace

std::size_t find_identifier(std::string_view text, std::string_view word, std::size_t from) {
    if (word.empty()) return std::string_view::npos;
    for (auto pos = text.find(word, from); pos != std::string_view::npos; pos = text.find(word, pos + 1)) {
        bool before_ok = pos == 0 || !is_ident_char(text[pos - 1]);
        auto end = pos + word.size();
        bool after_ok = end >= text.size() || !is_ident_char(text[end]);
        if (before_ok && after_ok) return pos;
    }
    return std::string_view::npos;
}

bool contains_identifier(std::string_view text, std::string_view word) {
    return find_identifier(text, word) != std::string_view::npos;
}

bool contains_ci(std::string_view text, std::string_view needle) {
    return find_ci(text, needle, 0) != std::string_view::npos;
}

PhraseSet::PhraseSet(std::span<const std::string_view> phrases) {
    for (std::string_view phrase : phrases) {
        if (phrase.empty()) has_empty_ = true;
        else phrases_.push_back(phrase);
    }
    if (phrases_.empty() || phrases_.size() > 64) return;
    window_ = std::min_element(phrases_.begin(), phrases_.end(), [](auto a, auto b) { return a.size() < b.size(); })
                  ->size();
    shift_.fill(window_);
    for (std::size_t k = 0; k < phrases_.size(); ++k) {
        const std::string_view phrase = phrases_[k];
        // A byte at window position i lets the window move on only as far
        // as would put it at the window's end.
        for (std::size_t i = 0; i + 1 < window_; ++i) {
            std::size_t& shift = shift_[static_cast<unsigned char>(phrase[i])];
            shift = std::min(shift, window_ - 1 - i);
        }
        ending_with_[static_cast<unsigned char>(phrase[window_ - 1])] |= std::uint64_t{1} << k;
    }
    // An upper-case byte of the text moves the window as its lower case
    // does: the search then reads raw bytes, lowering only to compare.
    for (char c = 'a'; c <= 'z'; ++c) {
        const auto lower = static_cast<unsigned char>(c), upper = static_cast<unsigned char>(c - 'a' + 'A');
        shift_[upper] = shift_[lower];
        ending_with_[upper] = ending_with_[lower];
    }
    required_digits_ = digits_every_phrase_holds(phrases_);
    // Each phrase anchored at the first required digit it holds.
    anchored_.resize(required_digits_.size());
    for (std::size_t k = 0; k < phrases_.size() && !required_digits_.empty(); ++k)
        for (std::size_t d = 0; d < required_digits_.size(); ++d)
            if (const std::size_t at = phrases_[k].find(required_digits_[d]); at != std::string_view::npos) {
                anchored_[d].push_back({k, at});
                break;
            }
    if (!required_digits_.empty()) return;
    // Horspool's jumps pay for long phrases only: with short ones, most
    // jumps are a byte or two, each after a hard-to-predict branch.
    constexpr std::size_t kLongPhrase = 8;
    if (window_ >= kLongPhrase) return;
    gram_size_ = std::min<std::size_t>(window_, 4);
    for (std::size_t k = 0; k < phrases_.size(); ++k) {
        const std::uint32_t gram = gram_at(phrases_[k].data(), gram_size_);
        const std::uint32_t hash = gram_hash(gram);
        gram_filter_[hash >> 6] |= std::uint64_t{1} << (hash & 63);
        auto same = std::find_if(grams_.begin(), grams_.end(), [&](const auto& g) { return g.first == gram; });
        if (same == grams_.end()) grams_.emplace_back(gram, std::uint64_t{1} << k);
        else same->second |= std::uint64_t{1} << k;
    }
}

bool PhraseSet::matches_at(std::string_view text, std::size_t at, std::string_view phrase) const {
    if (phrase.size() > text.size() - at) return false;
    std::size_t k = 0;
    while (k < phrase.size() && ascii_lower(text[at + k]) == phrase[k]) ++k;
    return k == phrase.size();
}

bool PhraseSet::found_by_digits(std::string_view text) const {
    for (std::size_t d = 0; d < required_digits_.size(); ++d)
        for (std::size_t at = text.find(required_digits_[d]); at != std::string_view::npos;
             at = text.find(required_digits_[d], at + 1))
            for (const Anchored& a : anchored_[d])
                if (at >= a.offset && matches_at(text, at - a.offset, phrases_[a.phrase])) return true;
    return false;
}

bool PhraseSet::found_by_grams(std::string_view text) const {
    const char* data = text.data();
    const std::size_t n = text.size();
    for (std::size_t at = 0; at + gram_size_ <= n; ++at) {
        // Four bytes at once where the text has them.
        const std::uint32_t gram = at + 4 <= n ? gram_of_word(data + at, gram_size_) : gram_at(data + at, gram_size_);
        const std::uint32_t hash = gram_hash(gram);
        if (!(gram_filter_[hash >> 6] >> (hash & 63) & 1)) continue;
        for (const auto& [phrase_gram, phrases] : grams_) {
            if (phrase_gram != gram) continue;
            for (std::uint64_t left = phrases; left; left &= left - 1)
                if (matches_at(text, at, phrases_[static_cast<std::size_t>(std::countr_zero(left))])) return true;
        }
    }
    return false;
}

std::string PhraseSet::digits_every_phrase_holds(std::span<const std::string_view> phrases) {
    // Greedily, the digit most phrases not yet covered hold, until all are.
    std::vector<std::string_view> uncovered(phrases.begin(), phrases.end());
    std::string digits;
    while (!uncovered.empty()) {
        std::array<std::size_t, 10> holding{};
        for (std::string_view phrase : uncovered)
            for (char d = '0'; d <= '9'; ++d)
                if (phrase.find(d) != std::string_view::npos) ++holding[static_cast<std::size_t>(d - '0')];
        const auto best = std::max_element(holding.begin(), holding.end());
        if (*best == 0) return {};  // a phrase without a digit
        const char digit = static_cast<char>('0' + (best - holding.begin()));
        digits += digit;
        std::erase_if(uncovered, [&](std::string_view phrase) { return phrase.find(digit) != std::string_view::npos; });
    }
    return digits;
}

bool PhraseSet::found_in(std::string_view text) const {
    if (has_empty_) return true;
    // Beyond 64 phrases the masks cannot name them all: search each.
    if (phrases_.size() > 64)
        return std::any_of(phrases_.begin(), phrases_.end(),
                           [&](std::string_view phrase) { return find_ci(text, phrase, 0) != std::string_view::npos; });
    if (phrases_.empty()) return false;
    if (!required_digits_.empty()) return found_by_digits(text);
    if (gram_size_ > 0) return found_by_grams(text);
    for (std::size_t end = window_ - 1; end < text.size();) {
        const auto last = static_cast<unsigned char>(text[end]);
        const std::size_t start = end + 1 - window_;
        for (std::uint64_t left = ending_with_[last]; left; left &= left - 1) {
            const std::string_view phrase = phrases_[static_cast<std::size_t>(std::countr_zero(left))];
            if (phrase.size() > text.size() - start) continue;
            std::size_t k = 0;
            while (k < phrase.size() && ascii_lower(text[start + k]) == phrase[k]) ++k;
            if (k == phrase.size()) return true;
        }
        end += shift_[last];
    }
    return false;
}

bool contains_any_lowercase(std::string_view text, std::span<const std::string_view> phrases) {
    return PhraseSet(phrases).found_in(text);
}

std::vector<std::string> function_refs(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '(' || i == 0 || !is_ident_char(text[i - 1])) continue;
        auto close = text.find(')', i);
        if (close == std::string_view::npos || close - i > 3) continue;
        std::size_t begin = i;
        while (begin > 0 && is_ident_char(text[begin - 1])) --begin;
        std::string name(text.substr(begin, i - begin));
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
    return out;
}

namespace {

struct Spelling {
    std::string_view text;
    std::string_view mention_id;
};

/// Every arch spelling, bucketed by its first byte, longest first in each
/// bucket, so "x86-64" wins over "x86" and "ARM EABI" over "ARM"; and for
/// each first byte, the second bytes its spellings have, so that most words
/// are ruled out by two bytes. Built once.
struct SpellingTable {
    std::array<std::vector<Spelling>, 256> by_first{};
    std::array<std::bitset<256>, 256> seconds{};
    /// Bytes that keep a word going for starts_word: an identifier byte or '-'.
    std::array<bool, 256> continues_word{};

    SpellingTable() {
        for (const auto& name : archdata::all_arch_names())
            for (auto spelling : split_bar(name.spellings)) {
                if (spelling.empty()) continue;
                auto first = static_cast<unsigned char>(spelling.front());
                by_first[first].push_back({spelling, name.mention_id});
                if (spelling.size() > 1) seconds[first].set(static_cast<unsigned char>(spelling[1]));
                else seconds[first].set();  // a one-byte spelling: any second byte
            }
        for (auto& bucket : by_first)
            std::stable_sort(bucket.begin(), bucket.end(),
                             [](const Spelling& a, const Spelling& b) { return a.text.size() > b.text.size(); });
        for (int c = 0; c < 256; ++c) continues_word[static_cast<std::size_t>(c)] = is_ident_char(char(c)) || c == '-';
    }

    const Spelling* longest_at(std::string_view text, std::size_t pos) const {
        const auto first = static_cast<unsigned char>(text[pos]);
        if (pos + 1 < text.size() && !seconds[first].test(static_cast<unsigned char>(text[pos + 1]))) return nullptr;
        for (const Spelling& s : by_first[first])
            if (pos + s.text.size() <= text.size() && (s.text.size() < 2 || text[pos + 1] == s.text[1]) &&
                text.compare(pos, s.text.size(), s.text) == 0 && ends_word(text, pos + s.text.size()))
                return &s;
        return nullptr;
    }
};

const SpellingTable& spelling_table() {
    static const SpellingTable table;
    return table;
}

}  // namespace

std::vector<ArchMentionInText> arch_mentions_in(std::string_view text) {
    std::vector<ArchMentionInText> found;
    const SpellingTable& table = spelling_table();
    // One pass, left to right: at each word start the longest spelling that
    // ends a word is taken, and the scan goes on after it.
    for (std::size_t pos = 0; pos < text.size();) {
        const Spelling* taken = starts_word(text, pos) ? table.longest_at(text, pos) : nullptr;
        if (!taken) {
            // The rest of this word cannot start a spelling: skip to the next word start.
            ++pos;
            while (pos < text.size() && table.continues_word[static_cast<unsigned char>(text[pos - 1])]) ++pos;
            continue;
        }
        found.push_back({std::string(taken->mention_id), pos});
        pos += taken->text.size();
    }
    return found;
}

std::set<std::string> abis_mentioned_in(std::string_view text) {
    std::set<std::string> abis;
    for (const auto& m : arch_mentions_in(text))
        for (auto& abi : archdata::abis_of_mention(m.mention_id)) abis.insert(abi);
    return abis;
}

bool has_generic_arch_phrase(std::string_view text) {
    static const PhraseSet kPhrases(kGenericPhrases);
    return kPhrases.found_in(text);
}

bool may_name_x86(std::string_view text) {
    // The x86 spellings in lower case: the set ignores case, so it finds
    // every text arch_mentions_in would find one in, and a few more.
    struct X86Spellings {
        std::vector<std::string> lowered;
        std::vector<std::string_view> views;
        X86Spellings() {
            for (const auto& name : archdata::all_arch_names()) {
                if (!archdata::is_x86_mention(name.mention_id)) continue;
                for (auto spelling : split_bar(name.spellings)) {
                    if (spelling.empty()) continue;
                    std::string low(spelling);
                    for (char& c : low) c = ascii_lower(c);
                    lowered.push_back(std::move(low));
                }
            }
            views.assign(lowered.begin(), lowered.end());
        }
    };
    static const X86Spellings spellings;
    static const PhraseSet set(spellings.views);
    return set.found_in(text);
}

std::set<std::string> abis_of_word_size_families(std::string_view text) {
    static constexpr std::string_view kNouns[] = {"architecture", "platform", "system", "abi", "kernel", "port"};
    std::set<std::string> abis;
    for (int bits : {32, 64}) {
        const std::string spelled = std::to_string(bits) + "-bit";
        for (auto at = text.find(spelled); at != std::string_view::npos; at = text.find(spelled, at + 1)) {
            // The noun follows within a few words: "64-bit architectures",
            // "32-bit x86 systems" is an arch name, handled elsewhere.
            std::string_view after = text.substr(at + spelled.size(), 24);
            bool family = false;
            for (auto noun : kNouns) family = family || contains_ci(after.substr(0, after.find_first_of(".,;:)")), noun);
            if (!family || !arch_mentions_in(after.substr(0, after.find_first_of(".,;:)"))).empty()) continue;
            for (const auto& arch : archdata::all_arches())
                if (arch.word_bits == bits) abis.insert(std::string(arch.id));
        }
    }
    return abis;
}

namespace {

// "implement" says where a call exists ("only x86 implements it"), but not
// in a purpose clause: "(ab)use registers in order to implement pipe()"
// speaks of how.
bool says_implemented(std::string_view sentence) {
    constexpr std::string_view kWord = "implement";
    for (auto at = find_ci(sentence, kWord, 0); at != std::string_view::npos; at = find_ci(sentence, kWord, at + 1))
        if (at < 3 || find_ci(sentence.substr(at - 3, 3), "to ", 0) != 0) return true;
    return false;
}

}  // namespace

bool speaks_of_existence(std::string_view sentence) {
    static constexpr std::string_view kWords[] = {
        "exist", "available", "provide", "absent", "lack", "instead", "replace", "in place of",
        "rather than", "not on", "only on", "only for", "no such", "enosys", "missing", "not present",
        "not supported", "is supported", "are supported", "wired", "there is no", "has no", "have no",
    };
    // Most sentences hold none of the words, "implement" and "vdso" either:
    // one pass says so, before the passes that tell them apart.
    static constexpr auto kAnyWord = [] {
        std::array<std::string_view, std::size(kWords) + 2> all{};
        std::copy(std::begin(kWords), std::end(kWords), all.begin());
        all[std::size(kWords)] = "implement";
        all[std::size(kWords) + 1] = "vdso";
        return all;
    }();
    static const PhraseSet kAny(kAnyWord);
    if (!kAny.found_in(sentence)) return false;
    if (contains_ci(sentence, "vdso")) return false;
    static const PhraseSet kPhrases(kWords);
    return says_implemented(sentence) || kPhrases.found_in(sentence);
}

bool speaks_of_arguments(std::string_view sentence) {
    static constexpr std::string_view kWords[] = {
        "argument", "parameter", "register", "calling convention", "padding", "aligned", "signature", "prototype",
    };
    static const PhraseSet kPhrases(kWords);
    return kPhrases.found_in(sentence);
}

}  // namespace manaudit::audit
