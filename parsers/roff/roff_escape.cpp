// Escape sequences: fonts, special characters, strings, comments, spacing.
#include "parsers/roff/roff_escape.h"

#include <array>
#include <cstdint>

namespace manaudit::roff {

namespace {

struct SpecialChar {
    std::string_view name;
    std::string_view text;
};

// The special characters man pages use; groff_char(7) has the full list.
constexpr std::array kSpecialChars = {
    SpecialChar{"em", "\u2014"}, SpecialChar{"en", "\u2013"}, SpecialChar{"hy", "-"},
    SpecialChar{"mi", "-"},      SpecialChar{"aq", "'"},      SpecialChar{"dq", "\""},
    SpecialChar{"lq", "\u201c"}, SpecialChar{"rq", "\u201d"}, SpecialChar{"oq", "\u2018"},
    SpecialChar{"cq", "\u2019"}, SpecialChar{"bu", "\u2022"}, SpecialChar{"co", "\u00a9"},
    SpecialChar{"rg", "\u00ae"}, SpecialChar{"tm", "\u2122"}, SpecialChar{"ti", "~"},
    SpecialChar{"ha", "^"},      SpecialChar{"rs", "\\"},     SpecialChar{"ga", "`"},
    SpecialChar{"ul", "_"},      SpecialChar{"sl", "/"},      SpecialChar{"ba", "|"},
    SpecialChar{"Fo", "\u00ab"}, SpecialChar{"Fc", "\u00bb"}, SpecialChar{">=", "\u2265"},
    SpecialChar{"<=", "\u2264"}, SpecialChar{"!=", "\u2260"}, SpecialChar{"mu", "\u00d7"},
    SpecialChar{"+-", "\u00b1"}, SpecialChar{"dg", "\u2020"}, SpecialChar{"de", "\u00b0"},
    SpecialChar{"->", "\u2192"}, SpecialChar{"<-", "\u2190"}, SpecialChar{"==", "\u2261"},
    SpecialChar{"ua", "\u2191"}, SpecialChar{"da", "\u2193"}, SpecialChar{"pl", "+"},
    SpecialChar{"eq", "="},      SpecialChar{"sq", "\u25a1"}, SpecialChar{"*a", "\u03b1"},
    SpecialChar{"*b", "\u03b2"}, SpecialChar{"*m", "\u03bc"}, SpecialChar{"*p", "\u03c0"},
    SpecialChar{"ss", "\u00df"}, SpecialChar{":a", "\u00e4"}, SpecialChar{":o", "\u00f6"},
    SpecialChar{":u", "\u00fc"}, SpecialChar{"'e", "\u00e9"}, SpecialChar{"`e", "\u00e8"},
    SpecialChar{"bv", "|"},      SpecialChar{"lh", "\u261c"}, SpecialChar{"rh", "\u261e"},
    SpecialChar{"en-dash", "\u2013"}, SpecialChar{"shc", ""},  SpecialChar{"OK", "\u2713"},
};

// man(7)'s predefined strings (\*(lq, \*R, ...).
constexpr std::array kPredefinedStrings = {
    SpecialChar{"lq", "\u201c"}, SpecialChar{"rq", "\u201d"}, SpecialChar{"R", "\u00ae"},
    SpecialChar{"S", ""},        SpecialChar{"Tm", "\u2122"}, SpecialChar{"Aq", "'"},
    SpecialChar{"aq", "'"},
};

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Length of the valid UTF-8 sequence at `s`, or 0 if it is not valid.
std::size_t utf8_length(std::string_view s) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    unsigned char c = byte(0);
    std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (n == 0 || s.size() < n) return 0;
    for (std::size_t i = 1; i < n; ++i)
        if ((byte(i) & 0xC0) != 0x80) return 0;
    return n;
}

Font font_from_name(std::string_view name, const EscapeState& state, bool& known) {
    known = true;
    if (name == "B" || name == "3" || name == "CB") return Font::bold;
    if (name == "I" || name == "2" || name == "CI") return Font::italic;
    if (name == "BI" || name == "4") return Font::bold_italic;
    if (name == "R" || name == "1" || name == "CR" || name == "AR" || name == "TR") return Font::roman;
    if (name == "CW" || name == "C") return Font::mono;
    if (name == "P" || name.empty()) return state.previous_font;
    known = false;
    return Font::roman;
}

class Renderer {
public:
    Renderer(std::string_view in, EscapeState& state, Rendered& out, DiagnosticSink& sink,
             SourcePlace place)
        : in_(in), state_(state), out_(out), sink_(sink), place_(place) {}

