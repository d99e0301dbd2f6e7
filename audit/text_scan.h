// Small text helpers the checks share: whole-word search, sentences, arch names.
#pragma once

#include <array>
#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manpages/sentences.h"

namespace manaudit::audit {

/// Where `word` first occurs in `text` at or after `from` with no identifier
/// character on either side; npos if nowhere.
std::size_t find_identifier(std::string_view text, std::string_view word, std::size_t from = 0);

/// True if `word` occurs in `text` with no identifier character on either side.
bool contains_identifier(std::string_view text, std::string_view word);

/// Case-insensitive substring search.
bool contains_ci(std::string_view text, std::string_view needle);
/// Whether `text`, in any case, holds one of `phrases` (written in lower
/// case): the text is lowered once, not once a phrase.
bool contains_any_lowercase(std::string_view text, std::span<const std::string_view> phrases);

/// Lower-case phrases looked for in many texts, prepared once. With long
/// phrases, the search slides a window as long as the shortest phrase along
/// the text and jumps by what the window's last byte allows (Horspool's rule
/// for a set of phrases), so most bytes of a text are never read. With short
/// ones, where jumps are short, each position's first bytes are hashed
/// against the phrases' first bytes, a bit test apiece. Where every phrase
/// holds a digit ("x86", "i386"), only the places of those digits are
/// looked at. Keep one as a static beside its phrases.
class PhraseSet {
public:
    explicit PhraseSet(std::span<const std::string_view> phrases);
    /// Whether `text`, in any case, holds one of the phrases.
    bool found_in(std::string_view text) const;

    /// The digits the search is anchored at, when every phrase holds one of
    /// them (for tests); empty otherwise.
    const std::string& required_digits() const { return required_digits_; }

private:
    static std::string digits_every_phrase_holds(std::span<const std::string_view> phrases);
    bool matches_at(std::string_view text, std::size_t at, std::string_view phrase) const;
    bool found_by_digits(std::string_view text) const;
    bool found_by_grams(std::string_view text) const;

    std::vector<std::string_view> phrases_;
    bool has_empty_ = false;

    /// Digits one of which every phrase holds (empty when some phrase holds
    /// none). Then each occurrence of such a digit in a text, found by
    /// memchr, is checked as the place of that digit in the phrases it was
    /// chosen for: digits are rare in prose, so most texts cost a memchr.
    std::string required_digits_;
    struct Anchored {
        std::size_t phrase;  ///< index in phrases_
        std::size_t offset;  ///< where its digit is
    };
    std::vector<std::vector<Anchored>> anchored_;  ///< per required digit, in that order

    /// Short phrases: a gram is a position's first gram_size_ bytes (at most
    /// 4), read as a little-endian number with each byte ORed with 0x20,
    /// which lowers letters and keeps every match a match.
    std::size_t gram_size_ = 0;  ///< 0: another search
    /// Bit h set when some phrase's gram hashes to h.
    std::array<std::uint64_t, 1024> gram_filter_{};
    /// Each phrase gram, with the phrases starting with it (bit k: phrases_[k]).
    std::vector<std::pair<std::uint32_t, std::uint64_t>> grams_;

    /// Long phrases (Horspool's search).
    std::size_t window_ = 0;  ///< the shortest phrase's length
    /// Per byte at a window's end, as its lower case: how far the window may move on.
    std::array<std::size_t, 256> shift_{};
    /// Per byte, as its lower case: the phrases whose window-long start ends with it (bit k: phrases_[k]).
    std::array<std::uint64_t, 256> ending_with_{};
};

using manpages::split_sentences;

/// Names written as calls: "open" for "open()" and "open(2)".
std::vector<std::string> function_refs(std::string_view text);

/// An architecture named in text, mapped through the arch table.
struct ArchMentionInText {
    std::string mention_id;  ///< "x86-64", "arm64", "ia64"
    std::size_t offset = 0;
};

/// Every architecture name in `text`, longest spelling first, no overlaps.
std::vector<ArchMentionInText> arch_mentions_in(std::string_view text);

/// The ABI ids covered by the arch names in `text`.
std::set<std::string> abis_mentioned_in(std::string_view text);

/// True if `text` says the matter depends on the architecture without naming
/// one: "on some architectures", "architecture-dependent", ...
bool has_generic_arch_phrase(std::string_view text);

/// False when `text` surely names no x86 arch (x86, x86-64, i386, x32):
/// a quick test before arch_mentions_in, which reads every word.
bool may_name_x86(std::string_view text);

/// The ABIs a word-size family in `text` stands for: "64-bit architectures"
/// is every 64-bit ABI, "32-bit platforms" every 32-bit one. Only a family
/// named as architectures, platforms, systems or ABIs counts ("a 64-bit
/// value" names none).
std::set<std::string> abis_of_word_size_families(std::string_view text);

/// True if a sentence speaks of whether something exists or where: "does
/// not exist", "is available only", "instead", "not implemented". A sentence
/// about the vDSO speaks of speed, not of existence.
bool speaks_of_existence(std::string_view sentence);

/// True when a sentence speaks of how a call takes its arguments: their
/// order, number, registers or padding.
bool speaks_of_arguments(std::string_view sentence);

}  // namespace manaudit::audit
