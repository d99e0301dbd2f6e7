// Evaluating `#if` conditions and Kconfig selects of kernel sources as text.
#include "parsers/kernel/source_conditions.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <vector>

namespace manaudit::kernel {

namespace {

bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// A recursive-descent reader of `#if` expressions: ||, &&, comparisons,
/// !, defined(X), IS_ENABLED(X), numbers, parentheses. Unknown names are 0,
/// as in the preprocessor.
class Expression {
public:
    Expression(std::string_view text, const SourceConfig& config) : text_(text), config_(config) {}
    long long evaluate() { return logical_or(); }

private:
    std::string_view text_;
    const SourceConfig& config_;
    std::size_t at_ = 0;

    void skip_space() {
        while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_]))) ++at_;
    }
    bool take(std::string_view op) {
        skip_space();
        if (text_.substr(at_, op.size()) != op) return false;
        at_ += op.size();
        return true;
    }
    std::string identifier() {
        skip_space();
        std::size_t start = at_;
        while (at_ < text_.size() && is_identifier_char(text_[at_])) ++at_;
        return std::string(text_.substr(start, at_ - start));
    }
    bool is_set(const std::string& name) const { return config_.is_set(name); }

    long long logical_or() {
        long long v = logical_and();
        while (take("||")) v = logical_and() || v;
        return v;
    }
    long long logical_and() {
        long long v = comparison();
        while (take("&&")) v = comparison() && v;
        return v;
    }
    long long comparison() {
        long long v = unary();
        if (take("==")) return v == unary();
        if (take("!=")) return v != unary();
        if (take(">=")) return v >= unary();
        if (take("<=")) return v <= unary();
        if (take(">")) return v > unary();
        if (take("<")) return v < unary();
        return v;
    }
    long long unary() {
        if (take("!")) return !unary();
        return primary();
    }
    long long primary() {
        if (take("(")) {
            long long v = logical_or();
            take(")");
            return v;
        }
        skip_space();
        if (at_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[at_]))) {
            long long v = 0;
            while (at_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[at_])))
                v = v * 10 + (text_[at_++] - '0');
            while (at_ < text_.size() && is_identifier_char(text_[at_])) ++at_;  // 32UL
            return v;
        }
        std::string name = identifier();
        if (name.empty()) {
            if (at_ < text_.size()) ++at_;  // an operator this reader does not know
            return 0;
        }
        if (name == "defined" || name == "IS_ENABLED" || name == "IS_BUILTIN") {
            bool paren = take("(");
            bool v = is_set(identifier());
            if (paren) take(")");
            return v;
        }
        if (name == "BITS_PER_LONG" || name == "__BITS_PER_LONG") return config_.bits_per_long;
        if (take("(")) {  // an unknown function-like macro: 0, its arguments skipped
            for (int depth = 1; at_ < text_.size() && depth > 0; ++at_)
                depth += text_[at_] == '(' ? 1 : text_[at_] == ')' ? -1 : 0;
        }
        return is_set(name) ? 1 : 0;
    }
};

// Blanks comments and string-free code's `//` tails, keeping newlines.
std::string without_comments(std::string_view text) {
    std::string out(text);
    for (std::size_t i = 0; i + 1 < out.size(); ++i) {
        if (out[i] == '"' || out[i] == '\'') {  // a literal may hold "/*"
            char quote = out[i];
            for (++i; i < out.size() && out[i] != quote && out[i] != '\n'; ++i)
                if (out[i] == '\\') ++i;
            continue;
        }
        if (out[i] == '/' && out[i + 1] == '*') {
            std::size_t end = out.find("*/", i + 2);
            end = end == std::string::npos ? out.size() : end + 2;
            for (std::size_t j = i; j < end; ++j)
                if (out[j] != '\n') out[j] = ' ';
            i = end - 1;
        } else if (out[i] == '/' && out[i + 1] == '/') {
            for (; i < out.size() && out[i] != '\n'; ++i) out[i] = ' ';
        }
    }
    return out;
}

