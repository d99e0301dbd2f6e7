// Tokenizing and re-joining C declarations.
#include "parsers/cdecl/c_tokens.h"

#include <array>

namespace manaudit::cdecl {

namespace {

bool ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9'); }

constexpr std::string_view kTypeKeywords[] = {
    "void", "char", "short", "int", "long", "float", "double", "signed", "unsigned",
    "const", "volatile", "restrict", "__restrict", "struct", "union", "enum", "_Bool", "bool",
    "_Complex", "extern", "static", "inline", "register", "_Noreturn", "_Atomic",
};

}  // namespace

bool is_identifier(const Token& token) { return token.kind == Token::Kind::identifier; }

bool is_type_keyword(std::string_view word) {
    for (std::string_view k : kTypeKeywords)
        if (k == word) return true;
    return false;
}

bool is_annotation(std::string_view word) {
    return word == "_Nullable" || word == "_Nonnull" || word == "_Null_unspecified";
}

std::vector<Token> tokenize(std::string_view text, int first_line) {
    std::vector<Token> tokens;
    int line = first_line;
    std::size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        if (c == '\n') {
            ++line;
            ++i;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            ++i;
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
            std::size_t end = text.find("*/", i + 2);
            end = end == std::string_view::npos ? text.size() : end + 2;
            for (std::size_t k = i; k < end; ++k) line += text[k] == '\n';
            i = end;
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
            while (i < text.size() && text[i] != '\n') ++i;
        } else if (ident_start(c)) {
            std::size_t start = i;
            while (i < text.size() && ident_char(text[i])) ++i;
            tokens.push_back({Token::Kind::identifier, std::string(text.substr(start, i - start)), line});
        } else if (c >= '0' && c <= '9') {
            std::size_t start = i;
            while (i < text.size() && (ident_char(text[i]) || text[i] == '.')) ++i;
            tokens.push_back({Token::Kind::number, std::string(text.substr(start, i - start)), line});
        } else if (c == '.' && text.substr(i, 3) == "...") {
            tokens.push_back({Token::Kind::ellipsis, "...", line});
            i += 3;
        } else {
            tokens.push_back({Token::Kind::punct, std::string(1, c), line});
            ++i;
        }
    }
    return tokens;
}

std::string join_tokens(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
    std::string out;
    for (std::size_t i = begin; i < end; ++i) {
        const std::string& t = tokens[i].text;
        if (i > begin) {
            const std::string& prev = tokens[i - 1].text;
            bool space = true;
            if (t == "," || t == ")" || t == "]" || t == ";" || t == "[") space = false;
            if (prev == "(" || prev == "[") space = false;
            if (prev == "*") space = false;  // "char *const", "void *_Nullable"
            if (t == "*" && (prev == "*" || prev == "(")) space = false;
            if (t == "(") space = i + 1 < end && (tokens[i + 1].text == "*" || tokens[i + 1].text == "^");
            if (prev == ".") space = false;
            if (t == "." && prev == "[") space = false;
            out += space ? " " : "";
        }
        out += t;
    }
    return out;
}

std::string normalize_space(std::string_view text) {
    std::string out;
    bool blank = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            blank = !out.empty();
            continue;
        }
        if (blank) out += ' ';
        blank = false;
        out += c;
    }
    return out;
}

}  // namespace manaudit::cdecl
