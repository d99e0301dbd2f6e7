// English indefinite articles for generated text: "an accept()", "a read()".
#pragma once

#include <string>
#include <string_view>

namespace manaudit::audit {

/// "a" or "an" for `word` as it is read aloud: "an" before a vowel sound
/// ("an accept", "an unlink", "an mmap", "an fstat", which are spelled out
/// letter by letter), "a" before a consonant sound ("a read", "a uname",
/// "a sched_yield").
std::string_view indefinite_article(std::string_view word);

/// `word` with its article: "an accept()".
std::string with_article(std::string_view word);

}  // namespace manaudit::audit