struct Group {
    bool parent_active;
    bool active;
    bool taken;  ///< some branch of the group was taken
};

}  // namespace

/// For a Kconfig symbol naming one of an arch's kernels by word size
/// (X86_32, PPC64, SPARC64, 64BIT): whether it holds for `bits`; nullopt for
/// any other symbol.
std::optional<bool> word_size_symbol(std::string_view symbol, int bits) {
    if (symbol == "64BIT" || symbol == "32BIT") return symbol == (bits == 64 ? "64BIT" : "32BIT");
    std::string_view size = symbol.size() >= 3 ? symbol.substr(symbol.size() - 2) : std::string_view();
    if (size != "32" && size != "64") return std::nullopt;
    std::string_view family = symbol.substr(0, symbol.size() - 2);
    if (family.ends_with('_')) family.remove_suffix(1);
    if (family.empty() || family.find('_') != std::string_view::npos ||
        !std::all_of(family.begin(), family.end(), [](char c) {
            return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c));
        }))
        return std::nullopt;
    return size == (bits == 64 ? "64" : "32");
}

bool SourceConfig::is_set(const std::string& name) const {
    if (defined.count(name)) return true;
    if (undefined.count(name)) return false;
    constexpr std::string_view prefix = "CONFIG_";
    if (!name.starts_with(prefix)) return false;
    // CONFIG_<ARCH>32, CONFIG_<ARCH>_64: which of an arch's kernels this is.
    if (auto holds = word_size_symbol(std::string_view(name).substr(prefix.size()), bits_per_long)) return *holds;
    return assume_options;
}

bool condition_holds(std::string_view expression, const SourceConfig& config) {
    return Expression(expression, config).evaluate() != 0;
}

namespace {

// The end of the logical line starting at `start`: backslash-newline continues it.
std::size_t logical_line_end(const std::string& code, std::size_t start) {
    std::size_t end = start;
    while (true) {
        end = code.find('\n', end);
        if (end == std::string::npos) return code.size();
        if (end > start && code[end - 1] == '\\') {
            ++end;
            continue;
        }
        return end;
    }
}

/// A preprocessor directive: its name and its argument on one line.
struct Directive {
    std::string_view word;  ///< "if", "ifdef", "endif"...
    std::string argument;   ///< continuation backslashes and newlines made blanks
};

std::optional<Directive> directive_of(std::string_view line) {
    std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] != '#') return std::nullopt;
    std::string_view rest = line.substr(first + 1);
    std::size_t word_start = rest.find_first_not_of(" \t");
    rest = word_start == std::string_view::npos ? std::string_view() : rest.substr(word_start);
    std::size_t word_end = 0;
    while (word_end < rest.size() && is_identifier_char(rest[word_end])) ++word_end;
    Directive directive{rest.substr(0, word_end), std::string(rest.substr(word_end))};
    for (char& c : directive.argument)
        if (c == '\\' || c == '\n') c = ' ';
    return directive;
}

// Opens, switches or closes a conditional group as the directive says.
void follow_directive(const Directive& directive, const SourceConfig& config, std::vector<Group>& groups) {
    const std::string_view word = directive.word;
    const std::string& flat = directive.argument;
    if (word == "if" || word == "ifdef" || word == "ifndef") {
        bool holds = word == "if"       ? condition_holds(flat, config)
                     : word == "ifdef" ? condition_holds("defined(" + flat + ")", config)
                                       : !condition_holds("defined(" + flat + ")", config);
        bool parent = groups.empty() || groups.back().active;
        groups.push_back({parent, parent && holds, holds});
    } else if ((word == "elif" || word == "else") && !groups.empty()) {
        Group& g = groups.back();
        bool holds = !g.taken && (word == "else" || condition_holds(flat, config));
        g.active = g.parent_active && holds;
        g.taken = g.taken || holds;
    } else if (word == "endif" && !groups.empty()) {
        groups.pop_back();
    }
}

}  // namespace