    void run() {
        while (pos_ < in_.size()) {
            char c = in_[pos_];
            if (c == '\\') {
                escape();
            } else if (c == '\0') {
                warn_once(nul_reported_, "NUL byte in input, ignored");
                ++pos_;
            } else if (static_cast<unsigned char>(c) >= 0x80) {
                std::size_t n = utf8_length(in_.substr(pos_));
                if (n == 0) {
                    warn_once(utf8_reported_, "invalid UTF-8 byte, shown as U+FFFD");
                    emit("\uFFFD");
                    ++pos_;
                } else {
                    emit(in_.substr(pos_, n));
                    pos_ += n;
                }
            } else {
                // Copy a run of plain bytes at once.
                std::size_t end = pos_ + 1;
                while (end < in_.size()) {
                    char d = in_[end];
                    if (d == '\\' || d == '\0' || static_cast<unsigned char>(d) >= 0x80) break;
                    ++end;
                }
                emit(in_.substr(pos_, end - pos_));
                pos_ = end;
            }
        }
    }

private:
    void emit(std::string_view text) {
        if (text.empty()) return;
        std::size_t begin = out_.text.size();
        out_.text += text;
        if (state_.font == Font::roman) return;
        if (!out_.spans.empty() && out_.spans.back().end == begin && out_.spans.back().font == state_.font) {
            out_.spans.back().end = out_.text.size();
        } else {
            out_.spans.push_back({begin, out_.text.size(), state_.font});
        }
    }

    void warn(std::string message) {
        sink_.report(Severity::warning, place_.line, place_.column + static_cast<int>(start_), std::move(message));
    }
    void warn_once(bool& flag, std::string message) {
        if (flag) return;
        flag = true;
        start_ = pos_;
        warn(std::move(message));
    }

    // Reads a name after an escape: `x`, `(xx` or `[name]`. False if broken.
    bool read_name(std::string_view& name, bool allow_single = true) {
        if (pos_ >= in_.size()) return false;
        char c = in_[pos_];
        if (c == '(') {
            if (in_.size() - pos_ < 3) return false;
            name = in_.substr(pos_ + 1, 2);
            pos_ += 3;
            return true;
        }
        if (c == '[') {
            std::size_t close = in_.find(']', pos_ + 1);
            if (close == std::string_view::npos) return false;
            name = in_.substr(pos_ + 1, close - pos_ - 1);
            pos_ = close + 1;
            return true;
        }
        if (!allow_single) return false;
        name = in_.substr(pos_, 1);
        ++pos_;
        return true;
    }

    // Skips a delimited argument: \h'...', \w'...'.
    bool skip_delimited() {
        if (pos_ >= in_.size()) return false;
        char delim = in_[pos_];
        std::size_t close = in_.find(delim, pos_ + 1);
        if (close == std::string_view::npos) return false;
        pos_ = close + 1;
        return true;
    }

    void broken(std::string_view what) {
        warn("broken escape sequence " + std::string(what));
        pos_ = in_.size() < pos_ ? in_.size() : pos_;
    }

    void escape() {
        start_ = pos_;
        ++pos_;
        if (pos_ >= in_.size()) {
            // A lone backslash at the end of a line that was not a continuation.
            emit("\\");
            return;
        }
        char c = in_[pos_++];
        std::string_view name;
        switch (c) {
            case 'f': {
                if (!read_name(name)) return broken("\\f");
                bool known = false;
                Font font = font_from_name(name, state_, known);
                if (!known) warn("unknown font \\f" + std::string(name));
                state_.previous_font = state_.font;
                state_.font = font;
                return;
            }
            case '(':
            case '[': {
                --pos_;
                if (!read_name(name, false)) return broken(std::string("\\") + c);
                special(name);
                return;
            }
            case 'C': {
                if (!skip_delimited()) return broken("\\C");
                std::string_view inner = in_.substr(start_ + 3, pos_ - start_ - 4);
                special(inner);
                return;
            }
            case '*': {
                if (!read_name(name)) return broken("\\*");
                string_ref(name);
                return;
            }
            case '"':
            case '#': {
                out_.has_comment = true;
                out_.comment_column = place_.column + static_cast<int>(start_);
                out_.comment = std::string(in_.substr(pos_));
                pos_ = in_.size();
                return;
            }
            case 'c': out_.joins_next = true; return;
            case '-': emit("-"); return;
            case 'e':
            case 'E':
            case '\\': emit("\\"); return;
            case '&':
            case '%':
            case ':':
            case '|':
            case '^':
            case '/':
            case ',':
            case ')':
            case '{':
            case '}':
            case 'd':
            case 'u':
            case 'r':
            case 'p':
            case 'a': return;
            case ' ':
            case '~':
            case '0': emit(" "); return;
            case 't': emit("\t"); return;
            case '.': emit("."); return;
            case '\'': emit("'"); return;
            case '`': emit("`"); return;
            default:
                if (argument_escape(c)) return;
                // groff prints the character itself for unknown escapes.
                --pos_;
                std::size_t n = static_cast<unsigned char>(c) >= 0x80 ? utf8_length(in_.substr(pos_)) : 1;
                if (n == 0) n = 1;
                emit(in_.substr(pos_, n));
                pos_ += n;
                return;
        }
    }

