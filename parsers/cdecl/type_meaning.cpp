// Normalizing C types for comparison by meaning.
#include "parsers/cdecl/type_meaning.h"

#include <algorithm>

#include "parsers/cdecl/c_tokens.h"

namespace manaudit::cdecl {

namespace {

bool is_ignored_word(std::string_view w) {
    return is_annotation(w) || w == "restrict" || w == "__restrict" || w == "__restrict__" || w == "register" ||
           w == "__extension__";
}

bool is_qualifier(std::string_view w) { return w == "const" || w == "volatile"; }

bool is_builtin_word(std::string_view w) {
    return w == "void" || w == "char" || w == "short" || w == "int" || w == "long" || w == "float" ||
           w == "double" || w == "signed" || w == "unsigned" || w == "_Bool" || w == "bool" || w == "_Complex";
}

bool is_tag_keyword(std::string_view w) { return w == "struct" || w == "union" || w == "enum"; }

// One spelling per builtin type, as clang prints canonical types.
std::string builtin_spelling(const std::vector<std::string>& words) {
    int longs = 0;
    bool is_unsigned = false, is_signed = false, is_short = false, is_char = false, has_int = false;
    std::string other;
    for (const std::string& w : words) {
        if (w == "long") ++longs;
        else if (w == "unsigned") is_unsigned = true;
        else if (w == "signed") is_signed = true;
        else if (w == "short") is_short = true;
        else if (w == "char") is_char = true;
        else if (w == "int") has_int = true;
        else if (w == "bool") other += (other.empty() ? "" : " ") + std::string("_Bool");
        else other += (other.empty() ? "" : " ") + w;
    }
    if (!other.empty()) return longs ? "long " + other : other;  // void, float, double, long double, _Bool
    if (is_char) return is_unsigned ? "unsigned char" : is_signed ? "signed char" : "char";
    std::string base = is_short ? "short" : longs == 1 ? "long" : longs >= 2 ? "long long" : "int";
    (void)has_int;
    return is_unsigned ? "unsigned " + base : base;
}

/// Drops qualifiers that apply to the whole type (C ignores them on
/// parameters and results): trailing ones after the last top-level `*`, or
/// all top-level ones when there is no top-level pointer.
void drop_top_level_qualifiers(std::vector<std::string>& words) {
    int depth = 0;
    std::ptrdiff_t last_star = -1;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i] == "(" || words[i] == "[") ++depth;
        else if (words[i] == ")" || words[i] == "]") --depth;
        else if (depth == 0 && words[i] == "*") last_star = static_cast<std::ptrdiff_t>(i);
    }
    if (std::find(words.begin(), words.end(), "(") != words.end() && last_star < 0) return;  // function pointer
    std::vector<std::string> kept;
    depth = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i] == "(" || words[i] == "[") ++depth;
        else if (words[i] == ")" || words[i] == "]") --depth;
        if (depth == 0 && is_qualifier(words[i]) && static_cast<std::ptrdiff_t>(i) > last_star) continue;
        kept.push_back(words[i]);
    }
    words = std::move(kept);
}

/// `T x[n]` as a parameter is `T *x`: the first top-level bracket group becomes `*`.
void decay_array(std::vector<std::string>& words) {
    int depth = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i] == "(") ++depth;
        else if (words[i] == ")") --depth;
        else if (depth == 0 && words[i] == "[") {
            std::size_t close = i;
            int inner = 0;
            for (std::size_t k = i; k < words.size(); ++k) {
                if (words[k] == "[") ++inner;
                else if (words[k] == "]" && --inner == 0) {
                    close = k;
                    break;
                }
            }
            if (close == i) return;
            words.erase(words.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                        words.begin() + static_cast<std::ptrdiff_t>(close) + 1);
            words[i] = "*";
            return;
        }
    }
}

/// Qualifiers first within each run between pointers ("char const *" and
/// "const char *" are one type), builtin words spelled one way.
std::vector<std::string> canonical_order(const std::vector<std::string>& words) {
    std::vector<std::string> out;
    std::vector<std::string> qualifiers, builtin, rest;
    auto flush = [&] {
        std::sort(qualifiers.begin(), qualifiers.end());
        qualifiers.erase(std::unique(qualifiers.begin(), qualifiers.end()), qualifiers.end());
        out.insert(out.end(), qualifiers.begin(), qualifiers.end());
        if (!builtin.empty()) out.push_back(builtin_spelling(builtin));
        out.insert(out.end(), rest.begin(), rest.end());
        qualifiers.clear();
        builtin.clear();
        rest.clear();
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w == "*" || w == "(" || w == ")" || w == "[" || w == "]" || w == ",") {
            flush();
            out.push_back(w);
        } else if (is_qualifier(w)) {
            qualifiers.push_back(w);
        } else if (is_builtin_word(w)) {
            builtin.push_back(w);
        } else {
            rest.push_back(w);
        }
    }
    flush();
    return out;
}

}  // namespace

TypeMeaning type_meaning(std::string_view type, TypeRole role, const TypedefLookup& lookup) {
    TypeMeaning meaning;
    std::vector<Token> tokens = tokenize(type);
    std::vector<std::string> words;
    int brackets = 0;  // an array's size names no type ("void buf[.count]")
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string& t = tokens[i].text;
        if (t == "[") ++brackets;
        else if (t == "]") --brackets;
        if (is_ignored_word(t)) continue;
        const bool tag = i > 0 && is_tag_keyword(tokens[i - 1].text);
        if (lookup && brackets == 0 && is_identifier(tokens[i]) && !tag && !is_type_keyword(t)) {
            if (const std::string* canonical = lookup(t)) {
                for (const Token& r : tokenize(*canonical))
                    if (!is_ignored_word(r.text)) words.push_back(r.text);
                continue;
            }
            meaning.resolved = false;
        }
        words.push_back(t);
    }
    if (role == TypeRole::parameter) decay_array(words);
    words = canonical_order(words);
    drop_top_level_qualifiers(words);
    for (const std::string& w : words) meaning.text += (meaning.text.empty() ? "" : " ") + w;
    return meaning;
}

std::vector<std::string> typedef_names_in(std::string_view type) {
    std::vector<std::string> out;
    std::vector<Token> tokens = tokenize(type);
    int brackets = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string& t = tokens[i].text;
        if (t == "[") ++brackets;
        else if (t == "]") --brackets;
        if (brackets > 0 || !is_identifier(tokens[i]) || is_type_keyword(t) || is_ignored_word(t)) continue;
        if (i > 0 && is_tag_keyword(tokens[i - 1].text)) continue;
        out.push_back(t);
    }
    return out;
}

}  // namespace manaudit::cdecl