std::string active_source(std::string_view text, const SourceConfig& config) {
    std::string code = without_comments(text);
    std::vector<Group> groups;
    auto active = [&] { return groups.empty() || groups.back().active; };
    std::size_t start = 0;
    while (start < code.size()) {
        const std::size_t end = logical_line_end(code, start);
        const auto directive = directive_of(std::string_view(code.data() + start, end - start));
        if (directive) follow_directive(*directive, config, groups);
        if (directive || !active())
            for (std::size_t i = start; i < end; ++i)
                if (code[i] != '\n') code[i] = ' ';
        start = end + 1;
    }
    return code;
}

namespace {

// "X86_32", "!64BIT": a word-size symbol, negated or not, true of a kernel of `bits`.
bool word_size_holds(std::string_view cond, int bits) {
    bool negated = cond.starts_with('!');
    if (negated) cond.remove_prefix(1);
    std::optional<bool> holds = word_size_symbol(cond, bits);
    return holds && *holds != negated;
}

/// "select SYMBOL if COND": the symbol and the words after it, up to a comment.
struct SelectLine {
    std::string symbol;
    std::vector<std::string_view> condition;
};

// What follows "select" on a line; nothing when it names no symbol.
std::optional<SelectLine> parse_select(std::string_view line) {
    std::size_t sym_start = line.find_first_not_of(" \t");
    if (sym_start == std::string_view::npos) return std::nullopt;
    std::size_t sym_end = sym_start;
    while (sym_end < line.size() && is_identifier_char(line[sym_end])) ++sym_end;
    SelectLine select{std::string(line.substr(sym_start, sym_end - sym_start)), {}};
    for (std::string_view rest = line.substr(sym_end); !rest.empty();) {
        std::size_t ws = rest.find_first_not_of(" \t");
        if (ws == std::string_view::npos || rest[ws] == '#') break;
        rest.remove_prefix(ws);
        std::size_t we = rest.find_first_of(" \t");
        select.condition.push_back(rest.substr(0, we));
        rest = we == std::string_view::npos ? std::string_view() : rest.substr(we);
    }
    return select;
}

// Only `if SYMBOL` on the word size is judged; `if A && B` is left out.
bool select_applies(const SelectLine& select, int bits) {
    const auto& words = select.condition;
    return words.empty() || (words.size() == 2 && words[0] == "if" && word_size_holds(words[1], bits));
}

// The entry that selects the most: the arch's own.
std::string most_selecting(const std::map<std::string, int>& counts) {
    std::string main_block;
    int most = 0;
    for (const auto& [name, n] : counts)
        if (n > most) {
            most = n;
            main_block = name;
        }
    return main_block;
}

}  // namespace

std::set<std::string> kconfig_selects(std::string_view kconfig, int bits) {
    std::map<std::string, std::set<std::string>> by_block;
    std::map<std::string, int> counts;
    std::string block;
    std::size_t start = 0;
    while (start < kconfig.size()) {
        std::size_t end = kconfig.find('\n', start);
        if (end == std::string_view::npos) end = kconfig.size();
        std::string_view line = kconfig.substr(start, end - start);
        start = end + 1;
        std::size_t first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos) continue;
        line = line.substr(first);
        if (first == 0 && (line.starts_with("config ") || line.starts_with("menuconfig "))) {
            block = std::string(line.substr(line.find(' ') + 1));
            continue;
        }
        if (first == 0) block.clear();  // menu, choice, source, if: outside any entry
        if (block.empty() || !line.starts_with("select")) continue;
        const auto select = parse_select(line.substr(6));
        if (!select) continue;
        ++counts[block];
        if (select_applies(*select, bits)) by_block[block].insert("CONFIG_" + select->symbol);
    }
    const std::string main_block = most_selecting(counts);
    // The entries for this word size's kernel (`config X86_32`) add theirs.
    std::set<std::string> selects = by_block[main_block];
    for (const auto& [name, symbols] : by_block)
        if (name != main_block && word_size_holds(name, bits)) selects.insert(symbols.begin(), symbols.end());
    return selects;
}

}  // namespace manaudit::kernel