    // Escapes that take an argument and render nothing (sizes, registers,
    // motions, fonts by name): true if `c` is one of them.
    bool argument_escape(char c) {
        std::string_view name;
        switch (c) {
            case 's': {
                // \s-1, \s+1, \s0, \s10, \s[..], \s(xx
                if (pos_ < in_.size() && (in_[pos_] == '+' || in_[pos_] == '-')) ++pos_;
                if (pos_ < in_.size() && (in_[pos_] == '[' || in_[pos_] == '(')) {
                    if (!read_name(name)) return broken_arg("\\s");
                    return true;
                }
                if (pos_ < in_.size() && in_[pos_] >= '0' && in_[pos_] <= '9') {
                    char first = in_[pos_++];
                    if (first >= '1' && first <= '3' && pos_ < in_.size() && in_[pos_] >= '0' &&
                        in_[pos_] <= '9')
                        ++pos_;
                    return true;
                }
                return broken_arg("\\s");
            }
            case 'n': {
                if (pos_ < in_.size() && (in_[pos_] == '+' || in_[pos_] == '-')) ++pos_;
                if (!read_name(name)) return broken_arg("\\n");
                return true;
            }
            case 'k':
            case 'z':
            case '$':
                if (pos_ < in_.size()) {
                    if (!read_name(name)) return broken_arg(std::string("\\") + c);
                }
                return true;
            case 'h':
            case 'v':
            case 'w':
            case 'o':
            case 'X':
            case 'Z':
            case 'N':
            case 'l':
            case 'L':
            case 'x':
            case 'b':
            case 'D':
            case 'R':
            case 'A':
            case 'B':
                if (!skip_delimited()) return broken_arg(std::string("\\") + c);
                return true;
            case 'm':
            case 'M':
            case 'F':
            case 'g':
            case 'Y':
            case 'V':
                if (!read_name(name)) return broken_arg(std::string("\\") + c);
                return true;
            default: return false;
        }
    }

    bool broken_arg(std::string_view what) {
        broken(what);
        return true;
    }

    void special(std::string_view name) {
        std::string text = special_character(name);
        if (text.empty() && name != "shc") {
            warn("unknown special character \\[" + std::string(name) + "]");
            return;
        }
        emit(text);
    }

    void string_ref(std::string_view name) {
        auto it = state_.strings.find(std::string(name));
        if (it != state_.strings.end()) {
            // Defined strings hold raw roff; a depth limit stops self-reference.
            if (depth_guard_ > 8) {
                // Said once a page: a self-referencing string repeats it at every use.
                if (!state_.recursion_reported) broken("\\* (recursive string)");
                state_.recursion_reported = true;
                return;
            }
            if (!charge_expansion(it->second.size() + 1)) return;
            Rendered inner;
            Renderer nested(it->second, state_, inner, sink_, place_);
            nested.depth_guard_ = depth_guard_ + 1;
            nested.run();
            emit(inner.text);
            return;
        }
        for (const auto& s : kPredefinedStrings) {
            if (s.name == name) {
                emit(s.text);
                return;
            }
        }
        warn("undefined string \\*[" + std::string(name) + "]");
    }

    // Takes `cost` from the page's expansion budget; once it is spent, one
    // error says so and no string is expanded any more.
    bool charge_expansion(std::size_t cost) {
        if (!state_.expansion_exhausted && cost <= state_.expansion_budget) {
            state_.expansion_budget -= cost;
            return true;
        }
        if (!state_.expansion_exhausted) {
            state_.expansion_exhausted = true;
            sink_.report(Severity::error, place_.line, place_.column + static_cast<int>(start_),
                         "string expansion exceeds " + std::to_string(kStringExpansionBudget >> 10) +
                             " KiB for this page (nested .ds strings); the rest is not expanded");
        }
        return false;
    }

    std::string_view in_;
    EscapeState& state_;
    Rendered& out_;
    DiagnosticSink& sink_;
    SourcePlace place_;
    std::size_t pos_ = 0;
    std::size_t start_ = 0;
    bool nul_reported_ = false;
    bool utf8_reported_ = false;
    int depth_guard_ = 0;
};

}  // namespace

std::string special_character(std::string_view name) {
    for (const auto& s : kSpecialChars)
        if (s.name == name) return std::string(s.text);
    // \[u2014] and \[u0041_0301]: Unicode code points.
    if (name.size() >= 5 && name[0] == 'u') {
        std::uint32_t cp = 0;
        std::size_t i = 1;
        for (; i < name.size() && i <= 7; ++i) {
            char h = name[i];
            int v = h >= '0' && h <= '9' ? h - '0' : h >= 'A' && h <= 'F' ? h - 'A' + 10 : h >= 'a' && h <= 'f' ? h - 'a' + 10 : -1;
            if (v < 0) break;
            cp = cp * 16 + static_cast<std::uint32_t>(v);
        }
        if (i == name.size() && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
            std::string out;
            append_utf8(out, cp);
            return out;
        }
    }
    // A single character names itself: \(xx is always two, but \[.] is one.
    if (name.size() == 1) return std::string(name);
    return {};
}

void render_escapes(std::string_view input, EscapeState& state, Rendered& out, DiagnosticSink& sink,
                    SourcePlace place) {
    Renderer(input, state, out, sink, place).run();
}

}  // namespace manaudit::roff
