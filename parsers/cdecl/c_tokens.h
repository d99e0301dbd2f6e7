// A small C tokenizer for declarations shown in man pages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace manaudit::cdecl {

struct Token {
    enum class Kind { identifier, number, punct, ellipsis };
    Kind kind = Kind::punct;
    std::string text;
    int line = 0;  ///< 1-based line within the tokenized text's source, as given
};

/// Tokenizes `text`; comments are skipped. `first_line` is the line of the
/// text's first line; newlines advance it.
std::vector<Token> tokenize(std::string_view text, int first_line = 1);

/// Joins tokens the way C declarations are usually written:
/// "const char *pathname", "void (*)(int)", "char *const argv[]".
std::string join_tokens(const std::vector<Token>& tokens, std::size_t begin, std::size_t end);

bool is_identifier(const Token& token);
/// Type keywords and qualifiers that never name a parameter.
bool is_type_keyword(std::string_view word);
/// Annotations that do not change a type: _Nullable, _Nonnull.
bool is_annotation(std::string_view word);

/// Collapses runs of blanks to one space and trims.
std::string normalize_space(std::string_view text);

}  // namespace manaudit::cdecl
